package com.creditdiligence.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditdiligence.evidence.transparency.ConsistencyReport;
import com.creditdiligence.submission.BusinessTime;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Someone with full power over the database — the append-only triggers dropped, every hash recomputed as
 * CanonicalForm documents, the chain heads set to match — while the application is stopped. The chains then
 * verify on their own; after a restart the signed checkpoints outside the database still tell, and name the
 * record. On an H2 file database that outlives the "restart" (a new ledger and checkpointer over it).
 */
class InsiderRewriteTest {

  private static final String FIRST = "GA-2099-000001";
  private static final String SECOND = "GA-2099-000002";
  private static final String THIRD = "GA-2099-000003";

  @TempDir Path directory;
  private HikariDataSource database;
  private JdbcClient jdbc;
  private Path store;

  @BeforeEach
  void ledgerWithCheckpoints() {
    database = new HikariDataSource();
    database.setJdbcUrl("jdbc:h2:file:" + directory.resolve("db") + ";LOCK_TIMEOUT=10000");
    database.setUsername("sa");
    Flyway.configure()
        .dataSource(database)
        .table("app_schema_history")
        .locations("classpath:db/migration/common", "classpath:db/migration/h2")
        .load()
        .migrate();
    jdbc = JdbcClient.create(database);
    store = directory.resolve("checkpoints");
    LedgerCheckpoints running = start();
    // Interleaved, as cases complete tasks side by side: the global order differs from each case's.
    for (int i = 1; i <= 4; i++) {
      append(FIRST, i);
      append(SECOND, i);
      append(THIRD, i);
      running.checkpoint();
    }
    assertThat(running.checkpoint().orElseThrow().checkpoint().size()).isEqualTo(12);
    // Stopped here: what follows happens to the database while no application runs.
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aRecordRewrittenWithEveryLaterHashRecomputedIsNamedAfterARestart() {
    DatabaseAdministrator.tamperWithoutTriggers(
        jdbc, () -> rewriteFrom(SECOND, 2, "{\"onSiteVisitFindings\":\"一切正常 All in order\"}"));
    EvidenceLedger unwatched = new EvidenceLedger(jdbc, new DataSourceTransactionManager(database));
    assertThat(unwatched.verify(SECOND).isIntact())
        .as("the rewritten chain verifies on its own")
        .isTrue();

    LedgerCheckpoints restarted = start();
    ConsistencyReport report = restarted.report();
    assertThat(report.consistent()).isFalse();
    assertThat(report.businessKey()).isEqualTo(SECOND);
    assertThat(report.sequenceNo()).isEqualTo(2);
    assertThat(report.brokenLeaf()).isEqualTo(4L); // SECOND's 2nd record was the 5th placed
    assertThat(report.firstCheckpoint()).isEqualTo(6L);
    assertThat(report.reason()).contains("rewritten and rehashed");

    ChainVerification verification = watched(restarted).verify(SECOND);
    assertThat(verification.isIntact()).isFalse();
    assertThat(verification.brokenAt()).isEqualTo(2);
    assertThat(restarted.checkpoint()).as("nothing is signed over a rewritten ledger").isEmpty();

    // The auditor's command, from the database and the store with the public key, says the same.
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    Path publicKey = directory.resolve("keys/checkpoint.key.pub");
    int status =
        assertDoesNotThrowSql(
            () ->
                VerifyLedgerCommand.runAgainstCheckpoints(
                    database.getJdbcUrl(),
                    "sa",
                    "",
                    store,
                    publicKey,
                    new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(status).isEqualTo(1);
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("BROKEN at record 2 of case " + SECOND + " (leaf 4");
  }

  @Test
  void theAuditorsCommandFindsALedgerLeftAloneConsistent() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int status =
        VerifyLedgerCommand.runAgainstCheckpoints(
            database.getJdbcUrl(),
            "sa",
            "",
            store,
            directory.resolve("keys/checkpoint.key.pub"),
            new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("consistent with 4 signed checkpoints");
    assertThat(status).isZero();
  }

  private interface SqlCall {
    int call() throws java.sql.SQLException;
  }

  private static int assertDoesNotThrowSql(SqlCall call) {
    try {
      return call.call();
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aTruncatedTailIsNamedAfterARestart() {
    long lastTwo = jdbc.sql("SELECT COUNT(*) FROM evidence_leaf").query(Long.class).single() - 2;
    DatabaseAdministrator.tamperWithoutTriggers(
        jdbc,
        () -> {
          jdbc.sql(
                  "DELETE FROM evidence_record WHERE id IN (SELECT record_id FROM evidence_leaf WHERE leaf_index >= ?)")
              .param(lastTwo)
              .update();
          jdbc.sql("DELETE FROM evidence_leaf WHERE leaf_index >= ?").param(lastTwo).update();
          jdbc.sql(
                  "UPDATE evidence_chain SET last_sequence_no = 3, last_hash = (SELECT record_hash FROM evidence_record "
                      + "WHERE business_key = evidence_chain.business_key AND sequence_no = 3) WHERE business_key IN (?, ?)")
              .params(SECOND, THIRD)
              .update();
        });
    EvidenceLedger unwatched = new EvidenceLedger(jdbc, new DataSourceTransactionManager(database));
    assertThat(unwatched.verify(SECOND).isIntact()).isTrue();

    ConsistencyReport report = start().report();
    assertThat(report.consistent()).isFalse();
    assertThat(report.brokenLeaf()).isEqualTo(10L);
    assertThat(report.businessKey()).isEqualTo(SECOND);
    assertThat(report.sequenceNo()).isEqualTo(4);
    assertThat(report.reason()).contains("ends after 10 records").contains("gone");
  }

  @Test
  void aWholeCaseDeletedIsNamedAfterARestart() {
    DatabaseAdministrator.tamperWithoutTriggers(
        jdbc,
        () -> {
          jdbc.sql(
                  "DELETE FROM evidence_leaf WHERE record_id IN (SELECT id FROM evidence_record WHERE business_key = ?)")
              .param(FIRST)
              .update();
          jdbc.sql("DELETE FROM evidence_record WHERE business_key = ?").param(FIRST).update();
          jdbc.sql("DELETE FROM evidence_chain WHERE business_key = ?").param(FIRST).update();
        });

    ConsistencyReport report = start().report();
    assertThat(report.consistent()).isFalse();
    assertThat(report.brokenLeaf()).isEqualTo(0L);
    assertThat(report.businessKey()).isEqualTo(FIRST);
    assertThat(report.sequenceNo()).isEqualTo(1);
    assertThat(report.reason()).contains("gone");
  }

  @Test
  void aLedgerLeftAloneIsConsistentAfterARestartAndGrowsOnlyByNewCheckpoints() {
    LedgerCheckpoints restarted = start();
    assertThat(restarted.report().consistent()).isTrue();
    assertThat(restarted.report().checkpoints()).isEqualTo(4);
    append(FIRST, 5);
    assertThat(restarted.checkpoint().orElseThrow().checkpoint().size()).isEqualTo(13);
    assertThat(watched(restarted).verify(FIRST).isIntact()).isTrue();
  }

  @Test
  void aCheckpointSignedByAnotherKeyIsRefused() throws Exception {
    Path forged = store.resolve("checkpoints").resolve("%020d.txt".formatted(99));
    Files.writeString(
        forged,
        com.creditdiligence.evidence.transparency.NoteKeys.generate(
                "credit-diligence/evidence-ledger")
            .sign(
                "credit-diligence/evidence-ledger\n99\n"
                    + "A".repeat(43)
                    + "=\ntime 2026-01-01T00:00:00Z\n"));
    ConsistencyReport report = start().report();
    assertThat(report.consistent()).isFalse();
    assertThat(report.reason()).contains("cannot be trusted").contains("no signature");
  }

  @Test
  void aSignedCheckpointAlteredInTheStoreIsRefused() throws Exception {
    Path latest = store.resolve("checkpoints").resolve("%020d.txt".formatted(12));
    Files.writeString(latest, Files.readString(latest).replaceFirst("\n12\n", "\n11\n"));
    ConsistencyReport report = start().report();
    assertThat(report.consistent()).isFalse();
    assertThat(report.reason()).contains("does not verify");
  }

  @Test
  void aLeafAlteredInTheStoreIsTheStoresFaultNotTheDatabases() throws Exception {
    Path leaves;
    try (var files = Files.list(store.resolve("leaves"))) {
      leaves = files.sorted().findFirst().orElseThrow();
    }
    String text = Files.readString(leaves);
    Files.writeString(
        leaves, text.substring(0, text.length() - 2) + (text.endsWith("0\n") ? "1" : "0") + "\n");
    ConsistencyReport report = start().report();
    assertThat(report.consistent()).isFalse();
    assertThat(report.brokenLeaf()).isNull();
    assertThat(report.reason()).contains("leaf files were altered");
  }

  @Test
  void withoutAKeyAndNotAllowedToMakeOneTheCheckpointerRefusesToStart() {
    assertThatThrownBy(
            () ->
                new LedgerCheckpoints(
                    jdbc,
                    new DataSourceTransactionManager(database),
                    new CheckpointProperties(
                        store,
                        directory.resolve("absent.key"),
                        false,
                        Duration.ofHours(1),
                        "credit-diligence/evidence-ledger"),
                    time()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not exist");
  }

  private LedgerCheckpoints start() {
    LedgerCheckpoints checkpoints =
        new LedgerCheckpoints(
            jdbc,
            new DataSourceTransactionManager(database),
            new CheckpointProperties(
                store,
                directory.resolve("keys/checkpoint.key"),
                true,
                Duration.ofHours(1),
                "credit-diligence/evidence-ledger"),
            time());
    checkpoints.check();
    return checkpoints;
  }

  private EvidenceLedger watched(LedgerCheckpoints checkpoints) {
    EvidenceLedger ledger = new EvidenceLedger(jdbc, new DataSourceTransactionManager(database));
    ledger.checkAgainst(checkpoints);
    return ledger;
  }

  private void append(String businessKey, int step) {
    EvidenceLedger ledger = new EvidenceLedger(jdbc, new DataSourceTransactionManager(database));
    new TransactionTemplate(new DataSourceTransactionManager(database))
        .executeWithoutResult(
            tx ->
                ledger.append(
                    new NewEvidence(
                        businessKey,
                        RecordType.TASK_COMPLETED,
                        "guarantee-lifecycle",
                        null,
                        "pi",
                        "Task_" + step,
                        "task-" + step,
                        "CUSTOMER_INVESTIGATION",
                        "§5–§14",
                        "manager1",
                        "manager1",
                        Instant.parse("2026-03-0" + step + "T02:00:00Z"),
                        "onSite",
                        "{\"onSiteVisitFindings\":\"库存不足 Stock short\"}",
                        "[]",
                        "rules v1",
                        null,
                        null)));
  }

  /** As CanonicalForm documents: the record's new content, its new hash, and every later link and the head. */
  private void rewriteFrom(String businessKey, int sequenceNo, String findings) {
    EvidenceLedger ledger = new EvidenceLedger(jdbc, new DataSourceTransactionManager(database));
    List<EvidenceRecord> chain = ledger.records(businessKey);
    String previous = chain.get(sequenceNo - 2).recordHash();
    for (EvidenceRecord r : chain.subList(sequenceNo - 1, chain.size())) {
      EvidenceRecord changed =
          new EvidenceRecord(
              r.id(),
              r.businessKey(),
              r.sequenceNo(),
              r.recordType(),
              r.processDefinitionKey(),
              r.processDefinitionId(),
              r.processInstanceId(),
              r.elementId(),
              r.taskId(),
              r.dutyCode(),
              r.clause(),
              r.performer(),
              r.assignee(),
              r.recordedAt(),
              r.verificationMethod(),
              r.sequenceNo() == sequenceNo ? findings : r.findings(),
              r.documents(),
              r.ruleSetVersion(),
              r.amendsSequenceNo(),
              r.amendmentReason(),
              previous,
              null,
              r.canonicalVersion());
      String hash = changed.computeHash();
      jdbc.sql(
              "UPDATE evidence_record SET findings = ?, previous_hash = ?, record_hash = ? WHERE id = ?")
          .params(changed.findings(), previous, hash, r.id())
          .update();
      previous = hash;
    }
    jdbc.sql("UPDATE evidence_chain SET last_hash = ? WHERE business_key = ?")
        .params(previous, businessKey)
        .update();
  }

  private static BusinessTime time() {
    return new BusinessTime(Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
  }
}
