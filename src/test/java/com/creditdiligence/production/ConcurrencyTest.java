package com.creditdiligence.production;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.investigation;
import static com.creditdiligence.demo.DemoSubmissions.vote;
import static com.creditdiligence.demo.TestSubmissions.monitoringReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.EngineRestSteps;
import com.creditdiligence.Http;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.EvidenceLedger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two people at the same task at the same moment, through the doors they use (/engine-rest as
 * Tasklist, /api): one wins, the other is told (409, or 404 when the task is already gone), never a
 * 500, and the record holds exactly one completion.
 */
@ApplicationTest
@Tag("production")
class ConcurrencyTest {

  private static final int ROUNDS = 6;

  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;
  @Autowired Http http;
  private final List<String> lastBodies = java.util.Collections.synchronizedList(new ArrayList<>());

  @Test
  void aDoubleClickedCompletionCompletesOnceAndTheSecondClickIsToldNotFailed() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      ProcessInstance guaranteeCase =
          new LifecycleDriver(engine)
              .apply("manager1", intake("嘉兴并发甲公司" + round, "workingCapitalLoan", 1_000_000, 12));
      String taskId =
          engine
              .getTaskService()
              .createTaskQuery()
              .processInstanceId(guaranteeCase.getId())
              .singleResult()
              .getId();
      String body = EngineRestSteps.submitForm(investigation(false));

      List<Integer> both =
          atOnce(
              List.of(
                  () -> post("manager1", "/engine-rest/task/" + taskId + "/submit-form", body),
                  () -> post("manager1", "/engine-rest/task/" + taskId + "/submit-form", body)));
      statuses.addAll(both);

      assertThat(both).containsOnlyOnce(204).allMatch(s -> s == 204 || s == 409 || s == 404);
      assertThat(completions(guaranteeCase.getBusinessKey(), taskId)).isOne();
      assertThat(
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .processInstanceId(guaranteeCase.getId())
                  .taskDefinitionKey("Task_AnalysisEvaluation")
                  .count())
          .isOne();
    }
    System.out.println(
        "[concurrency] double-clicked completions: " + ROUNDS + " rounds, answers " + statuses);
  }

  @Test
  void committeeMembersVotingAtTheSameMomentAreAllCountedAfterTheLoserRetries() throws Exception {
    LifecycleDriver driver = new LifecycleDriver(engine);
    ProcessInstance guaranteeCase =
        driver.toCommittee(
            "manager1", intake("嘉兴并发乙公司", "workingCapitalLoan", 1_000_000, 12), "approve");
    String id = guaranteeCase.getId();
    List<String> members = driver.voters(id);
    List<Callable<Integer>> votes = new ArrayList<>();
    List<Integer> conflicts = new ArrayList<>();
    for (String member : members) {
      String taskId = driver.taskOf(id, "Task_CommitteeVote", member).getId();
      votes.add(
          () -> {
            String body = EngineRestSteps.submitForm(vote("approve"));
            int status = post(member, "/engine-rest/task/" + taskId + "/submit-form", body);
            while (status == 409) {
              // What Tasklist's user does when told: reload and submit again.
              synchronized (conflicts) {
                conflicts.add(status);
              }
              status = post(member, "/engine-rest/task/" + taskId + "/submit-form", body);
            }
            return status;
          });
    }

    List<Integer> answers = atOnce(votes);

    assertThat(answers).containsOnly(204);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(id)
                .taskDefinitionKey("Task_SignContracts")
                .count())
        .isOne();
    assertThat(
            ledger.records(guaranteeCase.getBusinessKey()).stream()
                .filter(r -> "VOTE_CAST".equals(r.recordType())))
        .hasSize(members.size());
    assertThat(ledger.verify(guaranteeCase.getBusinessKey()).isIntact()).isTrue();
    System.out.println(
        "[concurrency] "
            + members.size()
            + " simultaneous votes, "
            + conflicts.size()
            + " told 409 and retried, 5xx: 0");
  }

  @Test
  void anEventArrivingWhileTheManagerFilesAReportIsTakenAndTheReportToo() throws Exception {
    int eventsAccepted = 0;
    int reportsToldToRetry = 0;
    for (int round = 0; round < ROUNDS / 2; round++) {
      String key =
          new LifecycleDriver(engine)
              .issuedGuarantee("manager1", "嘉兴并发丙公司" + round, 1_000_000)
              .getBusinessKey();
      String reportTask =
          engine
              .getTaskService()
              .createTaskQuery()
              .processInstanceBusinessKey(key)
              .taskDefinitionKey("Task_MonitoringReport")
              .singleResult()
              .getId();
      String report =
          EngineRestSteps.submitForm(monitoringReport("normal", 0, "continueMonitoring"));

      List<Integer> answers =
          atOnce(
              List.of(
                  () ->
                      post("manager1", "/engine-rest/task/" + reportTask + "/submit-form", report),
                  () ->
                      post(
                          "manager1",
                          "/api/cases/" + key + "/major-events",
                          "{\"kind\":\"majorLitigation\",\"description\":\"被供应商起诉 Sued by a supplier\",\"occurredOn\":\"2026-11-01\"}")));

      // The event is retried on the server; the manager, if the event got in first, is told 409 and
      // resubmits.
      assertThat(answers.get(1)).isEqualTo(202);
      assertThat(answers.get(0)).as(lastBodies.toString()).isIn(204, 409);
      if (answers.get(0) == 409) {
        reportsToldToRetry++;
        assertThat(post("manager1", "/engine-rest/task/" + reportTask + "/submit-form", report))
            .isEqualTo(204);
      }
      eventsAccepted++;
      assertThat(completions(key, reportTask)).isOne();
      assertThat(ledger.records(key).stream().filter(r -> "EVENT_RECEIVED".equals(r.recordType())))
          .hasSize(1);
      assertThat(ledger.verify(key).isIntact()).isTrue();
    }
    System.out.println(
        "[concurrency] events during completions: "
            + eventsAccepted
            + " accepted, "
            + reportsToldToRetry
            + " reports told 409 and resubmitted, 5xx: 0");
  }

  @Test
  void twoAuditorsClaimingTheSameReviewAtOnceLeaveItWithOneAndTellTheOther() throws Exception {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("auditor2").count() == 0) {
      var auditor2 = identity.newUser("auditor2");
      auditor2.setPassword("demo");
      identity.saveUser(auditor2);
      identity.createMembership("auditor2", "auditor");
    }
    List<Integer> statuses = new ArrayList<>();
    for (int round = 0; round < ROUNDS / 2; round++) {
      String key =
          new LifecycleDriver(engine)
              .issuedGuarantee("manager1", "嘉兴并发丁公司" + round, 1_000_000)
              .getBusinessKey();
      assertThat(
              post(
                  "auditor1",
                  "/api/cases/" + key + "/accountability-reviews",
                  "{\"reason\":\"抽查:两位稽核同时认领\"}"))
          .isEqualTo(201);
      String reviewTask =
          engine
              .getTaskService()
              .createTaskQuery()
              .processInstanceBusinessKey(key)
              .taskDefinitionKey("Task_AuditorReview")
              .singleResult()
              .getId();

      List<Integer> both =
          atOnce(
              List.of(
                  () ->
                      post(
                          "auditor1",
                          "/engine-rest/task/" + reviewTask + "/claim",
                          "{\"userId\":\"auditor1\"}"),
                  () ->
                      post(
                          "auditor2",
                          "/engine-rest/task/" + reviewTask + "/claim",
                          "{\"userId\":\"auditor2\"}")));
      statuses.addAll(both);

      assertThat(both).containsOnlyOnce(204).allMatch(s -> s == 204 || s == 409);
      String holder =
          engine.getTaskService().createTaskQuery().taskId(reviewTask).singleResult().getAssignee();
      assertThat(holder).isEqualTo(both.get(0) == 204 ? "auditor1" : "auditor2");
    }
    System.out.println(
        "[concurrency] simultaneous claims: "
            + ROUNDS / 2
            + " rounds, answers "
            + statuses
            + ", 5xx: 0");
  }

  private long completions(String businessKey, String taskId) {
    return ledger.records(businessKey).stream()
        .filter(r -> taskId.equals(r.taskId()) && r.recordType().equals("TASK_COMPLETED"))
        .count();
  }

  /** Starts every call at the same instant and returns their HTTP statuses, in order. */
  private static List<Integer> atOnce(Collection<Callable<Integer>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (Callable<Integer> call : calls) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> future : futures) {
        statuses.add(future.get());
      }
      return statuses;
    } finally {
      pool.shutdown();
    }
  }

  /** A form's values as Tasklist submits them to /engine-rest: typed variables, lists as Json. */
  private int post(String user, String path, String json) {
    Http.Answer response = http.post(path).as(user).json(json).send();
    if (response.status() >= 400) {
      lastBodies.add(response.body());
    }
    if (response.status() >= 500) {
      throw new AssertionError(
          "5xx from " + path + ": " + response.status() + " " + response.body());
    }
    return response.status();
  }
}
