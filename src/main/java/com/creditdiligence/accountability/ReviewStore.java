package com.creditdiligence.accountability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The review tables. Called from the review's delegates and listeners: it writes in the engine's transaction. A review's
 * lists (its rule versions, a finding's evidence, a determination's clauses) are rows of their own (V31), in order.
 */
@Repository
public class ReviewStore {

  private final JdbcClient jdbc;

  ReviewStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void open(AccountabilityReview review) {
    EvidenceIntegrity evidence = review.evidenceAtOpening();
    jdbc.sql(
            """
            INSERT INTO accountability_review (review_id, business_key, review_trigger, reason, opened_by, opened_at,
                                               due_at, evidence_intact, evidence_broken_at,
                                               evidence_broken_reason, evidence_verified_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            review.reviewId(),
            review.businessKey(),
            review.trigger(),
            review.reason(),
            review.openedBy(),
            Timestamp.from(review.openedAt()),
            Timestamp.from(review.dueAt()),
            evidence.intact(),
            evidence.firstBrokenRecord(),
            evidence.reason(),
            Timestamp.from(evidence.verifiedAt()))
        .update();
    List<String> versions = review.ruleVersions();
    for (int i = 0; i < versions.size(); i++) {
      jdbc.sql(
              "INSERT INTO review_rule_version (review_id, item_no, rule_version) VALUES (?, ?, ?)")
          .params(review.reviewId(), i + 1, versions.get(i))
          .update();
    }
  }

  void addFinding(ReviewFinding finding) {
    jdbc.sql(
            """
            INSERT INTO review_finding (review_id, finding_no, manager, origin, duty_code, stage, clause, severity,
                                        explanation, due_at, rule_version, status, status_reason, judged_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            finding.reviewId(),
            finding.findingNo(),
            finding.manager(),
            finding.origin(),
            finding.dutyCode(),
            finding.stage(),
            finding.clause(),
            finding.severity(),
            finding.explanation(),
            finding.dueAt() == null ? null : Timestamp.from(finding.dueAt()),
            finding.ruleVersion(),
            finding.status(),
            finding.statusReason(),
            finding.judgedBy())
        .update();
    List<Integer> evidence = finding.evidence();
    for (int i = 0; i < evidence.size(); i++) {
      jdbc.sql(
              "INSERT INTO review_finding_evidence (review_id, finding_no, item_no, sequence_no) VALUES (?, ?, ?, ?)")
          .params(finding.reviewId(), finding.findingNo(), i + 1, evidence.get(i))
          .update();
    }
  }

  void judgeFinding(String reviewId, int findingNo, String status, String reason, String judgedBy) {
    int updated =
        jdbc.sql(
                """
            UPDATE review_finding SET status = ?, status_reason = ?, judged_by = ?
            WHERE review_id = ? AND finding_no = ? AND status = 'DRAFT'""")
            .params(status, reason, judgedBy, reviewId, findingNo)
            .update();
    if (updated != 1) {
      throw new IllegalStateException(
          "Finding F" + findingNo + " of review " + reviewId + " is not a draft");
    }
  }

  void recordAuditor(String reviewId, String auditor) {
    jdbc.sql("UPDATE accountability_review SET auditor = ? WHERE review_id = ?")
        .params(auditor, reviewId)
        .update();
  }

  void close(String reviewId, Instant at) {
    jdbc.sql("UPDATE accountability_review SET closed_at = ? WHERE review_id = ?")
        .params(Timestamp.from(at), reviewId)
        .update();
  }

  void determine(Determination determination) {
    jdbc.sql(
            """
            INSERT INTO review_determination (review_id, manager, determination_round, tier, rationale,
                                              eligible_for_exemption, decided_by, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            determination.reviewId(),
            determination.manager(),
            determination.round(),
            determination.tier().code(),
            determination.rationale(),
            determination.eligibleForExemption(),
            determination.decidedBy(),
            Timestamp.from(determination.decidedAt()))
        .update();
    List<String> clauses = determination.clauses();
    for (int i = 0; i < clauses.size(); i++) {
      jdbc.sql(
              """
              INSERT INTO review_determination_clause (review_id, manager, determination_round, item_no, clause)
              VALUES (?, ?, ?, ?, ?)""")
          .params(
              determination.reviewId(),
              determination.manager(),
              determination.round(),
              i + 1,
              clauses.get(i))
          .update();
    }
  }

  public Optional<AccountabilityReview> review(String reviewId) {
    Map<String, List<String>> versions =
        itemsByKey(
            jdbc.sql(
                    "SELECT review_id, rule_version FROM review_rule_version WHERE review_id = ? ORDER BY review_id, item_no")
                .param(reviewId));
    return jdbc.sql("SELECT * FROM accountability_review WHERE review_id = ?")
        .param(reviewId)
        .query((row, n) -> review(row, versions))
        .optional();
  }

  public List<AccountabilityReview> reviewsOfCase(String businessKey) {
    Map<String, List<String>> versions =
        itemsByKey(
            jdbc.sql(
                    """
            SELECT v.review_id, v.rule_version FROM review_rule_version v
            JOIN accountability_review r ON r.review_id = v.review_id
            WHERE r.business_key = ? ORDER BY v.review_id, v.item_no""")
                .param(businessKey));
    return jdbc.sql(
            "SELECT * FROM accountability_review WHERE business_key = ? ORDER BY opened_at, review_id")
        .param(businessKey)
        .query((row, n) -> review(row, versions))
        .list();
  }

  /** How many reviews each case has had (cases without any are absent): one query for a list of cases. */
  public Map<String, Integer> reviewCountsByCase() {
    Map<String, Integer> counts = new HashMap<>();
    jdbc.sql("SELECT business_key, COUNT(*) FROM accountability_review GROUP BY business_key")
        .query(
            row -> {
              counts.put(row.getString(1), row.getInt(2));
            });
    return counts;
  }

  public List<ReviewFinding> findings(String reviewId) {
    Map<String, List<String>> evidence =
        itemsByKey(
            jdbc.sql(
                    """
            SELECT CAST(finding_no AS VARCHAR(12)), CAST(sequence_no AS VARCHAR(12)) FROM review_finding_evidence
            WHERE review_id = ? ORDER BY finding_no, item_no""")
                .param(reviewId));
    return jdbc.sql("SELECT * FROM review_finding WHERE review_id = ? ORDER BY finding_no")
        .param(reviewId)
        .query(
            (row, n) ->
                finding(
                    row,
                    evidence
                        .getOrDefault(Integer.toString(row.getInt("finding_no")), List.of())
                        .stream()
                        .map(Integer::valueOf)
                        .toList()))
        .list();
  }

  public List<Determination> determinations(String reviewId) {
    Map<String, List<String>> clauses = clausesOf(reviewId);
    return jdbc.sql(
            "SELECT * FROM review_determination WHERE review_id = ? ORDER BY manager, decided_at")
        .param(reviewId)
        .query((row, n) -> determination(row, clauses))
        .list();
  }

  Optional<Determination> determination(String reviewId, String manager, String round) {
    Map<String, List<String>> clauses = clausesOf(reviewId);
    return jdbc.sql(
            "SELECT * FROM review_determination WHERE review_id = ? AND manager = ? AND determination_round = ?")
        .params(reviewId, manager, round)
        .query((row, n) -> determination(row, clauses))
        .optional();
  }

  /** A review's determination clauses, by manager and round ({@link #determinationKey}), each in its order. */
  private Map<String, List<String>> clausesOf(String reviewId) {
    Map<String, List<String>> clauses = new HashMap<>();
    jdbc.sql(
            """
            SELECT manager, determination_round, clause FROM review_determination_clause
            WHERE review_id = ? ORDER BY manager, determination_round, item_no""")
        .param(reviewId)
        .query(
            row -> {
              clauses
                  .computeIfAbsent(
                      determinationKey(row.getString(1), row.getString(2)), k -> new ArrayList<>())
                  .add(row.getString(3));
            });
    return clauses;
  }

  private static String determinationKey(String manager, String round) {
    return manager + "\u0000" + round;
  }

  /** The rows of a two-column query (key, item), each key's items in the order the query gives them. */
  private static Map<String, List<String>> itemsByKey(JdbcClient.StatementSpec query) {
    Map<String, List<String>> items = new HashMap<>();
    query.query(
        row -> {
          items.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add(row.getString(2));
        });
    return items;
  }

  /** The ids of every review that found against, or decided on, the manager, oldest first. */
  public List<String> reviewsConcerning(String manager) {
    return jdbc.sql(
            """
            SELECT r.review_id FROM accountability_review r
            WHERE EXISTS (SELECT 1 FROM review_finding f WHERE f.review_id = r.review_id AND f.manager = ?)
               OR EXISTS (SELECT 1 FROM review_determination d WHERE d.review_id = r.review_id AND d.manager = ?)
            ORDER BY r.opened_at, r.review_id""")
        .params(manager, manager)
        .query(String.class)
        .list();
  }

  private static AccountabilityReview review(ResultSet row, Map<String, List<String>> versions)
      throws SQLException {
    Timestamp closed = row.getTimestamp("closed_at");
    return new AccountabilityReview(
        row.getString("review_id"),
        row.getString("business_key"),
        row.getString("review_trigger"),
        row.getString("reason"),
        row.getString("opened_by"),
        row.getTimestamp("opened_at").toInstant(),
        row.getTimestamp("due_at").toInstant(),
        row.getString("auditor"),
        closed == null ? null : closed.toInstant(),
        List.copyOf(versions.getOrDefault(row.getString("review_id"), List.of())),
        evidenceAtOpening(row));
  }

  private static EvidenceIntegrity evidenceAtOpening(ResultSet row) throws SQLException {
    Boolean intact = row.getObject("evidence_intact", Boolean.class);
    if (intact == null) {
      return null;
    }
    return new EvidenceIntegrity(
        intact,
        row.getObject("evidence_broken_at", Integer.class),
        row.getString("evidence_broken_reason"),
        row.getTimestamp("evidence_verified_at").toInstant());
  }

  private static ReviewFinding finding(ResultSet row, List<Integer> evidence) throws SQLException {
    Timestamp due = row.getTimestamp("due_at");
    return new ReviewFinding(
        row.getString("review_id"),
        row.getInt("finding_no"),
        row.getString("manager"),
        row.getString("origin"),
        row.getString("duty_code"),
        row.getString("stage"),
        row.getString("clause"),
        row.getString("severity"),
        row.getString("explanation"),
        evidence,
        due == null ? null : due.toInstant(),
        row.getString("rule_version"),
        row.getString("status"),
        row.getString("status_reason"),
        row.getString("judged_by"));
  }

  private static Determination determination(ResultSet row, Map<String, List<String>> clauses)
      throws SQLException {
    List<String> named =
        clauses.getOrDefault(
            determinationKey(row.getString("manager"), row.getString("determination_round")),
            List.of());
    return new Determination(
        row.getString("review_id"),
        row.getString("manager"),
        row.getString("determination_round"),
        Tier.ofCode(row.getString("tier")).orElseThrow(),
        List.copyOf(named),
        row.getString("rationale"),
        row.getBoolean("eligible_for_exemption"),
        row.getString("decided_by"),
        row.getTimestamp("decided_at").toInstant());
  }
}
