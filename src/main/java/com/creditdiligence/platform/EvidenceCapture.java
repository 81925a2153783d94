package com.creditdiligence.platform;

import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.NewEvidence;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec.Field;
import com.creditdiligence.submission.TaskSpec.FieldType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Writes the evidence ledger from the engine's events, in the engine's transaction: every user task's
 * creation, assignment, delegation, completion (with the submitted form values) and cancellation; the
 * start and end of every process of a case; the events it receives. Attached to every element by
 * {@link DiligenceParseListener}.
 */
class EvidenceCapture {

  /** The form field in which a user picks the case documents a step relies on. */
  static final String ATTACHED_DOCUMENTS = "attachedDocuments";

  private final EvidenceLedger ledger;
  private final TaskRules rules;
  private final ObjectProvider<DocumentCitations> documents;
  private final FormFields formFields = new FormFields();
  private final BusinessTime businessTime;

  /** The documents are looked up lazily: they need the engine this capture is part of. */
  EvidenceCapture(
      EvidenceLedger ledger,
      TaskRules rules,
      ObjectProvider<DocumentCitations> documents,
      BusinessTime businessTime) {
    this.ledger = ledger;
    this.rules = rules;
    this.documents = documents;
    this.businessTime = businessTime;
  }

  /** Task created / assigned / delegated / cancelled: who, when, to whom. */
  TaskListener taskEvents() {
    return task -> {
      RecordType type =
          switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> RecordType.TASK_CREATED;
            case TaskListener.EVENTNAME_ASSIGNMENT ->
                ((TaskEntity) task).getDelegationState() == DelegationState.PENDING
                    ? RecordType.TASK_DELEGATED
                    : RecordType.TASK_ASSIGNED;
            case TaskListener.EVENTNAME_DELETE -> RecordType.TASK_CANCELLED;
            default ->
                throw new IllegalArgumentException(
                    "Not a recorded task event: " + task.getEventName());
          };
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("name", task.getName());
      facts.put(
          "dueDate",
          task.getDueDate() == null ? null : CanonicalForm.time(task.getDueDate().toInstant()));
      facts.put("owner", task.getOwner());
      if (type == RecordType.TASK_CANCELLED) {
        facts.put("reason", task.getDeleteReason());
      }
      append(
          task.getExecution(),
          type,
          task.getTaskDefinitionKey(),
          task.getId(),
          null,
          task.getAssignee(),
          null,
          facts,
          List.of());
    };
  }

  /** A completed task: the duty it evidences and the values the user submitted on its form. */
  TaskListener taskCompletion(String formId) {
    return task -> {
      Map<String, Object> variables = EngineValues.plain(task.getVariables(), businessTime.zone());
      Optional<TaskRule> rule = rules.forElement(task.getTaskDefinitionKey());
      Duty duty = rule.map(TaskRule::duty).orElse(null);
      String method =
          rule.map(
                  r -> r.verificationMethod(submission(variables, task.getProcessEngineServices())))
              .orElse(null);
      Map<String, Object> submitted = submitted(task.getExecution(), formId, variables);
      RecordType type =
          duty == null
              ? RecordType.TASK_COMPLETED
              : RecordType.of(duty.recordType())
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "Duty "
                                  + duty.code()
                                  + " names no record type: "
                                  + duty.recordType()));
      append(
          task.getExecution(),
          type,
          task.getTaskDefinitionKey(),
          task.getId(),
          duty,
          task.getAssignee(),
          method,
          submitted,
          citations(task, submitted));
      forgetPickedDocuments(task.getExecution());
    };
  }

  /**
   * The documents a step relied on are that step's: the next form would otherwise open with them ticked (a form
   * field prefills from the variable of its name), and a completion that does not pick again would cite them.
   */
  private static void forgetPickedDocuments(DelegateExecution execution) {
    if (execution.hasVariable(ATTACHED_DOCUMENTS)) {
      execution.setVariable(
          ATTACHED_DOCUMENTS,
          FormFieldDefaults.empty(new Field(ATTACHED_DOCUMENTS, FieldType.CHOICES)));
    }
  }

  /** A process of the case begins once its start event is left (the application number is given by then). */
  ExecutionListener processStart(String formId) {
    return execution -> {
      Map<String, Object> variables =
          EngineValues.plain(execution.getVariables(), businessTime.zone());
      Duty duty =
          rules.forElement(execution.getCurrentActivityId()).map(TaskRule::duty).orElse(null);
      append(
          execution,
          RecordType.PROCESS_STARTED,
          execution.getCurrentActivityId(),
          null,
          duty,
          null,
          null,
          formId == null ? Map.of() : submitted(execution, formId, variables),
          List.of());
    };
  }

  /** A message that started an event subprocess (a major event, a warning signal): its payload, who sent it. */
  ExecutionListener eventReceived(String messageName) {
    return execution -> {
      Map<String, Object> facts = new TreeMap<>();
      facts.put("message", messageName);
      EngineValues.plain(execution.getVariablesLocal(), businessTime.zone())
          .forEach(
              (name, value) -> {
                if (value != null) {
                  facts.put(name, value);
                }
              });
      append(
          execution,
          RecordType.EVENT_RECEIVED,
          execution.getCurrentActivityId(),
          null,
          null,
          null,
          null,
          facts,
          List.of());
    };
  }

  ExecutionListener processEnd() {
    return execution -> {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("endedAt", execution.getCurrentActivityId());
      ExecutionEntity entity = (ExecutionEntity) execution;
      facts.put("cancelled", entity.isCanceled());
      facts.put("reason", entity.getDeleteReason());
      append(
          execution,
          RecordType.PROCESS_ENDED,
          execution.getCurrentActivityId(),
          null,
          null,
          null,
          null,
          facts,
          List.of());
    };
  }

  private Map<String, Object> submitted(
      DelegateExecution execution, String formId, Map<String, Object> variables) {
    ProcessDefinitionEntity definition = definitionOf(execution);
    List<String> keys =
        EngineActions.insideCommand(
            () ->
                formFields.of(
                    execution.getProcessEngineServices().getRepositoryService(),
                    definition.getDeploymentId(),
                    formId));
    Map<String, Object> values = new TreeMap<>();
    keys.stream()
        .filter(variables::containsKey)
        .forEach(key -> values.put(key, variables.get(key)));
    return values;
  }

  /** The documents the user picked on the form, cited by name, media type, size and SHA-256. */
  private List<Map<String, Object>> citations(DelegateTask task, Map<String, Object> submitted) {
    if (!(submitted.get(ATTACHED_DOCUMENTS) instanceof List<?> picked) || picked.isEmpty()) {
      return List.of();
    }
    try {
      return documents
          .getObject()
          .cite(
              task.getExecution().getProcessBusinessKey(),
              picked.stream().map(String::valueOf).toList());
    } catch (IllegalArgumentException unknown) {
      throw new SubmissionRefusedException(
          task.getTaskDefinitionKey(),
          List.of(new Refusal(ATTACHED_DOCUMENTS, unknown.getMessage())));
    }
  }

  private void append(
      DelegateExecution execution,
      RecordType type,
      String elementId,
      String taskId,
      Duty duty,
      String assignee,
      String method,
      Map<String, Object> facts,
      List<Map<String, Object>> citations) {
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey == null) {
      throw new IllegalStateException(
          "Every process of this application is a case with a business key; "
              + execution.getProcessInstanceId()
              + " has none, so its evidence could not be recorded");
    }
    ProcessDefinitionEntity definition = definitionOf(execution);
    ledger.append(
        NewEvidence.of(
                businessKey,
                type,
                EngineValues.performer(execution.getProcessEngineServices()),
                businessTime.now())
            .withProcess(definition.getKey(), execution.getProcessInstanceId())
            .withDefinition(definition.getId())
            .withStep(elementId, taskId)
            .withDuty(duty == null ? null : duty.code(), duty == null ? null : duty.clause())
            .withAssignee(assignee)
            .withVerification(method)
            .withFindings(CanonicalForm.json(facts))
            .withDocuments(CanonicalForm.json(citations))
            .withRuleSetVersion(ruleSetVersion(definition)));
  }

  private Submission submission(Map<String, Object> variables, ProcessEngineServices engine) {
    return new Submission(variables, EngineValues.performer(engine), businessTime.today());
  }

  private static ProcessDefinitionEntity definitionOf(DelegateExecution execution) {
    return ((ExecutionEntity) execution).getProcessDefinition();
  }

  /** The models in force: the process definition's version and the deployment it came with (its DMN and forms). */
  private static String ruleSetVersion(ProcessDefinitionEntity definition) {
    String tag = definition.getVersionTag() == null ? "" : " (" + definition.getVersionTag() + ")";
    return definition.getKey()
        + ":v"
        + definition.getVersion()
        + tag
        + " deployment "
        + definition.getDeploymentId();
  }
}
