package com.creditdiligence.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.platform.TaskRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The models in bpmn/ and forms/ are complete: every form exists, every task has its rule, every element its diagram.
 * Read from the files and the rule classes, without the application.
 */
class ModelConformanceTest {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final ObjectMapper JSON = new ObjectMapper();

  static List<BpmnModelInstance> processes = new ArrayList<>();
  static Map<String, JsonNode> formsById = new HashMap<>();

  static final TaskRules rules = DeclaredTaskRules.asTaskRules();

  @BeforeAll
  static void readModels() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      files
          .filter(f -> f.toString().endsWith(".bpmn"))
          .forEach(f -> processes.add(Bpmn.readModelFromFile(f.toFile())));
    }
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path form : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode schema = JSON.readTree(form.toFile());
        formsById.put(schema.get("id").asText(), schema);
      }
    }
    assertThat(processes).isNotEmpty();
  }

  @Test
  void theApplicationIntakeIsAStartForm() {
    assertThat(formBearingElements())
        .extracting(FlowNode::getId)
        .contains("StartEvent_ApplicationReceived", "StartEvent_EventReported");
  }

  @Test
  void everyUserTaskAndStartFormNamesADeployedCamundaForm() {
    for (FlowNode node : formBearingElements()) {
      String formRef = node.getAttributeValueNs(CAMUNDA_NS, "formRef");
      assertThat(formRef).as("form of %s", node.getId()).isNotNull();
      assertThat(node.getAttributeValueNs(CAMUNDA_NS, "formRefBinding"))
          .as("binding of %s", node.getId())
          .isEqualTo("deployment");
      assertThat(formsById).as("forms/ holds %s", formRef).containsKey(formRef);
    }
  }

  @Test
  void everyFormIsUsedByATask() {
    List<String> referenced =
        formBearingElements().stream()
            .map(n -> n.getAttributeValueNs(CAMUNDA_NS, "formRef"))
            .toList();
    assertThat(referenced).containsAll(formsById.keySet());
  }

  @Test
  void everyFormBearingElementHasAServerSideRule() {
    for (FlowNode node : formBearingElements()) {
      assertThat(rules.covers(node.getId())).as("a TaskRule for %s", node.getId()).isTrue();
    }
  }

  @Test
  void everyElementHasDiagramInformationSoItOpensInTheModeler() {
    for (BpmnModelInstance model : processes) {
      List<String> shapes =
          model.getModelElementsByType(BpmnShape.class).stream()
              .map(s -> s.getBpmnElement().getId())
              .toList();
      List<String> edges =
          model.getModelElementsByType(BpmnEdge.class).stream()
              .map(e -> e.getBpmnElement().getId())
              .toList();
      model
          .getModelElementsByType(FlowNode.class)
          .forEach(n -> assertThat(shapes).as("shape of %s", n.getId()).contains(n.getId()));
      model
          .getModelElementsByType(SequenceFlow.class)
          .forEach(f -> assertThat(edges).as("edge of %s", f.getId()).contains(f.getId()));
    }
  }

  @Test
  void everyProcessAndDecisionKeepsItsHistoryForTenYears() throws IOException {
    for (BpmnModelInstance model : processes) {
      model
          .getModelElementsByType(Process.class)
          .forEach(
              p ->
                  assertThat(p.getCamundaHistoryTimeToLiveString())
                      .as(p.getId())
                      .isEqualTo("P3650D"));
    }
    try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
        DmnModelInstance dmn = Dmn.readModelFromFile(file.toFile());
        dmn.getModelElementsByType(Decision.class)
            .forEach(
                d ->
                    assertThat(d.getCamundaHistoryTimeToLiveString())
                        .as(d.getId())
                        .isEqualTo("P3650D"));
      }
    }
  }

  @Test
  void userFacingNamesAreBilingualChineseFirst() {
    for (BpmnModelInstance model : processes) {
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        String name = element.getName();
        if (element instanceof SequenceFlow && name == null) {
          continue;
        }
        assertThat(name).as("name of %s", element.getId()).matches("^\\p{IsHan}.*[A-Za-z].*");
      }
    }
  }

  private static List<FlowNode> formBearingElements() {
    List<FlowNode> nodes = new ArrayList<>();
    for (BpmnModelInstance model : processes) {
      nodes.addAll(model.getModelElementsByType(UserTask.class));
      model.getModelElementsByType(StartEvent.class).stream()
          .filter(
              s ->
                  s.getParentElement() instanceof Process
                      && s.getAttributeValueNs(CAMUNDA_NS, "formRef") != null)
          .forEach(nodes::add);
    }
    return nodes;
  }
}
