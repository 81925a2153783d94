package com.creditdiligence.audit;

import com.creditdiligence.evidence.EvidenceRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.creditdiligence.platform.EngineActions;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.stereotype.Component;

/**
 * The diagrams of the process versions a case actually ran, as the ledger names them
 * ({@code guarantee-lifecycle:v3 (2026.2) deployment …}). A deployed version never changes: drawn once.
 */
@Component
class ModelDiagrams {

  private static final Pattern MODEL_VERSION = Pattern.compile("^([\\w-]+):v(\\d+)\\b.*");

  private final RepositoryService repository;
  private final EngineActions engine;
  private final Map<String, String> svgByDefinition = new ConcurrentHashMap<>();

  ModelDiagrams(RepositoryService repository, EngineActions engine) {
    this.repository = repository;
    this.engine = engine;
  }

  /** Process key → SVG, for the first version of each process the case's records name. */
  Map<String, String> of(List<EvidenceRecord> records) {
    // Whoever may replay the case may see the models it ran, whatever Camunda grants them.
    return engine.asApplication(() -> draw(records));
  }

  private Map<String, String> draw(List<EvidenceRecord> records) {
    Map<String, String> diagrams = new LinkedHashMap<>();
    for (EvidenceRecord record : records) {
      if (record.ruleSetVersion() == null || record.processDefinitionKey() == null
          || diagrams.containsKey(record.processDefinitionKey())) {
        continue;
      }
      Matcher version = MODEL_VERSION.matcher(record.ruleSetVersion());
      if (!version.matches() || !version.group(1).equals(record.processDefinitionKey())) {
        continue;
      }
      ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(version.group(1))
          .processDefinitionVersion(Integer.valueOf(version.group(2))).singleResult();
      if (definition != null) {
        diagrams.put(definition.getKey(), svgByDefinition.computeIfAbsent(definition.getId(),
            id -> ProcessDiagram.svg(Bpmn.readModelFromStream(repository.getProcessModel(id)))));
      }
    }
    return diagrams;
  }
}
