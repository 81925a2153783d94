package com.creditdiligence.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 item 1: a submitted value is kept as a process variable exactly when something after its completion may
 * read it; the others live for the completion only (the ledger keeps them all).
 */
class SubmissionVariablesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final SubmissionVariables variables = SubmissionVariables.fromClasspath(List.of());

  @Test
  void everyNameTheCodeReadsByNameIsKept() throws IOException {
    Set<String> read = new TreeSet<>();
    Pattern literal =
        Pattern.compile(
            "getVariable(?:Local|Typed)?\\(\"([A-Za-z_0-9]+)\"|variableName\\(\"([A-Za-z_0-9]+)\"");
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = literal.matcher(Files.readString(source));
        while (m.find()) {
          read.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
      }
    }
    assertThat(read).isNotEmpty();
    assertThat(SubmissionVariables.READ_BY_THE_APPLICATION).containsAll(read);
    read.forEach(name -> assertThat(variables.keeps("Form_Any", name)).as(name).isTrue());
  }

  @Test
  void aValueAnotherFormShowsIsKeptAndAValueNothingReadsIsNot() throws IOException {
    Map<String, List<String>> fields = editableFieldsByForm();
    Map<String, List<String>> dropped = new TreeMap<>();
    fields.forEach(
        (form, names) ->
            names.stream()
                .filter(name -> !variables.keeps(form, name))
                .forEach(name -> dropped.computeIfAbsent(form, f -> new ArrayList<>()).add(name)));
    dropped.forEach(
        (form, names) ->
            System.out.println("[submission-variables] " + form + " transient: " + names));
    // every field of a form that another form also names stays (a field prefilled from the variable
    // of its name), but the documents a step relies on, which are that step's own
    fields.forEach(
        (form, names) ->
            fields.forEach(
                (other, otherNames) -> {
                  if (!other.equals(form)) {
                    names.stream()
                        .filter(otherNames::contains)
                        .filter(name -> !SubmissionVariables.THE_STEPS_OWN.contains(name))
                        .forEach(
                            name ->
                                assertThat(variables.keeps(form, name))
                                    .as(form + " " + name)
                                    .isTrue());
                  }
                }));
    assertThat(dropped).as("some values are read by nothing after their completion").isNotEmpty();
  }

  @Test
  void theDocumentsAStepReliesOnAreNeverKeptThoughManyFormsAskForThem() throws IOException {
    long asking =
        editableFieldsByForm().values().stream()
            .filter(names -> names.contains("attachedDocuments"))
            .count();
    assertThat(asking).isGreaterThan(1);
    editableFieldsByForm()
        .keySet()
        .forEach(form -> assertThat(variables.keeps(form, "attachedDocuments")).as(form).isFalse());
  }

  private static Map<String, List<String>> editableFieldsByForm() throws IOException {
    Map<String, List<String>> fields = new TreeMap<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        JsonNode root = JSON.readTree(form.toFile());
        List<String> keys = new ArrayList<>();
        collect(root.path("components"), keys);
        fields.put(root.path("id").asText(), keys);
      }
    }
    return fields;
  }

  private static void collect(JsonNode components, List<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")
          && !component.path("disabled").asBoolean(false)
          && !component.path("readonly").asBoolean(false)) {
        keys.add(component.path("key").asText());
      }
      collect(component.path("components"), keys);
    }
  }
}
