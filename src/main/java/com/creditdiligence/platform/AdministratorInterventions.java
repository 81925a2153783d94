package com.creditdiligence.platform;

import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.NewEvidence;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.submission.BusinessTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.runtime.ActivityInstanceState;

/**
 * An administrator's intervention in a case (Cockpit or /engine-rest: a process-instance modification, a variable
 * written or removed, a job's retries, a task reassigned or delegated, a cancellation, a suspension …) is appended to
 * the case's chain as one {@code ADMIN_INTERVENTION} record per operation, in the operation's own transaction: who
 * (the authenticated administrator), when, the operation and its entity, each property's value before and after (from
 * Camunda's user operation log, which the engine writes for every operation of an authenticated user), the variables it
 * changed with their values before and after, and the activities it cancelled and started.
 *
 * <p>A history event handler beside Camunda's own (which still writes the history tables): the operation log entries of
 * one operation arrive together; the variable and activity events of the same command are collected as they come, and
 * the record is written when the command closes, before the engine flushes. A business user's own work (claiming,
 * completing, a reassignment by a department head through the application) is recorded by {@link EvidenceCapture} and
 * is not an intervention: only a user of the administrators' groups intervenes.
 */
class AdministratorInterventions implements HistoryEventHandler {

  /** Values are recorded in full up to this length, then cut (a record is evidence, not a copy of a document). */
  private static final int MAX_VALUE = 2000;

  private final EvidenceLedger ledger;
  private final Map<CommandContext, Operation> pending =
      Collections.synchronizedMap(new WeakHashMap<>());
  private final BusinessTime businessTime;

  AdministratorInterventions(EvidenceLedger ledger, BusinessTime businessTime) {
    this.ledger = ledger;
    this.businessTime = businessTime;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    handleEvents(List.of(event));
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    CommandContext command = Context.getCommandContext();
    if (command == null || !byAdministrator(command.getAuthentication())) {
      return;
    }
    for (HistoryEvent event : events) {
      if (event instanceof UserOperationLogEntryEventEntity entry) {
        operation(command).entries.add(entry);
      } else if (event instanceof HistoricVariableUpdateEventEntity variable) {
        operation(command).variables.add(variableChange(command, variable));
      } else if (event instanceof HistoricActivityInstanceEventEntity activity) {
        activityChange(command, activity);
      }
    }
  }

  static boolean byAdministrator(Authentication authentication) {
    return authentication != null
        && authentication.getUserId() != null
        && authentication.getGroupIds() != null
        && Administrators.amongThem(authentication.getGroupIds());
  }

  private Operation operation(CommandContext command) {
    return pending.computeIfAbsent(
        command,
        c -> {
          Operation operation = new Operation();
          c.registerCommandContextListener(
              new CommandContextListener() {
                @Override
                public void onCommandContextClose(CommandContext context) {
                  pending.remove(context);
                  operation.record(context);
                }

                @Override
                public void onCommandFailed(CommandContext context, Throwable failure) {
                  pending.remove(context);
                }
              });
          return operation;
        });
  }

  /**
   * Read before Camunda's own handler (which runs after this one) has updated the historic variable: its value is the
   * one before this change.
   */
  private static Map<String, Object> variableChange(
      CommandContext command, HistoricVariableUpdateEventEntity event) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("name", event.getVariableName());
    change.put("event", event.getEventType());
    change.put("processInstanceId", event.getProcessInstanceId());
    change.put("executionId", event.getExecutionId());
    change.put("taskId", event.getTaskId());
    change.put("type", event.getSerializerName());
    Object before = null;
    if (!"create".equals(event.getEventType())) {
      HistoricVariableInstanceEntity previous =
          command
              .getDbEntityManager()
              .selectById(HistoricVariableInstanceEntity.class, event.getVariableInstanceId());
      if (previous != null) {
        before =
            value(
                command,
                previous.getTextValue(),
                previous.getLongValue(),
                previous.getDoubleValue(),
                null,
                previous.getByteArrayValueId());
      }
    }
    change.put("before", before);
    change.put(
        "after",
        "delete".equals(event.getEventType())
            ? null
            : value(
                command,
                event.getTextValue(),
                event.getLongValue(),
                event.getDoubleValue(),
                event.getByteValue(),
                event.getByteArrayId()));
    return change;
  }

  /** A stored value as it reads: text, number, or the bytes of a serialized (JSON) value as text. */
  private static Object value(
      CommandContext command,
      String text,
      Long number,
      Double decimal,
      byte[] bytes,
      String byteArrayId) {
    if (text != null) {
      return cut(text);
    }
    if (number != null) {
      return number;
    }
    if (decimal != null) {
      return decimal;
    }
    if (bytes == null && byteArrayId != null) {
      ByteArrayEntity stored =
          command.getDbEntityManager().selectById(ByteArrayEntity.class, byteArrayId);
      bytes = stored == null ? null : stored.getBytes();
    }
    return bytes == null ? null : cut(new String(bytes, StandardCharsets.UTF_8));
  }

  private static String cut(String text) {
    return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE) + "…";
  }

  private void activityChange(CommandContext command, HistoricActivityInstanceEventEntity event) {
    if (event.getActivityId() == null
        || event.getActivityType() == null
        || event.getActivityType().contains("multiInstanceBody")) {
      return;
    }
    Operation operation = operation(command);
    String activity = event.getActivityId();
    if ("start".equals(event.getEventType())) {
      operation.started.add(activity);
    } else if ("end".equals(event.getEventType())
        && event.getActivityInstanceState() == ActivityInstanceState.CANCELED.getStateCode()) {
      operation.cancelled.add(activity);
    }
  }

  /** What one command of an administrator did, collected until it closes. */
  private final class Operation {
    final List<UserOperationLogEntryEventEntity> entries = new ArrayList<>();
    final List<Map<String, Object>> variables = new ArrayList<>();
    final List<String> cancelled = new ArrayList<>();
    final List<String> started = new ArrayList<>();

    /** One record per operation (entries of one operation share its id) and per case it concerns. */
    void record(CommandContext command) {
      Map<String, List<UserOperationLogEntryEventEntity>> byOperation = new LinkedHashMap<>();
      for (UserOperationLogEntryEventEntity entry : entries) {
        String processInstanceId = processInstanceOf(command, entry);
        if (processInstanceId != null) {
          byOperation
              .computeIfAbsent(
                  entry.getOperationId() + "|" + processInstanceId, k -> new ArrayList<>())
              .add(entry);
        }
      }
      boolean first = true;
      for (List<UserOperationLogEntryEventEntity> group : byOperation.values()) {
        append(command, group, first);
        first = false;
      }
    }

    private void append(
        CommandContext command, List<UserOperationLogEntryEventEntity> group, boolean withEffects) {
      UserOperationLogEntryEventEntity head = group.get(0);
      String processInstanceId = processInstanceOf(command, head);
      HistoricProcessInstanceEntity instance =
          command
              .getDbEntityManager()
              .selectById(HistoricProcessInstanceEntity.class, processInstanceId);
      if (instance == null || instance.getBusinessKey() == null) {
        return;
      }
      String taskId =
          group.stream()
              .map(UserOperationLogEntryEventEntity::getTaskId)
              .filter(t -> t != null)
              .findFirst()
              .orElse(null);
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("operation", head.getOperationType());
      facts.put("operationId", head.getOperationId());
      facts.put("entityType", head.getEntityType());
      facts.put("category", head.getCategory());
      facts.put("taskId", taskId);
      facts.put("taskDefinitionKey", taskDefinitionKey(command, taskId));
      facts.put("jobId", head.getJobId());
      facts.put("annotation", head.getAnnotation());
      facts.put(
          "groups",
          new ArrayList<>(new java.util.TreeSet<>(command.getAuthentication().getGroupIds())));
      List<Map<String, Object>> changes = new ArrayList<>();
      for (UserOperationLogEntryEventEntity entry : group) {
        if (entry.getProperty() == null
            && entry.getOrgValue() == null
            && entry.getNewValue() == null) {
          continue;
        }
        Map<String, Object> change = new TreeMap<>();
        change.put("property", entry.getProperty());
        change.put("before", entry.getOrgValue());
        change.put("after", entry.getNewValue());
        changes.add(change);
      }
      facts.put("changes", changes);
      List<Map<String, Object>> ownVariables =
          variables.stream()
              .filter(v -> processInstanceId.equals(v.get("processInstanceId")))
              .toList();
      facts.put("variables", ownVariables);
      facts.put("activitiesCancelled", withEffects ? cancelled : List.of());
      facts.put("activitiesStarted", withEffects ? started : List.of());
      ProcessDefinitionEntity definition =
          instance.getProcessDefinitionId() == null
              ? null
              : command
                  .getProcessEngineConfiguration()
                  .getDeploymentCache()
                  .findDeployedProcessDefinitionById(instance.getProcessDefinitionId());
      Instant at =
          head.getTimestamp() == null ? businessTime.now() : head.getTimestamp().toInstant();
      ledger.append(
          NewEvidence.of(
                  instance.getBusinessKey(), RecordType.ADMIN_INTERVENTION, head.getUserId(), at)
              .withProcess(instance.getProcessDefinitionKey(), processInstanceId)
              .withDefinition(instance.getProcessDefinitionId())
              .withStep((String) facts.get("taskDefinitionKey"), taskId)
              .withFindings(CanonicalForm.json(facts))
              .withDocuments(CanonicalForm.json(List.of()))
              .withRuleSetVersion(
                  definition == null
                      ? null
                      : definition.getKey()
                          + ":v"
                          + definition.getVersion()
                          + " deployment "
                          + definition.getDeploymentId()));
    }
  }

  /** The process instance an entry concerns: its own, or that of the task or job it names. */
  private static String processInstanceOf(
      CommandContext command, UserOperationLogEntryEventEntity entry) {
    if (entry.getProcessInstanceId() != null) {
      return entry.getProcessInstanceId();
    }
    if (entry.getTaskId() != null) {
      TaskEntity task =
          command.getDbEntityManager().selectById(TaskEntity.class, entry.getTaskId());
      if (task != null) {
        return task.getProcessInstanceId();
      }
    }
    if (entry.getJobId() != null) {
      JobEntity job = command.getDbEntityManager().selectById(JobEntity.class, entry.getJobId());
      if (job != null) {
        return job.getProcessInstanceId();
      }
    }
    return null;
  }

  private static String taskDefinitionKey(CommandContext command, String taskId) {
    if (taskId == null) {
      return null;
    }
    TaskEntity task = command.getDbEntityManager().selectById(TaskEntity.class, taskId);
    if (task != null) {
      return task.getTaskDefinitionKey();
    }
    var historic =
        command
            .getDbEntityManager()
            .selectById(
                org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity.class,
                taskId);
    return historic == null ? null : historic.getTaskDefinitionKey();
  }
}
