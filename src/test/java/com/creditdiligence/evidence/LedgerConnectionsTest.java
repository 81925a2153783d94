package com.creditdiligence.evidence;

import static com.creditdiligence.ApplicationSchema.migrate;
import static com.creditdiligence.ApplicationSchema.pool;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A case's first record is written with the connection of the transaction it belongs to, and no other. Were it to
 * take a second one, as many requests writing first records at once as the pool has connections would each hold one
 * and wait for another until the pool gave up: twenty customer managers starting their intakes in the same second
 * were answered 500 on a pool of twenty.
 */
class LedgerConnectionsTest {

  @Test
  void aNewCasesFirstRecordNeedsNoSecondConnectionOnH2() {
    try (HikariDataSource pool =
        pool("jdbc:h2:mem:ledger-connections;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", 1)) {
      migrate(pool, "h2");
      assertThat(firstRecordInTheCallersTransaction(pool, "GA-2026-000101").sequenceNo())
          .isEqualTo(1);
    }
  }

  @Test
  void aNewCasesFirstRecordNeedsNoSecondConnectionOnPostgres() throws Exception {
    try (EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        HikariDataSource pool = pool(server.getJdbcUrl("postgres", "postgres"), "postgres", 1)) {
      migrate(pool, "postgresql");
      assertThat(firstRecordInTheCallersTransaction(pool, "GA-2026-000101").sequenceNo())
          .isEqualTo(1);
    }
  }

  @Test
  void twoWritersRacingForANewCaseBothGetTheirPlaceInItsChainOnPostgres() throws Exception {
    try (EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        HikariDataSource pool = pool(server.getJdbcUrl("postgres", "postgres"), "postgres", 2)) {
      migrate(pool, "postgresql");
      assertThat(racingFirstWriters(pool, "GA-2026-000102")).containsExactlyInAnyOrder(1, 2);
      assertThat(
              new EvidenceLedger(JdbcClient.create(pool), transactions(pool))
                  .verify("GA-2026-000102")
                  .isIntact())
          .isTrue();
    }
  }

  @Test
  void twoWritersRacingForANewCaseBothGetTheirPlaceInItsChainOnH2() throws Exception {
    try (HikariDataSource pool =
        pool("jdbc:h2:mem:ledger-race;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", 2)) {
      migrate(pool, "h2");
      assertThat(racingFirstWriters(pool, "GA-2026-000102")).containsExactlyInAnyOrder(1, 2);
      assertThat(
              new EvidenceLedger(JdbcClient.create(pool), transactions(pool))
                  .verify("GA-2026-000102")
                  .isIntact())
          .isTrue();
    }
  }

  /** The first record of a case, appended inside a transaction of the caller's, as the engine's command does. */
  private static EvidenceRecord firstRecordInTheCallersTransaction(
      DataSource pool, String businessKey) {
    EvidenceLedger ledger = new EvidenceLedger(JdbcClient.create(pool), transactions(pool));
    return new TransactionTemplate(transactions(pool))
        .execute(tx -> ledger.append(record(businessKey, "manager1")));
  }

  /** Two transactions, each holding its connection, append to a case that has no chain yet at the same moment. */
  private static List<Integer> racingFirstWriters(DataSource pool, String businessKey)
      throws Exception {
    EvidenceLedger ledger = new EvidenceLedger(JdbcClient.create(pool), transactions(pool));
    CyclicBarrier bothInTheirTransactions = new CyclicBarrier(2);
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> places = new ArrayList<>();
      for (String performer : List.of("manager1", "manager2")) {
        places.add(
            writers.submit(
                () ->
                    new TransactionTemplate(transactions(pool))
                        .execute(
                            tx -> {
                              JdbcClient.create(pool).sql("SELECT 1").query(Integer.class).single();
                              await(bothInTheirTransactions);
                              return ledger.append(record(businessKey, performer)).sequenceNo();
                            })));
      }
      List<Integer> sequenceNumbers = new ArrayList<>();
      for (Future<Integer> place : places) {
        sequenceNumbers.add(place.get(30, TimeUnit.SECONDS));
      }
      return sequenceNumbers;
    } finally {
      writers.shutdownNow();
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static NewEvidence record(String businessKey, String performer) {
    return NewEvidence.of(
            businessKey,
            RecordType.TASK_COMPLETED,
            performer,
            Instant.parse("2026-03-02T02:00:00Z"))
        .withProcess("guarantee-lifecycle", "pi")
        .withStep("Task_CustomerIntake", "task-" + performer);
  }

  private static DataSourceTransactionManager transactions(DataSource pool) {
    return new DataSourceTransactionManager(pool);
  }
}
