package com.creditdiligence.evidence;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.vote;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.demo.LifecycleDriver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The chain stays linear under concurrent writers and outlives Camunda's history cleanup. */
@ApplicationTest
class LedgerDurabilityTest {

  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;
  @Autowired TransactionTemplate transactions;

  @Test
  void manyWritersOnOneCaseLeaveOneLinearChain() throws Exception {
    String key = "GA-2099-" + String.format("%06d", System.nanoTime() % 1_000_000);
    int writers = 4;
    int appendsEach = 25;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      String writer = "writer" + w;
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < appendsEach; i++) {
                  transactions.executeWithoutResult(
                      tx ->
                          ledger.append(
                              new NewEvidence(
                                  key,
                                  RecordType.EVENT_RECEIVED,
                                  "test",
                                  null,
                                  null,
                                  null,
                                  null,
                                  null,
                                  null,
                                  writer,
                                  null,
                                  Instant.now(),
                                  null,
                                  "{}",
                                  "[]",
                                  null,
                                  null,
                                  null)));
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    List<EvidenceRecord> records = ledger.records(key);
    assertThat(records)
        .extracting(EvidenceRecord::sequenceNo)
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, writers * appendsEach).boxed().toList());
    assertThat(ledger.verify(key).isIntact()).isTrue();
  }

  @Test
  void twoMembersVotingAtTheSameMomentLeaveOneLinearChainWithBothVotes() throws Exception {
    LifecycleDriver driver = new LifecycleDriver(engine);
    ProcessInstance guaranteeCase =
        driver.toCommittee(
            "manager1", intake("苏州并发公司", "workingCapitalLoan", 1_000_000, 12), "approve");
    String id = guaranteeCase.getId();

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> attempts = new ArrayList<>();
    for (String member : List.of("committee1", "committee2")) {
      attempts.add(pool.submit(votingWithRetry(driver, id, member, start)));
    }
    start.countDown();
    for (Future<?> attempt : attempts) {
      attempt.get();
    }
    pool.shutdown();
    driver.complete(id, "Task_CommitteeVote", "committee3", vote("approve"));

    List<EvidenceRecord> records = ledger.records(guaranteeCase.getBusinessKey());
    assertThat(records)
        .filteredOn(r -> r.recordType().equals("VOTE_CAST"))
        .extracting(EvidenceRecord::performer)
        .containsExactlyInAnyOrder("committee1", "committee2", "committee3");
    assertThat(records)
        .extracting(EvidenceRecord::sequenceNo)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, records.size()).boxed().toList());
    assertThat(ledger.verify(guaranteeCase.getBusinessKey()).isIntact()).isTrue();
  }

  @Test
  void theLedgerStillHoldsACaseAfterCamundasHistoryCleanupRemovedIt() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    Map<String, Object> application = intake("陈某", "workingCapitalLoan", 500_000, 12);
    application.put("applicantType", "naturalPerson");
    ProcessInstance rejected = driver.apply("manager2", application);
    int recordsBefore = ledger.records(rejected.getBusinessKey()).size();

    ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(3651L * 24 * 3600)));
    try {
      Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
      engine.getManagementService().executeJob(cleanup.getId());
    } finally {
      ClockUtil.reset();
      engine.getManagementService().createJobQuery().list().stream()
          .filter(
              job ->
                  "history-cleanup"
                      .equals(
                          ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job)
                              .getJobHandlerType()))
          .forEach(job -> engine.getManagementService().deleteJob(job.getId()));
    }

    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(rejected.getId())
                .count())
        .isZero();
    List<EvidenceRecord> records = ledger.records(rejected.getBusinessKey());
    assertThat(records).hasSize(recordsBefore);
    assertThat(records)
        .extracting(EvidenceRecord::recordType)
        .startsWith("PROCESS_STARTED")
        .endsWith("PROCESS_ENDED");
    assertThat(records.get(0).findings()).contains("\"applicantType\":\"naturalPerson\"");
    assertThat(ledger.verify(rejected.getBusinessKey()).isIntact()).isTrue();
  }

  /** The engine tells the loser of a race to retry: outside the failed transaction, as Camunda advises. */
  private static Callable<Void> votingWithRetry(
      LifecycleDriver driver, String id, String member, CountDownLatch start) {
    return () -> {
      start.await();
      for (int attempt = 1; ; attempt++) {
        try {
          driver.complete(id, "Task_CommitteeVote", member, vote("approve"));
          return null;
        } catch (OptimisticLockingException e) {
          if (attempt == 5) {
            throw e;
          }
        }
      }
    };
  }
}
