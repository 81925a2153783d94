package com.creditdiligence.models;

import static com.creditdiligence.demo.DemoSubmissions.compensation;
import static com.creditdiligence.demo.DemoSubmissions.contracts;
import static com.creditdiligence.demo.DemoSubmissions.evaluation;
import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.investigation;
import static com.creditdiligence.demo.DemoSubmissions.preservationMeasures;
import static com.creditdiligence.demo.DemoSubmissions.problemHandling;
import static com.creditdiligence.demo.TestSubmissions.majorEventInvestigation;
import static com.creditdiligence.demo.TestSubmissions.majorEventReview;
import static com.creditdiligence.demo.TestSubmissions.monitoringReport;
import static com.creditdiligence.demo.TestSubmissions.overdueReview;
import static com.creditdiligence.demo.TestSubmissions.release;
import static com.creditdiligence.demo.TestSubmissions.reservedOpinion;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.platform.EngineValues;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the server requires, the form says before submitting: a field the step's rule refuses when it is left empty —
 * in a submission the rule otherwise accepts, on each of the step's paths — is marked required (*) in the step's
 * form, so that Tasklist greys out «完成» on it instead of the server refusing afterwards. A field shown only on
 * some path is hidden on the others, where form-js neither validates nor submits it.
 */
@ApplicationTest
class RequiredFieldsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired List<TaskRule> rules;

  /** Accepted submissions of each step, one per path through its form, with the case values its rule reads. */
  private static Map<String, List<Map<String, Object>>> samples() {
    Map<String, List<Map<String, Object>>> samples = new TreeMap<>();
    samples.put(
        "StartEvent_ApplicationReceived",
        List.of(
            intake("苏州必填甲公司", "workingCapitalLoan", 1_000_000, 12),
            with(intake("苏州必填乙公司", "projectFinancing", 1_000_000, 36), Map.of())));
    samples.put(
        "Task_CustomerInvestigation",
        List.of(
            with(investigation(false), Map.of("product", "workingCapitalLoan")),
            with(investigation(true), Map.of("product", "projectFinancing"))));
    samples.put(
        "Task_AnalysisEvaluation",
        List.of(evaluation("approve"), evaluation("approveWithConditions")));
    samples.put(
        "Task_SignContracts",
        List.of(
            with(
                contracts(false),
                Map.of(
                    "hasCounterGuarantee",
                    true,
                    "counterGuaranteeTypes",
                    List.of("guarantor", "mortgage"))),
            with(
                contracts(true),
                Map.of(
                    "hasCounterGuarantee",
                    true,
                    "counterGuaranteeTypes",
                    List.of("guarantor", "mortgage")))));
    samples.put(
        "Task_RecordReservedOpinion", List.of(reservedOpinion(true), reservedOpinion(false)));
    samples.put(
        "Task_MonitoringReport", List.of(monitoringReport("normal", 0, "continueMonitoring")));
    samples.put("Task_ReviewOverdueReport", List.of(overdueReview(null)));
    samples.put("Task_MajorEventInvestigation", List.of(majorEventInvestigation("specialMention")));
    samples.put("Task_ReviewMajorEventReport", List.of(majorEventReview("specialMention")));
    samples.put(
        "Task_PreservationMeasures",
        List.of(preservationMeasures(true), preservationMeasures(false)));
    samples.put("Task_ProblemHandling", List.of(problemHandling("recoveredContinue")));
    samples.put("Task_RecordCompensation", List.of(compensation(1_000_000, 400_000)));
    samples.put("Task_ReleaseGuarantee", List.of(release()));
    return samples;
  }

  @Test
  void everyFieldTheServerRefusesWhenLeftEmptyIsMarkedRequiredInItsForm() throws IOException {
    Map<String, Map<String, JsonNode>> forms = forms();
    Map<String, TaskRule> byElement =
        rules.stream().collect(Collectors.toMap(TaskRule::elementId, Function.identity()));
    Map<String, Object> unmarked = new TreeMap<>();
    samples()
        .forEach(
            (elementId, paths) -> {
              TaskRule rule = byElement.get(elementId);
              Map<String, JsonNode> fields = forms.get(rule.spec().formId());
              TreeSet<String> missing = new TreeSet<>();
              for (Map<String, Object> sample : paths) {
                assertThat(refusals(rule, sample))
                    .as("the sample of %s is accepted", elementId)
                    .isEmpty();
                for (String field : rule.spec().fieldNames()) {
                  if (!sample.containsKey(field)) {
                    continue;
                  }
                  Map<String, Object> leftEmpty = new HashMap<>(sample);
                  leftEmpty.remove(field);
                  boolean refusedForIt =
                      refusals(rule, leftEmpty).stream().anyMatch(r -> field.equals(r.field()));
                  JsonNode component = fields.get(field);
                  if (refusedForIt && !component.at("/validate/required").asBoolean(false)) {
                    missing.add(field);
                  }
                }
              }
              if (!missing.isEmpty()) {
                unmarked.put(elementId, missing);
              }
            });
    assertThat(unmarked)
        .as("fields the server requires that the form does not mark required (*)")
        .isEmpty();
  }

  /** The rule's refusals of the values as the engine hands them over: Json values read as lists and maps. */
  private static List<Refusal> refusals(TaskRule rule, Map<String, Object> values) {
    Map<String, Object> read = new HashMap<>();
    values.forEach(
        (name, value) -> read.put(name, value instanceof JsonValue json ? parse(json) : value));
    // The business day, in which the samples (DemoSubmissions) are dated: not the server's, which
    // may be a day behind.
    return rule.check(
        new Submission(read, "manager1", EngineValues.today(BusinessTime.DEFAULT_ZONE)));
  }

  private static Object parse(JsonValue json) {
    try {
      return JSON.readValue(json.getValueSerialized(), Object.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> with(
      Map<String, Object> values, Map<String, Object> caseValues) {
    Map<String, Object> all = new HashMap<>(values);
    all.putAll(caseValues);
    return all;
  }

  /** Every form's components by key. */
  private static Map<String, Map<String, JsonNode>> forms() throws IOException {
    Map<String, Map<String, JsonNode>> forms = new TreeMap<>();
    for (File file : new File("forms").listFiles((dir, name) -> name.endsWith(".form"))) {
      JsonNode form = JSON.readTree(file);
      Map<String, JsonNode> components = new HashMap<>();
      collect(form.path("components"), components);
      forms.put(form.path("id").asText(), components);
    }
    return forms;
  }

  private static void collect(JsonNode components, Map<String, JsonNode> into) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        into.put(component.path("key").asText(), component);
      }
      collect(component.path("components"), into);
    }
  }
}
