package com.creditdiligence.platform;

import com.creditdiligence.submission.TaskRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every {@link TaskRule} bean, by the BPMN element it guards. Two rules for one element fail the start. */
@Component
public class TaskRules {

  private final Map<String, TaskRule> byElementId;

  public TaskRules(List<TaskRule> rules) {
    this.byElementId = rules.stream().collect(Collectors.toMap(TaskRule::elementId, Function.identity()));
  }

  public Optional<TaskRule> forElement(String elementId) {
    return Optional.ofNullable(byElementId.get(elementId));
  }

  public boolean covers(String elementId) {
    return byElementId.containsKey(elementId);
  }
}
