package com.creditdiligence.desk;

import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseStatus;
import com.creditdiligence.platform.EngineActions;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.springframework.stereotype.Component;

/** Each case's real stage ({@link CaseStage}), from its file's status and the elements its process waits in. */
@Component
public class CaseStages {

  /** The statuses of a case whose process still runs (the others are ends: nothing to ask the engine). */
  private static final Set<CaseStatus> RUNNING =
      EnumSet.of(
          CaseStatus.REGISTERED,
          CaseStatus.COMMITTEE_APPROVED,
          CaseStatus.IN_MONITORING,
          CaseStatus.PROBLEM_HANDLING);

  private final RuntimeService runtime;
  private final EngineActions actions;

  CaseStages(RuntimeService runtime, EngineActions actions) {
    this.runtime = runtime;
    this.actions = actions;
  }

  public CaseStage of(CaseFile file) {
    return CaseStage.of(file.status(), activeElements(file));
  }

  public Map<String, CaseStage> of(Collection<CaseFile> files) {
    Map<String, CaseStage> stages = new HashMap<>();
    files.forEach(file -> stages.put(file.businessKey(), of(file)));
    return stages;
  }

  /** The elements the case's process (with its called processes) waits in; none once it has ended. */
  public Set<String> activeElements(CaseFile file) {
    Set<String> elements = new HashSet<>();
    if (file.processInstanceId() == null || !RUNNING.contains(file.status())) {
      return elements;
    }
    ActivityInstance tree =
        actions.asApplication(() -> runtime.getActivityInstance(file.processInstanceId()));
    if (tree != null) {
      collect(tree, elements);
    }
    return elements;
  }

  private static void collect(ActivityInstance instance, Set<String> elements) {
    elements.add(instance.getActivityId());
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collect(child, elements);
    }
  }
}
