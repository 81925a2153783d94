package com.creditdiligence.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The process definition id became a column of its own (Flyway V33) and the canonical form v2 hashes it. A record
 * written before, under v1, keeps the hash it was written with and verifies forever; records written after are v2;
 * a chain of both verifies; changing a v2 record's process definition id in the database breaks it; and a v1 record
 * cannot be given one behind the ledger's back. On H2 and on PostgreSQL, the append-only triggers of V3 still refuse
 * every change.
 */
class CanonicalVersionsMigrationTest {

  private static final String KEY = "GA-2026-000077";

  /**
   * A record as the application wrote it before V33, its hash computed independently with Python ({@code
   * hashlib.sha256(json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode())}) over the v1 fields.
   */
  private static final String V1_HASH =
      "cf62daaa4802b630ab5fb410eada55fa1d357c8c328fb808c4a88103bf609a16";

  private static final String DEFINITION =
      "guarantee-lifecycle:3:7f1c0e2a-0000-0000-0000-000000000001";

  @TempDir Path directory;

  @Test
  void aLedgerOfV1RecordsMigratesAndGoesOnUnderV2OnH2() {
    String url = "jdbc:h2:file:" + directory.resolve("db") + ";LOCK_TIMEOUT=10000";
    try (HikariDataSource database = new HikariDataSource()) {
      database.setJdbcUrl(url);
      database.setUsername("sa");
      migrateAndGoOn(
          database,
          "h2",
          url,
          "sa",
          "",
          tampering ->
              DatabaseAdministrator.tamperWithoutTriggers(JdbcClient.create(database), tampering));
    }
  }

  @Test
  void aLedgerOfV1RecordsMigratesAndGoesOnUnderV2OnPostgres() throws Exception {
    try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
      DataSource database = server.getPostgresDatabase();
      JdbcClient jdbc = JdbcClient.create(database);
      migrateAndGoOn(
          database,
          "postgresql",
          server.getJdbcUrl("postgres", "postgres"),
          "postgres",
          "",
          tampering -> {
            jdbc.sql("ALTER TABLE evidence_record DISABLE TRIGGER evidence_record_append_only")
                .update();
            try {
              tampering.run();
            } finally {
              jdbc.sql("ALTER TABLE evidence_record ENABLE TRIGGER evidence_record_append_only")
                  .update();
            }
          });
    }
  }

  interface Administrator {
    void tamperWithoutTriggers(Runnable tampering);
  }

  private static void migrateAndGoOn(
      DataSource database,
      String vendor,
      String url,
      String user,
      String password,
      Administrator dba) {
    flyway(database, vendor).target(lastBefore(database, vendor, "33")).load().migrate();
    JdbcClient jdbc = JdbcClient.create(database);
    writeV1Record(jdbc);
    // The standalone verifier reads a database from before V33 too.
    assertThat(verifyLedgerCommand(url, user, password)).contains("1 cases, 1 records, 0 broken");

    flyway(database, vendor).load().migrate();

    EvidenceLedger ledger = new EvidenceLedger(jdbc, new DataSourceTransactionManager(database));
    EvidenceRecord old = ledger.records(KEY).get(0);
    assertThat(old.canonicalVersion()).isEqualTo(CanonicalForm.V1);
    assertThat(old.processDefinitionId()).isNull();
    assertThat(old.recordHash()).isEqualTo(V1_HASH).isEqualTo(old.computeHash());
    assertThat(ledger.verify(KEY).status()).isEqualTo("intact");

    // Records written from now on are v2, their hash over the process definition id; the chain of
    // both verifies.
    EvidenceRecord written =
        new TransactionTemplate(new DataSourceTransactionManager(database))
            .execute(
                tx ->
                    ledger.append(
                        NewEvidence.of(
                                KEY,
                                RecordType.TASK_COMPLETED,
                                "manager1",
                                Instant.parse("2026-12-01T02:00:00Z"))
                            .withProcess("guarantee-lifecycle", "pi-new")
                            .withDefinition(DEFINITION)
                            .withStep("Task_AnalysisReport", "task-new")
                            .withRuleSetVersion(
                                "guarantee-lifecycle:v3 (2026.2) deployment d-new")));
    List<EvidenceRecord> records = ledger.records(KEY);
    assertThat(records)
        .extracting(EvidenceRecord::canonicalVersion, EvidenceRecord::processDefinitionId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(CanonicalForm.V1, null),
            org.assertj.core.groups.Tuple.tuple(CanonicalForm.V2, DEFINITION));
    assertThat(records.get(1).previousHash()).isEqualTo(V1_HASH);
    assertThat(records.get(1).recordHash()).isEqualTo(written.recordHash());
    assertThat(ledger.verify(KEY).status()).isEqualTo("intact");
    assertThat(verifyLedgerCommand(url, user, password)).contains("1 cases, 2 records, 0 broken");

    // The append-only triggers of V3 still refuse to change a record, the new columns included.
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "UPDATE evidence_record SET process_definition_id = ? WHERE sequence_no = 2")
                    .param("guarantee-lifecycle:1:other")
                    .update())
        .isInstanceOf(DataAccessException.class);
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE evidence_record SET canonical_version = ? WHERE sequence_no = 1")
                    .param(CanonicalForm.V2)
                    .update())
        .isInstanceOf(DataAccessException.class);
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM evidence_record").update())
        .isInstanceOf(DataAccessException.class);

    // Past the triggers: another process definition on a v2 record no longer matches its hash.
    dba.tamperWithoutTriggers(
        () -> setColumn(jdbc, 2, "process_definition_id", "guarantee-lifecycle:1:other"));
    ChainVerification changed = ledger.verify(KEY);
    assertThat(changed.status()).isEqualTo("broken");
    assertThat(changed.brokenAt()).isEqualTo(2);
    assertThat(changed.reason()).contains("no longer matches its hash");
    assertThat(verifyLedgerCommand(url, user, password)).contains("1 broken");
    dba.tamperWithoutTriggers(() -> setColumn(jdbc, 2, "process_definition_id", DEFINITION));
    assertThat(ledger.verify(KEY).status()).isEqualTo("intact");

    // A v1 record's hash does not cover the column, so one that names a definition has been
    // changed.
    dba.tamperWithoutTriggers(
        () -> setColumn(jdbc, 1, "process_definition_id", "guarantee-lifecycle:1:other"));
    ChainVerification given = ledger.verify(KEY);
    assertThat(given.status()).isEqualTo("broken");
    assertThat(given.brokenAt()).isEqualTo(1);
    assertThat(given.reason()).contains(CanonicalForm.V1, "process definition id");
    dba.tamperWithoutTriggers(() -> setColumn(jdbc, 1, "process_definition_id", null));

    // Nor can a record be moved to the other form: the version is the first field hashed.
    dba.tamperWithoutTriggers(() -> setColumn(jdbc, 2, "canonical_version", CanonicalForm.V1));
    ChainVerification downgraded = ledger.verify(KEY);
    assertThat(downgraded.status()).isEqualTo("broken");
    assertThat(downgraded.brokenAt()).isEqualTo(2);
    dba.tamperWithoutTriggers(() -> setColumn(jdbc, 2, "canonical_version", CanonicalForm.V2));
    assertThat(ledger.verify(KEY).status()).isEqualTo("intact");
  }

  /** The row and the chain head exactly as the application wrote them before V33, with the columns it had. */
  private static void writeV1Record(JdbcClient jdbc) {
    jdbc.sql(
            """
            INSERT INTO evidence_record (business_key, sequence_no, record_type, process_definition_key,
                process_instance_id, element_id, task_id, duty_code, clause, performer, assignee, recorded_at,
                verification_method, findings, documents, rule_set_version, amends_sequence_no, amendment_reason,
                previous_hash, record_hash)
            VALUES (?, 1, 'TASK_COMPLETED', 'guarantee-lifecycle', 'pi-old', 'Task_CustomerInvestigation', 'task-old',
                'CUSTOMER_INVESTIGATION', '§5–§14', 'manager1', 'manager1', ?, 'onSite×12', ?, '[]',
                'guarantee-lifecycle:v1 (2026.1) deployment d-old', NULL, NULL, ?, ?)""")
        .params(
            KEY,
            OffsetDateTime.ofInstant(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.UTC),
            "{\"amount\":3000000,\"onSiteVisitFindings\":\"库存与账面一致\"}",
            CanonicalForm.GENESIS,
            V1_HASH)
        .update();
    jdbc.sql(
            "INSERT INTO evidence_chain (business_key, last_sequence_no, last_hash) VALUES (?, 1, ?)")
        .params(KEY, V1_HASH)
        .update();
  }

  private static void setColumn(JdbcClient jdbc, int sequenceNo, String column, String value) {
    jdbc.sql(
            "UPDATE evidence_record SET "
                + column
                + " = ? WHERE business_key = ? AND sequence_no = ?")
        .params(value, KEY, sequenceNo)
        .update();
  }

  private static String verifyLedgerCommand(String url, String user, String password) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VerifyLedgerCommand.run(
          url, user, password, new PrintStream(out, true, StandardCharsets.UTF_8));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static FluentConfiguration flyway(DataSource database, String vendor) {
    return Flyway.configure()
        .dataSource(database)
        .table("app_schema_history")
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
  }

  /** The schema as it stood before that version: the last migration before it, whichever it is. */
  private static MigrationVersion lastBefore(DataSource database, String vendor, String version) {
    MigrationVersion limit = MigrationVersion.fromVersion(version);
    return java.util.Arrays.stream(flyway(database, vendor).load().info().all())
        .map(MigrationInfo::getVersion)
        .filter(v -> v.compareTo(limit) < 0)
        .max(Comparable::compareTo)
        .orElseThrow();
  }
}
