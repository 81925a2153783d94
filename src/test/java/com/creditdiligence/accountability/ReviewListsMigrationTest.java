package com.creditdiligence.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A review's lists are rows of their own (V31), and the migration (V32) moves the lists that reviews already held in
 * joined columns into them, in their order, on H2 and on PostgreSQL: what the application reads back is what it read
 * before.
 */
class ReviewListsMigrationTest {

  private static final Instant OPENED = Instant.parse("2026-03-01T02:00:00Z");

  @TempDir Path directory;

  @Test
  void oldReviewsKeepTheirListsOnH2() {
    try (HikariDataSource database = new HikariDataSource()) {
      database.setJdbcUrl("jdbc:h2:file:" + directory.resolve("db") + ";LOCK_TIMEOUT=10000");
      database.setUsername("sa");
      migrateWithOldReviews(database, "h2");
    }
  }

  @Test
  void oldReviewsKeepTheirListsOnPostgres() throws Exception {
    try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
      migrateWithOldReviews(server.getPostgresDatabase(), "postgresql");
    }
  }

  private static void migrateWithOldReviews(DataSource database, String vendor) {
    flyway(database, vendor).target(lastBefore(database, vendor, "31")).load().migrate();
    JdbcClient jdbc = JdbcClient.create(database);
    jdbc.sql(
            """
            INSERT INTO accountability_review (review_id, business_key, review_trigger, reason, opened_by, opened_at,
                                               due_at, rule_versions)
            VALUES ('r-old', 'GA-2026-000009', 'compensation', '代偿 Compensated', 'head1', ?, ?, ?)""")
        .params(
            Timestamp.from(OPENED),
            Timestamp.from(OPENED.plusSeconds(86_400 * 365)),
            "section27-finding:v2 deployment d1\nexemption-tier:v1 deployment d1")
        .update();
    finding(jdbc, 1, "3,17,112");
    finding(jdbc, 2, "");
    determination(jdbc, "manager1", "§27(二),§27(七)");
    determination(jdbc, "manager2", "");

    flyway(database, vendor).load().migrate();

    ReviewStore store = new ReviewStore(jdbc);
    assertThat(store.review("r-old").orElseThrow().ruleVersions())
        .containsExactly("section27-finding:v2 deployment d1", "exemption-tier:v1 deployment d1");
    assertThat(store.reviewsOfCase("GA-2026-000009"))
        .singleElement()
        .extracting(AccountabilityReview::ruleVersions)
        .isEqualTo(
            List.of("section27-finding:v2 deployment d1", "exemption-tier:v1 deployment d1"));
    assertThat(store.findings("r-old"))
        .extracting(ReviewFinding::evidence)
        .containsExactly(List.of(3, 17, 112), List.of());
    assertThat(store.determinations("r-old"))
        .extracting(Determination::manager, Determination::clauses)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("manager1", List.of("§27(二)", "§27(七)")),
            org.assertj.core.groups.Tuple.tuple("manager2", List.of()));
    assertThat(
            store.determination("r-old", "manager1", Determination.FIRST).orElseThrow().clauses())
        .containsExactly("§27(二)", "§27(七)");
    // The joined columns are gone: nothing can write a list there again.
    assertThatThrownBy(
            () -> jdbc.sql("SELECT rule_versions FROM accountability_review").query().listOfRows())
        .isInstanceOf(DataAccessException.class);
    assertThatThrownBy(() -> jdbc.sql("SELECT evidence FROM review_finding").query().listOfRows())
        .isInstanceOf(DataAccessException.class);
    assertThatThrownBy(
            () -> jdbc.sql("SELECT clauses FROM review_determination").query().listOfRows())
        .isInstanceOf(DataAccessException.class);

    // A review written now reads back the same way, its lists in their order.
    AccountabilityReview fresh =
        new AccountabilityReview(
            "r-new",
            "GA-2026-000010",
            "compensation",
            "代偿",
            "head1",
            OPENED,
            OPENED.plusSeconds(60),
            null,
            null,
            List.of("b:v2 deployment x", "a:v1 deployment x"),
            new EvidenceIntegrity(true, null, null, OPENED));
    store.open(fresh);
    store.addFinding(
        new ReviewFinding(
            "r-new",
            1,
            "manager1",
            "DUTY_FACT",
            "MONITORING_REPORT",
            "monitoring",
            "§27(七)",
            "minor",
            "逾期 Late",
            List.of(40, 9, 21),
            null,
            "section27-finding:v2",
            "DRAFT",
            null,
            null));
    store.determine(
        new Determination(
            "r-new",
            "manager1",
            Determination.FIRST,
            Tier.REDUCIBLE,
            List.of("§27(七)", "§27(二)"),
            "理由 Rationale",
            true,
            "board1",
            OPENED.plusSeconds(30)));
    assertThat(store.review("r-new").orElseThrow().ruleVersions())
        .containsExactly("b:v2 deployment x", "a:v1 deployment x");
    assertThat(store.findings("r-new"))
        .singleElement()
        .extracting(ReviewFinding::evidence)
        .isEqualTo(List.of(40, 9, 21));
    assertThat(store.determinations("r-new"))
        .singleElement()
        .extracting(Determination::clauses)
        .isEqualTo(List.of("§27(七)", "§27(二)"));
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
      DataSource database, String vendor) {
    return Flyway.configure()
        .dataSource(database)
        .table("app_schema_history")
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
  }

  /** The schema as it stood before the lists became rows: the last migration before that version, whichever it is. */
  private static org.flywaydb.core.api.MigrationVersion lastBefore(
      DataSource database, String vendor, String version) {
    org.flywaydb.core.api.MigrationVersion rows =
        org.flywaydb.core.api.MigrationVersion.fromVersion(version);
    return java.util.Arrays.stream(flyway(database, vendor).load().info().all())
        .map(org.flywaydb.core.api.MigrationInfo::getVersion)
        .filter(v -> v.compareTo(rows) < 0)
        .max(Comparable::compareTo)
        .orElseThrow();
  }

  private static void finding(JdbcClient jdbc, int number, String evidence) {
    jdbc.sql(
            """
            INSERT INTO review_finding (review_id, finding_no, manager, origin, duty_code, stage, clause, severity,
                                        explanation, evidence, status)
            VALUES ('r-old', ?, 'manager1', 'DUTY_FACT', 'ONSITE_CHECK', 'monitoring', '§27(七)', 'minor', '未按期检查', ?,
                    'DRAFT')""")
        .params(number, evidence)
        .update();
  }

  private static void determination(JdbcClient jdbc, String manager, String clauses) {
    jdbc.sql(
            """
            INSERT INTO review_determination (review_id, manager, determination_round, tier, clauses, rationale,
                                              eligible_for_exemption, decided_by, decided_at)
            VALUES ('r-old', ?, 'FIRST', 'reducible', ?, '理由', TRUE, 'board1', ?)""")
        .params(manager, clauses, Timestamp.from(OPENED.plusSeconds(3600)))
        .update();
  }
}
