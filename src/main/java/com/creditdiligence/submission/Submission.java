package com.creditdiligence.submission;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values a form submitted (together with the case variables visible to it), as plain Java
 * values: text, numbers, booleans, ISO dates as text, lists of text. Typed readers are lenient
 * about representation (a number may arrive as Long, Double or text) and strict about meaning.
 *
 * <p>Which case and which task the submission is for come from the engine, never from the values, so
 * that a rule may look the case's deciding facts up in the application's records (the case file, the
 * committee's seats and decision) rather than trust a value a user could have written.
 *
 * @param values      variable name to value
 * @param performer   the authenticated user submitting, or null when the engine acts by itself
 * @param today       the business date of the submission (the engine's clock)
 * @param businessKey the case's application number as the engine holds it (null before it is given)
 * @param taskId      the task completed (null for a start form)
 */
public record Submission(
    Map<String, Object> values,
    String performer,
    LocalDate today,
    String businessKey,
    String taskId) {

  public Submission {
    values = Collections.unmodifiableMap(values);
  }

  /** A submission not tied to a case or task (the rules' own tests, the intake before its number). */
  public Submission(Map<String, Object> values, String performer, LocalDate today) {
    this(values, performer, today, null, null);
  }

  /** Trimmed text, or empty when absent or blank. */
  public Optional<String> text(String key) {
    Object value = values.get(key);
    if (value == null) {
      return Optional.empty();
    }
    String text = value.toString().trim();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  public boolean hasText(String key) {
    return text(key).isPresent();
  }

  public Optional<BigDecimal> decimal(String key) {
    Object value = values.get(key);
    if (value instanceof BigDecimal decimal) {
      return Optional.of(decimal);
    }
    if (value instanceof Number number) {
      return Optional.of(new BigDecimal(number.toString()));
    }
    return text(key).flatMap(Submission::parseDecimal);
  }

  public boolean isTrue(String key) {
    Object value = values.get(key);
    return Boolean.TRUE.equals(value)
        || (value instanceof String s && Boolean.parseBoolean(s.trim()));
  }

  /** A date submitted as {@code yyyy-MM-dd} (a date-time's date part is accepted too). */
  public Optional<LocalDate> date(String key) {
    Object value = values.get(key);
    if (value instanceof LocalDate date) {
      return Optional.of(date);
    }
    return text(key)
        .flatMap(
            text -> {
              try {
                return Optional.of(
                    LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
              } catch (DateTimeParseException e) {
                return Optional.empty();
              }
            });
  }

  /** A checklist or tag list: the selected values as text. */
  public List<String> list(String key) {
    Object value = values.get(key);
    if (value instanceof Collection<?> items) {
      return items.stream().map(String::valueOf).toList();
    }
    return text(key).map(List::of).orElse(List.of());
  }

  /** A dynamic list of a Camunda Form: its items, each a map of the item's fields; anything else is no items. */
  public List<Map<String, Object>> items(String key) {
    if (!(values.get(key) instanceof Collection<?> items)) {
      return List.of();
    }
    return items.stream()
        .filter(Map.class::isInstance)
        .map(
            item -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> fields = (Map<String, Object>) item;
              return fields;
            })
        .toList();
  }

  private static Optional<BigDecimal> parseDecimal(String text) {
    try {
      return Optional.of(new BigDecimal(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
