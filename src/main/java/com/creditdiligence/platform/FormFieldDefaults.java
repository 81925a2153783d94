package com.creditdiligence.platform;

import java.util.Set;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Empty values for form fields declared ahead of a form (a fresh report each round, an event's own
 * fields). Typed: Tasklist submits a field with the type of the variable it finds, so an untyped null
 * under a checklist makes the submission fail ("Cannot convert value '[]' of type 'Null'").
 */
public final class FormFieldDefaults {

  /** Fields that Camunda Forms submit as JSON lists (checklists). */
  private static final Set<String> LISTS = Set.of("attachedDocuments", "measures");
  /** Fields that Camunda Forms submit as booleans (checkboxes). */
  private static final Set<String> FLAGS = Set.of("moveToProblemHandling", "repaidInFull", "requestLimitReuse");
  /** Whole-number fields. */
  private static final Set<String> NUMBERS = Set.of("daysOverdue");

  private FormFieldDefaults() {
  }

  public static TypedValue empty(String field) {
    if (LISTS.contains(field)) {
      return SpinValues.jsonValue("[]").create();
    }
    if (FLAGS.contains(field)) {
      return Variables.booleanValue(null);
    }
    if (NUMBERS.contains(field)) {
      return Variables.longValue(null);
    }
    return Variables.stringValue(null);
  }
}
