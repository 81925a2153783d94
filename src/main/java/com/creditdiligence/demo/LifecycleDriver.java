package com.creditdiligence.demo;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives cases through the engine's Java API the way users do in Tasklist: authenticated as the
 * user, on the task assigned to them. Used by the demo cases and by the tests.
 */
public class LifecycleDriver {

  public static final String PROCESS_KEY = "guarantee-lifecycle";

  private final ProcessEngine engine;

  public LifecycleDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Submits the intake start form as the given customer manager. */
  public ProcessInstance apply(String manager, Map<String, Object> intake) {
    return as(
        manager,
        () -> {
          String definitionId =
              engine
                  .getRepositoryService()
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(PROCESS_KEY)
                  .latestVersion()
                  .singleResult()
                  .getId();
          return engine.getFormService().submitStartForm(definitionId, intake);
        });
  }

  /** A working-capital guarantee taken through every step up to its issue: it is then under monitoring. */
  public ProcessInstance issuedGuarantee(String manager, String applicant, long amount) {
    ProcessInstance guaranteeCase =
        toCommittee(
            manager,
            DemoSubmissions.intake(applicant, "workingCapitalLoan", amount, 12),
            "approve");
    String id = guaranteeCase.getId();
    voters(id)
        .forEach(
            member -> complete(id, "Task_CommitteeVote", member, DemoSubmissions.vote("approve")));
    complete(id, "Task_SignContracts", manager, DemoSubmissions.contracts(false));
    complete(id, "Task_IssueGuarantee", manager, DemoSubmissions.issue(amount));
    return guaranteeCase;
  }

  /** A short-term application investigated and evaluated with the recommendation: its committee members have a vote each. */
  public ProcessInstance toCommittee(
      String manager, Map<String, Object> intake, String recommendation) {
    ProcessInstance guaranteeCase = apply(manager, intake);
    String id = guaranteeCase.getId();
    complete(id, "Task_CustomerInvestigation", manager, DemoSubmissions.investigation(false));
    complete(id, "Task_AnalysisEvaluation", manager, DemoSubmissions.evaluation(recommendation));
    runJobs(id);
    return guaranteeCase;
  }

  public Task taskOf(String processInstanceId, String taskKey, String assignee) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey(taskKey)
        .taskAssignee(assignee)
        .singleResult();
  }

  /** Completes the user's task of that kind in the case, as Tasklist's form submission does. */
  public void complete(
      String processInstanceId, String taskKey, String user, Map<String, Object> values) {
    Task task = taskOf(processInstanceId, taskKey, user);
    if (task == null) {
      throw new IllegalStateException(
          "No task " + taskKey + " for " + user + " in " + processInstanceId);
    }
    as(
        user,
        () -> {
          engine.getFormService().submitTaskForm(task.getId(), values);
          return null;
        });
  }

  /**
   * Completes a task of the case (in any of its processes) as the user: their own task, or one offered
   * to their group, which they claim first as Tasklist would.
   */
  public void completeInCase(
      String businessKey, String taskKey, String user, Map<String, Object> values) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(businessKey)
            .taskDefinitionKey(taskKey)
            .list()
            .stream()
            .filter(t -> user.equals(t.getAssignee()) || t.getAssignee() == null)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No task " + taskKey + " for " + user + " in " + businessKey));
    as(
        user,
        () -> {
          if (task.getAssignee() == null) {
            engine.getTaskService().claim(task.getId(), user);
          }
          engine.getFormService().submitTaskForm(task.getId(), values);
          return null;
        });
  }

  /** Completes that task as the user, as Tasklist's form submission does (of several open, the one meant). */
  public void completeTask(String taskId, String user, Map<String, Object> values) {
    as(
        user,
        () -> {
          engine.getFormService().submitTaskForm(taskId, values);
          return null;
        });
  }

  /** Runs the case's due jobs (asynchronous steps) in the caller's thread. */
  public void runJobs(String processInstanceId) {
    List<Job> jobs;
    while (!(jobs =
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .executable()
                .list())
        .isEmpty()) {
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  public List<String> voters(String processInstanceId) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey("Task_CommitteeVote")
        .orderByTaskAssignee()
        .asc()
        .list()
        .stream()
        .map(Task::getAssignee)
        .toList();
  }

  /** Signs the user in as Tasklist and /engine-rest do: with their groups, which Camunda's grants are given to. */
  public static void signIn(ProcessEngine engine, String user) {
    var identity = engine.getIdentityService();
    identity.setAuthentication(
        user,
        identity.createGroupQuery().groupMember(user).list().stream()
            .map(org.camunda.bpm.engine.identity.Group::getId)
            .toList());
  }

  private <T> T as(String user, java.util.function.Supplier<T> action) {
    signIn(engine, user);
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
