package com.creditdiligence.audit;

import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.platform.EngineActions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * The diagrams of the process versions a case actually ran, as the ledger names them: a record's process
 * definition id ({@code guarantee-lifecycle:3:…}), or, in a record written before that column, its rule set version
 * ({@code guarantee-lifecycle:v3 (2026.2) deployment …}). A deployed version never changes: drawn once.
 */
@Component
class ModelDiagrams {

  private static final Pattern MODEL_VERSION = Pattern.compile("^([\\w-]+):v(\\d+)\\b.*");

  private final RepositoryService repository;
  private final EngineActions engine;
  private final Map<String, String> svgByDefinition = new ConcurrentHashMap<>();
  private final Map<String, String> xmlByDefinition = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> namesByDefinition = new ConcurrentHashMap<>();

  ModelDiagrams(RepositoryService repository, EngineActions engine) {
    this.repository = repository;
    this.engine = engine;
  }

  /** Process key → SVG, for the first version of each process the case's records name. */
  Map<String, String> of(List<EvidenceRecord> records) {
    // Whoever may replay the case may see the models it ran, whatever Camunda grants them.
    return engine.asApplication(() -> draw(records));
  }

  /**
   * BPMN element id → the name the model gives it («签订合同 Sign contracts»), over the process versions the case
   * ran, so that a step reads as its task and not as its id.
   */
  Map<String, String> stepNames(List<EvidenceRecord> records) {
    return engine.asApplication(
        () -> {
          Map<String, String> names = new LinkedHashMap<>();
          for (ProcessDefinition definition : definitions(records)) {
            namesByDefinition
                .computeIfAbsent(
                    definition.getId(),
                    id -> {
                      Map<String, String> named = new LinkedHashMap<>();
                      Bpmn.readModelFromStream(repository.getProcessModel(id))
                          .getModelElementsByType(FlowElement.class)
                          .stream()
                          .filter(e -> e.getName() != null && !e.getName().isBlank())
                          .forEach(
                              e ->
                                  named.put(e.getId(), e.getName().replaceAll("\\s+", " ").trim()));
                      return Map.copyOf(named);
                    })
                .forEach(names::putIfAbsent);
          }
          return names;
        });
  }

  /** Process key → the BPMN XML of the first version of each process the case's records name, for the page's viewer. */
  Map<String, String> models(List<EvidenceRecord> records) {
    return engine.asApplication(
        () -> {
          Map<String, String> models = new LinkedHashMap<>();
          for (ProcessDefinition definition : definitions(records)) {
            models.put(
                definition.getKey(),
                xmlByDefinition.computeIfAbsent(
                    definition.getId(),
                    id -> {
                      try (var in = repository.getProcessModel(id)) {
                        return new String(
                            in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                      } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                      }
                    }));
          }
          return models;
        });
  }

  private Map<String, String> draw(List<EvidenceRecord> records) {
    Map<String, String> diagrams = new LinkedHashMap<>();
    for (ProcessDefinition definition : definitions(records)) {
      diagrams.put(
          definition.getKey(),
          svgByDefinition.computeIfAbsent(
              definition.getId(),
              id -> ProcessDiagram.svg(Bpmn.readModelFromStream(repository.getProcessModel(id)))));
    }
    return diagrams;
  }

  /**
   * The first version of each process the case's records name, in the order they first name it: by the record's
   * process definition id (a {@code credit-diligence-ledger-v2} record, whose hash covers it); only a record written
   * before that column (v1) is read by the version its rule set version text names.
   */
  private List<ProcessDefinition> definitions(List<EvidenceRecord> records) {
    Map<String, ProcessDefinition> found = new LinkedHashMap<>();
    for (EvidenceRecord record : records) {
      if (record.processDefinitionKey() == null
          || found.containsKey(record.processDefinitionKey())) {
        continue;
      }
      ProcessDefinition definition =
          CanonicalForm.V1.equals(record.canonicalVersion())
              ? byRuleSetVersion(record)
              : record.hashedProcessDefinitionId().map(this::byId).orElse(null);
      if (definition != null && definition.getKey().equals(record.processDefinitionKey())) {
        found.put(definition.getKey(), definition);
      }
    }
    return List.copyOf(found.values());
  }

  private ProcessDefinition byId(String definitionId) {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionId(definitionId)
        .singleResult();
  }

  /** A v1 record names its model only in its rule set version text ({@code key:vN (tag) deployment …}). */
  private ProcessDefinition byRuleSetVersion(EvidenceRecord record) {
    if (record.ruleSetVersion() == null) {
      return null;
    }
    Matcher version = MODEL_VERSION.matcher(record.ruleSetVersion());
    if (!version.matches() || !version.group(1).equals(record.processDefinitionKey())) {
      return null;
    }
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(version.group(1))
        .processDefinitionVersion(Integer.valueOf(version.group(2)))
        .singleResult();
  }
}
