package com.creditdiligence.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One figure, one unit, asked once (issue 18 item 6). Every number a form asks names its unit in its label
 * («上年营业收入(元) …»); money is kept in yuan (元), never 万元 or 亿元; a quantity is asked under one key in one unit on
 * every form; and where a later form shows a figure an earlier step asked, it shows it read-only (disabled, so that
 * Tasklist does not submit it and the server does not accept it), never as a second question.
 */
class OneUnitPerQuantityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** «名称(单位…) English»: the Chinese name before the first parenthesis, the unit up to a comma or the closing one. */
  private static final Pattern LABEL = Pattern.compile("^\\s*([^(( ]+)\\s*[((]([^,,))]+)");

  private static final Set<String> UNITS = Set.of("元", "月", "天", "人");

  /** Numbers that are not quantities: a finding's running number in the auditor's list. */
  private static final Set<String> NOT_QUANTITIES = Set.of("findingNo");

  record Asked(String form, String key, String name, String unit, boolean editable) {}

  @Test
  void everyNumberAFormAsksNamesItsUnitAndMoneyIsInYuan() throws IOException {
    List<String> unitless = new ArrayList<>();
    for (Asked asked : numbers()) {
      if (asked.unit() == null || !UNITS.contains(asked.unit())) {
        unitless.add(asked.form() + " " + asked.key() + " (" + asked.unit() + ")");
      }
    }
    assertThat(unitless)
        .as("numbers whose label does not say one of the units %s", UNITS)
        .isEmpty();
  }

  @Test
  void aQuantityIsAskedUnderOneKeyInOneUnitOnEveryForm() throws IOException {
    Map<String, Set<String>> keysByName = new TreeMap<>();
    Map<String, Set<String>> unitsByKey = new TreeMap<>();
    for (Asked asked : numbers()) {
      keysByName.computeIfAbsent(asked.name(), n -> new TreeSet<>()).add(asked.key());
      unitsByKey.computeIfAbsent(asked.key(), k -> new TreeSet<>()).add(asked.unit());
    }
    assertThat(keysByName)
        .as("a quantity asked under two keys is the same figure asked twice")
        .allSatisfy((name, keys) -> assertThat(keys).as(name).hasSize(1));
    assertThat(unitsByKey)
        .as("a figure is in one unit wherever it is shown")
        .allSatisfy((key, units) -> assertThat(units).as(key).hasSize(1));
  }

  @Test
  void aFigureIsAskedOnOneFormAndShownReadOnlyWhereverElseItAppears() throws IOException {
    Map<String, Set<String>> editableOn = new TreeMap<>();
    for (Asked asked : numbers()) {
      if (asked.editable()) {
        editableOn.computeIfAbsent(asked.key(), k -> new TreeSet<>()).add(asked.form());
      }
    }
    assertThat(editableOn)
        .allSatisfy((key, forms) -> assertThat(forms).as("the forms asking %s", key).hasSize(1));
  }

  @Test
  void lastYearsRevenueIsAskedAtIntakeInYuanAndShownReadOnlyInTheReport() throws IOException {
    List<Asked> revenue =
        numbers().stream().filter(a -> a.key().equals("revenueLastYear")).toList();

    assertThat(revenue)
        .extracting(Asked::form, Asked::unit, Asked::editable)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("ApplicationIntake", "元", true),
            org.assertj.core.groups.Tuple.tuple("AnalysisEvaluation", "元", false));
    assertThat(numbers()).extracting(Asked::key).doesNotContain("annualRevenue");
  }

  @Test
  void noFormMarksAFieldReadOnlyTasklistWouldStillSubmit() throws IOException {
    // form-js submits a read-only field's value (only a disabled one is left out), which the server
    // refuses as not
    // the user's to write: a value carried from an earlier step is shown disabled.
    List<String> readOnly = new ArrayList<>();
    for (File file : forms()) {
      collectReadOnly(JSON.readTree(file).path("components"), file.getName(), readOnly);
    }
    assertThat(readOnly).isEmpty();
  }

  private static void collectReadOnly(JsonNode components, String form, List<String> into) {
    for (JsonNode c : components) {
      if (c.has("readonly")
          && c.hasNonNull("key")
          && !c.path("readonly").asText().equals("false")) {
        into.add(form + " " + c.path("key").asText());
      }
      if (!"dynamiclist".equals(c.path("type").asText())) {
        collectReadOnly(c.path("components"), form, into);
      }
    }
  }

  private static File[] forms() {
    return new File("forms").listFiles((dir, name) -> name.endsWith(".form"));
  }

  /** Every number field of every form (but the list items that are not quantities), with its label's name and unit. */
  static List<Asked> numbers() throws IOException {
    List<Asked> numbers = new ArrayList<>();
    for (File file : forms()) {
      JsonNode form = JSON.readTree(file);
      collect(
          form.path("components"), form.path("id").asText().replaceFirst("^Form_", ""), numbers);
    }
    assertThat(numbers).as("number fields in forms/").isNotEmpty();
    return numbers;
  }

  private static void collect(JsonNode components, String form, List<Asked> into) {
    for (JsonNode c : components) {
      String key = c.path("key").asText(null);
      if ("number".equals(c.path("type").asText())
          && key != null
          && !NOT_QUANTITIES.contains(key)) {
        Matcher m = LABEL.matcher(c.path("label").asText(""));
        boolean editable = !c.path("disabled").asBoolean(false) && !c.has("readonly");
        into.add(
            m.find()
                ? new Asked(form, key, m.group(1), m.group(2).strip(), editable)
                : new Asked(form, key, c.path("label").asText(""), null, editable));
      }
      collect(c.path("components"), form, into);
    }
  }
}
