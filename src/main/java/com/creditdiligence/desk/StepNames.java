package com.creditdiligence.desk;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;

/** A step's name as the model gives it («担保后监测报告 Monitoring report (§21–§23)») for its BPMN element id. */
@Component
class StepNames {

  private final RepositoryService repository;
  private final Map<String, String> names = new ConcurrentHashMap<>();

  StepNames(RepositoryService repository) {
    this.repository = repository;
  }

  String of(String elementId) {
    if (elementId == null) {
      return "—";
    }
    if (names.isEmpty()) {
      for (ProcessDefinition definition :
          repository.createProcessDefinitionQuery().latestVersion().list()) {
        repository
            .getBpmnModelInstance(definition.getId())
            .getModelElementsByType(FlowNode.class)
            .stream()
            .filter(node -> node.getName() != null)
            .forEach(node -> names.putIfAbsent(node.getId(), node.getName()));
      }
    }
    return names.getOrDefault(elementId, elementId);
  }
}
