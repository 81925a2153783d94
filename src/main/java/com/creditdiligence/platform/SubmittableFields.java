package com.creditdiligence.platform;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a user may submit on a step: exactly the editable fields of the Camunda Form the step shows
 * (the form deployed with the step's process). Asked by the engine's doors before a submission reaches
 * the engine; looked up as the application, whatever the user may read.
 */
@Component
public class SubmittableFields {

  private final ObjectProvider<ProcessEngine> engine;
  private final EngineActions actions;
  private final FormFields forms = new FormFields();

  SubmittableFields(ObjectProvider<ProcessEngine> engine, EngineActions actions) {
    this.engine = engine;
    this.actions = actions;
  }

  /** The fields of an open task's form; empty when there is no such task. */
  public Optional<List<String>> ofTask(String taskId) {
    return actions.asApplication(
        () -> {
          Task task =
              engine
                  .getObject()
                  .getTaskService()
                  .createTaskQuery()
                  .taskId(taskId)
                  .initializeFormKeys()
                  .singleResult();
          if (task == null) {
            return Optional.<List<String>>empty();
          }
          ProcessDefinition definition =
              engine
                  .getObject()
                  .getRepositoryService()
                  .getProcessDefinition(task.getProcessDefinitionId());
          return Optional.of(editable(definition, task.getCamundaFormRef()));
        });
  }

  /** The fields of a process's start form, by definition id; empty when there is no such definition. */
  public Optional<List<String>> ofStart(String processDefinitionId) {
    return actions.asApplication(
        () -> {
          ProcessDefinition definition =
              engine
                  .getObject()
                  .getRepositoryService()
                  .createProcessDefinitionQuery()
                  .processDefinitionId(processDefinitionId)
                  .singleResult();
          if (definition == null) {
            return Optional.<List<String>>empty();
          }
          CamundaFormRef form =
              engine
                  .getObject()
                  .getFormService()
                  .getStartFormData(processDefinitionId)
                  .getCamundaFormRef();
          return Optional.of(editable(definition, form));
        });
  }

  /** The latest definition's id for a key, as /engine-rest starts it; empty when the key is unknown. */
  public Optional<String> latestDefinition(String processDefinitionKey) {
    return actions.asApplication(
        () ->
            Optional.ofNullable(
                    engine
                        .getObject()
                        .getRepositoryService()
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(processDefinitionKey)
                        .withoutTenantId()
                        .latestVersion()
                        .singleResult())
                .map(ProcessDefinition::getId));
  }

  private List<String> editable(ProcessDefinition definition, CamundaFormRef form) {
    return forms.editable(
        engine.getObject().getRepositoryService(),
        definition.getDeploymentId(),
        form == null ? null : form.getKey());
  }
}
