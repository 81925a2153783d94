package com.creditdiligence.platform;

import com.creditdiligence.submission.TaskSpec.Field;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Empty values for form fields declared ahead of a form (a fresh report each round, an event's own
 * fields). Typed by the field's type in its step's spec: Tasklist submits a field with the type of the
 * variable it finds, so an untyped null under a checklist makes the submission fail ("Cannot convert value
 * '[]' of type 'Null'").
 */
public final class FormFieldDefaults {

  private FormFieldDefaults() {}

  public static TypedValue empty(Field field) {
    return switch (field.type()) {
      case CHOICES, ITEMS -> SpinValues.jsonValue("[]").create();
      case FLAG -> Variables.booleanValue(null);
      case NUMBER -> Variables.longValue(null);
      case TEXT, DATE, CHOICE -> Variables.stringValue(null);
    };
  }
}
