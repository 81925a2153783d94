package com.creditdiligence.brief;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deployed form's fields as its user saw them: each keyed field's label, the labels of its choices, and
 * the group it sits in (with the group's own title text), in the form's order. The brief shows a record's
 * findings through the form they were submitted on, so that each value reads as it was asked.
 */
public final class FormLayout {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One field of the form; {@code group} is the heading of the group it sits in, or null at the top level. */
  public record Field(
      String key, String type, String label, Map<String, String> choices, String group) {}

  private final List<Field> fields;

  private FormLayout(List<Field> fields) {
    this.fields = fields;
  }

  /** The form on the classpath under {@code forms/<name>.form} (how the build packages the deployed forms). */
  public static FormLayout of(String name) {
    try (InputStream in =
        FormLayout.class.getClassLoader().getResourceAsStream("forms/" + name + ".form")) {
      if (in == null) {
        throw new IllegalStateException("No form forms/" + name + ".form on the classpath");
      }
      List<Field> fields = new ArrayList<>();
      walk(JSON.readTree(in).path("components"), null, fields);
      return new FormLayout(List.copyOf(fields));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Field> fields() {
    return fields;
  }

  /** One answer as its form asked it, under the heading of the group it sits in (null at the top level). */
  public record Row(String group, String label, String value) {}

  /** The answers given, in the form's order, each as a person reads it; fields left empty are left out. */
  public List<Row> rows(Map<String, Object> values) {
    List<Row> rows = new ArrayList<>();
    for (Field field : fields) {
      // The documents a record cites are listed with their files, not as references among its
      // answers.
      String shown =
          "attachedDocuments".equals(field.key()) ? "" : display(field, values.get(field.key()));
      if (!shown.isEmpty()) {
        rows.add(new Row(field.group(), field.label(), shown));
      }
    }
    return rows;
  }

  /** Whether the classpath holds {@code forms/<name>.form}. */
  public static boolean exists(String name) {
    return FormLayout.class.getClassLoader().getResource("forms/" + name + ".form") != null;
  }

  private static void walk(JsonNode components, String group, List<Field> into) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (c.has("components")) {
        walk(c.path("components"), "group".equals(type) ? heading(c, group) : group, into);
        continue;
      }
      String key = c.path("key").asText(null);
      if (key == null || "text".equals(type)) {
        continue;
      }
      String label =
          c.path("label").asText(c.path("dateLabel").asText(c.path("timeLabel").asText(key)));
      Map<String, String> choices = new LinkedHashMap<>();
      c.path("values")
          .forEach(v -> choices.put(v.path("value").asText(), v.path("label").asText()));
      into.add(new Field(key, type, label, choices, group));
    }
  }

  /** A group's label, with the first plain (not FEEL) text inside it when there is one: «资料 01 · 营业执照…». */
  private static String heading(JsonNode group, String outer) {
    String label = group.path("label").asText("");
    for (JsonNode c : group.path("components")) {
      String text = c.path("text").asText("");
      if ("text".equals(c.path("type").asText()) && !text.isBlank() && !text.startsWith("=")) {
        String plain = text.replaceAll("[*#>_`]", "").replaceAll("\\s+", " ").trim();
        if (plain.length() <= 160) {
          label = label.isBlank() ? plain : label + " — " + plain;
        }
        break;
      }
    }
    if (label.isBlank()) {
      return outer;
    }
    return label;
  }

  /** A submitted value as a person reads it; empty when the field was left empty. */
  public static String display(Field field, Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof List<?> list) {
      List<String> shown = new ArrayList<>();
      for (Object item : list) {
        String s = display(field, item);
        if (!s.isEmpty()) {
          shown.add(s);
        }
      }
      return String.join("、", shown);
    }
    if (value instanceof Boolean b) {
      return b ? "是 Yes" : "否 No";
    }
    if (value instanceof Number n) {
      return grouped(n);
    }
    String text = value.toString();
    if (text.isBlank()) {
      return "";
    }
    return field.choices().getOrDefault(text, text);
  }

  /** 5000000 → 5,000,000; 1234.5 → 1,234.5. */
  public static String grouped(Number n) {
    DecimalFormat format =
        new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(new BigDecimal(n.toString()));
  }
}
