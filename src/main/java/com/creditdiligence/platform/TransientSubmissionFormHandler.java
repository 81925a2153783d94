package com.creditdiligence.platform;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.handler.FormHandler;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.type.SpinValueType;

/**
 * A user task's form submission as the engine keeps it (issue 23 item 1): the values a later step reads
 * ({@link SubmissionVariables#keeps}) become process variables as Camunda's own handler makes them; every other value
 * is set on the task as a transient variable, which the completion's guard, ledger and listeners read like any
 * other and which is neither stored nor historized. The ledger's record of the completion holds every value.
 *
 * <p>The same for a process's start form ({@link StartForm}: the intake, an event report, an auditor's review): the
 * values nothing after the start reads are transient on the new process instance, where the start's guard, the
 * ledger's {@code PROCESS_STARTED} record and the delegates of the start's own command read them.
 */
final class TransientSubmissionFormHandler implements TaskFormHandler {

  private final TaskFormHandler engines;
  private final String formId;
  private final SubmissionVariables variables;

  TransientSubmissionFormHandler(
      TaskFormHandler engines, String formId, SubmissionVariables variables) {
    this.engines = engines;
    this.formId = formId;
    this.variables = variables;
  }

  @Override
  public void parseConfiguration(
      Element activityElement,
      DeploymentEntity deployment,
      ProcessDefinitionEntity processDefinition,
      BpmnParse bpmnParse) {
    engines.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
  }

  @Override
  public TaskFormData createTaskForm(TaskEntity task) {
    return engines.createTaskForm(task);
  }

  @Override
  public void submitFormVariables(VariableMap properties, VariableScope task) {
    submit(engines, formId, variables, properties, task);
  }

  /** A start form's submission, kept as {@link TransientSubmissionFormHandler} keeps a task's. */
  static final class StartForm implements StartFormHandler {

    private final StartFormHandler engines;
    private final String formId;
    private final SubmissionVariables variables;

    StartForm(StartFormHandler engines, String formId, SubmissionVariables variables) {
      this.engines = engines;
      this.formId = formId;
      this.variables = variables;
    }

    @Override
    public void parseConfiguration(
        Element activityElement,
        DeploymentEntity deployment,
        ProcessDefinitionEntity processDefinition,
        BpmnParse bpmnParse) {
      engines.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public StartFormData createStartFormData(ProcessDefinitionEntity processDefinition) {
      return engines.createStartFormData(processDefinition);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope processInstance) {
      submit(engines, formId, variables, properties, processInstance);
    }
  }

  /**
   * The kept values through the engine's own handler, the others as transient variables of the scope (the task, or
   * the new process instance).
   */
  private static void submit(
      FormHandler engines,
      String formId,
      SubmissionVariables variables,
      VariableMap properties,
      VariableScope task) {
    VariableMap kept = Variables.createVariables();
    VariableMap transients = Variables.createVariables();
    for (String name : properties.keySet()) {
      TypedValue value = properties.getValueTyped(name);
      TypedValue passing = variables.keeps(formId, name) ? null : transientCopy(value);
      if (passing == null) {
        kept.putValueTyped(name, value);
      } else {
        transients.putValueTyped(name, passing);
      }
    }
    engines.submitFormVariables(kept, task);
    transients
        .keySet()
        .forEach(name -> task.setVariableLocal(name, transients.getValueTyped(name)));
  }

  /** The same value, transient; null for a kind of value it does not know (kept as the engine would). */
  private static TypedValue transientCopy(TypedValue value) {
    if (value == null || value.getValue() == null && !(value instanceof SerializableValue)) {
      return Variables.untypedNullValue(true);
    }
    if (value.getType() == SpinValueType.JSON && value instanceof SerializableValue json) {
      String serialized =
          json.isDeserialized() ? String.valueOf(json.getValue()) : json.getValueSerialized();
      return SpinValues.jsonValue(serialized, true).create();
    }
    if (value instanceof PrimitiveValue<?> primitive) {
      return Variables.untypedValue(primitive.getValue(), true);
    }
    if (value.getType() == null && value.getValue() != null && isPlain(value.getValue())) {
      return Variables.untypedValue(value.getValue(), true); // an untyped value from the Java API
    }
    return null;
  }

  private static boolean isPlain(Object value) {
    return value instanceof String
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof java.util.Date;
  }
}
