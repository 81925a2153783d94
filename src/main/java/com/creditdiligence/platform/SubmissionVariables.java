package com.creditdiligence.platform;

import com.creditdiligence.submission.TaskSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Which submitted values the engine must keep as process variables (issue 23 item 1). The evidence ledger keeps
 * every submitted value; Camunda needs only those a later step reads: a gateway's or listener's expression, a
 * decision table, another form (a field prefilled from the variable of its name, a FEEL expression), a step's
 * rule reading the case ({@link TaskSpec#context()}), or the application's code in a later command. Every other
 * value lives only for its completion (a transient task variable: the guard, the ledger and the step's own
 * listeners read it; it is neither stored nor historized).
 *
 * <p>Conservative by construction: a name is kept when it occurs as a word anywhere in the models (BPMN, DMN) or in
 * another form's file, so that only names nothing else mentions are dropped.
 */
final class SubmissionVariables {

  /**
   * Values the application's code reads by name in a later command (delegates, the desk, Tasklist's columns):
   * {@code SubmissionVariablesTest} holds this list to every {@code getVariable("…")} in the sources.
   */
  static final Set<String> READ_BY_THE_APPLICATION =
      Set.of(
          "riskClass",
          "monitoringRound",
          "monitoringReportDue",
          "warningCategory",
          "reviewTrigger",
          "reviewReason",
          "reviewId",
          "recommendation",
          "reassignTo",
          "openedBy",
          "occurredOn",
          "monitoringIntervalDays",
          "manager",
          "majorEventKind",
          "issuedOn",
          "headInstruction",
          "eventType",
          "eventDescription",
          "eligibilityFailures",
          "conflictOfInterest",
          "caseManager",
          "caseKey",
          "approvalAuthority",
          "applicantName",
          "loopCounter");

  /**
   * Values that are the step's own although other forms ask for them by the same name: the documents a step relies on.
   * A later form must open with none of them picked, and the ledger cites them; kept, they were written at each
   * completion and cleared again straight after ({@link EvidenceCapture}).
   */
  static final Set<String> THE_STEPS_OWN = Set.of(EvidenceCapture.ATTACHED_DOCUMENTS);

  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Set<String> everywhere;
  private final Map<String, Set<String>> wordsByForm;
  private final Map<String, Integer> formUses;

  SubmissionVariables(
      Set<String> everywhere, Map<String, Set<String>> wordsByForm, Map<String, Integer> formUses) {
    this.everywhere = Set.copyOf(everywhere);
    this.wordsByForm = Map.copyOf(wordsByForm);
    this.formUses = Map.copyOf(formUses);
  }

  /** Read from the models and forms the application deploys (the classpath's {@code bpmn/} and {@code forms/}). */
  static SubmissionVariables fromClasspath(Collection<TaskSpec> specs) {
    try {
      PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
      Set<String> everywhere = new HashSet<>(READ_BY_THE_APPLICATION);
      specs.forEach(spec -> everywhere.addAll(spec.context()));
      Map<String, Integer> formUses = new HashMap<>();
      for (String pattern : List.of("classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn")) {
        for (Resource model : resolver.getResources(pattern)) {
          String text = read(model);
          everywhere.addAll(words(text));
          Matcher formRef = Pattern.compile("formRef=\"([^\"]+)\"").matcher(text);
          while (formRef.find()) {
            formUses.merge(formRef.group(1), 1, Integer::sum);
          }
        }
      }
      Map<String, Set<String>> wordsByForm = new HashMap<>();
      for (Resource form : resolver.getResources("classpath*:forms/**/*.form")) {
        String text = read(form);
        wordsByForm.merge(
            JSON.readTree(text).path("id").asText(),
            words(text),
            (a, b) -> {
              Set<String> both = new HashSet<>(a);
              both.addAll(b);
              return both;
            });
      }
      return new SubmissionVariables(everywhere, wordsByForm, formUses);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the deployed models and forms", e);
    }
  }

  /** Whether the engine keeps the value submitted as {@code name} on the form {@code formId} as a process variable. */
  boolean keeps(String formId, String name) {
    if (THE_STEPS_OWN.contains(name)) {
      return false;
    }
    if (everywhere.contains(name) || formUses.getOrDefault(formId, 0) > 1) {
      return true; // read by a model or the code, or the form is shown by another step that
      // prefills from it
    }
    return wordsByForm.entrySet().stream()
        .anyMatch(form -> !form.getKey().equals(formId) && form.getValue().contains(name));
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      words.add(word.group());
    }
    return words;
  }

  private static String read(Resource resource) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
