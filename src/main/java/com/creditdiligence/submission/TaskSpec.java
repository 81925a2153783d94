package com.creditdiligence.submission;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One step of a case as a unit: its BPMN element, its Camunda Form, the stage it belongs to, the duty it
 * evidences, the fields its form lets the user edit (exactly those may be submitted), the values of the case
 * its rule reads besides them, and the deadline duty it carries, if any. Declared beside the step's
 * {@link TaskRule}; a test holds each spec and its form to the same fields, both ways.
 *
 * @param elementId the BPMN element (a user task or a start event with a form)
 * @param formId    the Camunda Form the element names ({@code camunda:formRef})
 * @param stage     where in the case it happens (the timeline's stages)
 * @param duty      what the ledger records its completion as
 * @param fields    the form's editable fields, in the form's order
 * @param context   the case's values the rule reads that the form does not submit (set by the application)
 * @param deadline  the duty of doing it by its due date, where the step has one
 */
public record TaskSpec(
    String elementId,
    String formId,
    Stage stage,
    Duty duty,
    List<Field> fields,
    Set<String> context,
    Optional<Deadline> deadline) {

  public TaskSpec {
    fields = List.copyOf(fields);
    context = Set.copyOf(context);
  }

  /** Where a step belongs in a case (its code is what the timeline and the duty facts show). */
  public enum Stage {
    INTAKE("intake"),
    INVESTIGATION("investigation"),
    EVALUATION("evaluation"),
    COMMITTEE("committee"),
    IMPLEMENTATION("implementation"),
    MONITORING("monitoring"),
    PROBLEM_HANDLING("problemHandling"),
    CLOSURE("closure"),
    REVIEW("accountability");

    private final String code;

    Stage(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** How a form submits a field: the types of Camunda Forms' components, as the engine receives them. */
  public enum FieldType {
    /** textfield, textarea */
    TEXT,
    /** number */
    NUMBER,
    /** checkbox */
    FLAG,
    /** datetime (a date) */
    DATE,
    /** select, radio: one of the form's values */
    CHOICE,
    /** checklist, taglist: a JSON list of the form's values */
    CHOICES,
    /** dynamiclist: a JSON list of items, each with fields of its own */
    ITEMS
  }

  public record Field(String name, FieldType type) {}

  /**
   * The duty of completing the step by its due date (the task's due date), with the rule book's clause and the
   * §27 clause its breach falls under.
   */
  public record Deadline(String dutyCode, String clause, String section27) {}

  public List<String> fieldNames() {
    return fields.stream().map(Field::name).toList();
  }

  /** Starts a spec; the fields follow in the form's order. */
  public static Builder of(String elementId, String formId, Stage stage, Duty duty) {
    return new Builder(elementId, formId, stage, duty);
  }

  public static final class Builder {

    private final String elementId;
    private final String formId;
    private final Stage stage;
    private final Duty duty;
    private final List<Field> fields = new ArrayList<>();
    private final Set<String> context = new LinkedHashSet<>();
    private Deadline deadline;

    private Builder(String elementId, String formId, Stage stage, Duty duty) {
      this.elementId = elementId;
      this.formId = formId;
      this.stage = stage;
      this.duty = duty;
    }

    public Builder text(String... names) {
      return add(FieldType.TEXT, names);
    }

    public Builder number(String... names) {
      return add(FieldType.NUMBER, names);
    }

    public Builder flag(String... names) {
      return add(FieldType.FLAG, names);
    }

    public Builder date(String... names) {
      return add(FieldType.DATE, names);
    }

    public Builder choice(String... names) {
      return add(FieldType.CHOICE, names);
    }

    public Builder choices(String... names) {
      return add(FieldType.CHOICES, names);
    }

    public Builder items(String... names) {
      return add(FieldType.ITEMS, names);
    }

    /** Values of the case the rule reads that the form does not submit. */
    public Builder reads(String... names) {
      context.addAll(List.of(names));
      return this;
    }

    public Builder dueBy(String dutyCode, String clause, String section27) {
      deadline = new Deadline(dutyCode, clause, section27);
      return this;
    }

    public TaskSpec build() {
      return new TaskSpec(
          elementId, formId, stage, duty, fields, context, Optional.ofNullable(deadline));
    }

    private Builder add(FieldType type, String... names) {
      for (String name : names) {
        fields.add(new Field(name, type));
      }
      return this;
    }
  }
}
