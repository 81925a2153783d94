package com.creditdiligence.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Field;
import com.creditdiligence.submission.TaskSpec.FieldType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * A step is one unit: its BPMN element names its form, its spec names the same element and form, and the
 * spec's fields are exactly the form's editable fields (neither disabled nor read-only), with the same types, both ways.
 * Read from the files and the rule classes, without the application.
 */
class TaskSpecsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, FieldType> COMPONENT_TYPES =
      Map.of(
          "textfield",
          FieldType.TEXT,
          "textarea",
          FieldType.TEXT,
          "number",
          FieldType.NUMBER,
          "checkbox",
          FieldType.FLAG,
          "datetime",
          FieldType.DATE,
          "select",
          FieldType.CHOICE,
          "radio",
          FieldType.CHOICE,
          "checklist",
          FieldType.CHOICES,
          "taglist",
          FieldType.CHOICES,
          "dynamiclist",
          FieldType.ITEMS);

  private static final List<TaskRule> rules = DeclaredTaskRules.all();

  @Test
  void everySpecsFieldsAreExactlyItsFormsEditableFields() throws IOException {
    Map<String, List<Field>> forms = forms();
    for (TaskRule rule : rules) {
      TaskSpec spec = rule.spec();
      assertThat(forms).as("the form of %s", spec.elementId()).containsKey(spec.formId());
      assertThat(spec.fields())
          .as("the fields of %s against %s", spec.elementId(), spec.formId())
          .containsExactlyElementsOf(forms.get(spec.formId()));
    }
  }

  @Test
  void everyFormHasOneSpecAndEveryElementWithAFormIsTheElementOfItsSpec() throws IOException {
    Map<String, String> specs =
        rules.stream()
            .map(TaskRule::spec)
            .collect(Collectors.toMap(TaskSpec::elementId, TaskSpec::formId));
    assertThat(specs.values())
        .as("one spec per form")
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(forms().keySet());
    assertThat(specs).isEqualTo(elementsWithForms());
  }

  @Test
  void aSpecsContextValuesAreNotFieldsOfItsForm() {
    for (TaskRule rule : rules) {
      assertThat(rule.spec().context())
          .as("what %s reads besides its form", rule.elementId())
          .doesNotContainAnyElementsOf(rule.spec().fieldNames());
    }
  }

  /** The editable fields of every form in forms/, by form id, read from the files. */
  private static Map<String, List<Field>> forms() throws IOException {
    Map<String, List<Field>> forms = new TreeMap<>();
    for (File file : new File("forms").listFiles((dir, name) -> name.endsWith(".form"))) {
      JsonNode form = JSON.readTree(file);
      List<Field> fields = new ArrayList<>();
      collect(form.path("components"), fields);
      forms.put(form.path("id").asText(), fields);
    }
    return forms;
  }

  private static void collect(JsonNode components, List<Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String key =
          type.equals("dynamiclist")
              ? component.path("path").asText(null)
              : component.path("key").asText(null);
      boolean readOnly =
          component.path("disabled").asBoolean(false)
              || component.path("readonly").asBoolean(false)
              || component.path("readonly").isTextual();
      if (key != null && !readOnly) {
        assertThat(COMPONENT_TYPES).as("a known component type for %s", key).containsKey(type);
        fields.add(new Field(key, COMPONENT_TYPES.get(type)));
      }
      if (!type.equals("dynamiclist")) {
        collect(component.path("components"), fields);
      }
    }
  }

  /** Every user task and start event of bpmn/ that names a form, with the form it names. */
  private static Map<String, String> elementsWithForms() {
    Map<String, String> elements = new TreeMap<>();
    for (File file : new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
      var model = Bpmn.readModelFromFile(file);
      model.getModelElementsByType(UserTask.class).stream()
          .filter(t -> t.getCamundaFormRef() != null)
          .forEach(t -> elements.put(t.getId(), t.getCamundaFormRef()));
      model.getModelElementsByType(StartEvent.class).stream()
          .filter(e -> e.getCamundaFormRef() != null)
          .forEach(e -> elements.put(e.getId(), e.getCamundaFormRef()));
    }
    return elements;
  }
}
