package com.creditdiligence.accountability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The review tables. Called from the review's delegates and listeners: it writes in the engine's transaction. */
@Repository
public class ReviewStore {

  private final JdbcClient jdbc;

  ReviewStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void open(AccountabilityReview review) {
    EvidenceIntegrity evidence = review.evidenceAtOpening();
    jdbc.sql("""
            INSERT INTO accountability_review (review_id, business_key, review_trigger, reason, opened_by, opened_at,
                                               due_at, rule_versions, evidence_intact, evidence_broken_at,
                                               evidence_broken_reason, evidence_verified_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(review.reviewId(), review.businessKey(), review.trigger(), review.reason(), review.openedBy(),
            Timestamp.from(review.openedAt()), Timestamp.from(review.dueAt()), String.join("\n", review.ruleVersions()),
            evidence.intact(), evidence.firstBrokenRecord(), evidence.reason(), Timestamp.from(evidence.verifiedAt()))
        .update();
  }

  void addFinding(ReviewFinding finding) {
    jdbc.sql("""
            INSERT INTO review_finding (review_id, finding_no, manager, origin, duty_code, stage, clause, severity,
                                        explanation, evidence, due_at, rule_version, status, status_reason, judged_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(finding.reviewId(), finding.findingNo(), finding.manager(), finding.origin(), finding.dutyCode(),
            finding.stage(), finding.clause(), finding.severity(), finding.explanation(), joinNumbers(finding.evidence()),
            finding.dueAt() == null ? null : Timestamp.from(finding.dueAt()), finding.ruleVersion(), finding.status(),
            finding.statusReason(), finding.judgedBy())
        .update();
  }

  void judgeFinding(String reviewId, int findingNo, String status, String reason, String judgedBy) {
    int updated = jdbc.sql("""
            UPDATE review_finding SET status = ?, status_reason = ?, judged_by = ?
            WHERE review_id = ? AND finding_no = ? AND status = 'DRAFT'""")
        .params(status, reason, judgedBy, reviewId, findingNo).update();
    if (updated != 1) {
      throw new IllegalStateException("Finding F" + findingNo + " of review " + reviewId + " is not a draft");
    }
  }

  void recordAuditor(String reviewId, String auditor) {
    jdbc.sql("UPDATE accountability_review SET auditor = ? WHERE review_id = ?").params(auditor, reviewId).update();
  }

  void close(String reviewId, Instant at) {
    jdbc.sql("UPDATE accountability_review SET closed_at = ? WHERE review_id = ?").params(Timestamp.from(at), reviewId)
        .update();
  }

  void determine(Determination determination) {
    jdbc.sql("""
            INSERT INTO review_determination (review_id, manager, determination_round, tier, clauses, rationale,
                                              eligible_for_exemption, decided_by, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(determination.reviewId(), determination.manager(), determination.round(), determination.tier().code(),
            String.join(",", determination.clauses()), determination.rationale(), determination.eligibleForExemption(),
            determination.decidedBy(), Timestamp.from(determination.decidedAt()))
        .update();
  }

  public Optional<AccountabilityReview> review(String reviewId) {
    return jdbc.sql("SELECT * FROM accountability_review WHERE review_id = ?").param(reviewId)
        .query(ReviewStore::review).optional();
  }

  public List<AccountabilityReview> reviewsOfCase(String businessKey) {
    return jdbc.sql("SELECT * FROM accountability_review WHERE business_key = ? ORDER BY opened_at, review_id")
        .param(businessKey).query(ReviewStore::review).list();
  }

  /** How many reviews each case has had (cases without any are absent): one query for a list of cases. */
  public Map<String, Integer> reviewCountsByCase() {
    Map<String, Integer> counts = new HashMap<>();
    jdbc.sql("SELECT business_key, COUNT(*) FROM accountability_review GROUP BY business_key")
        .query(row -> {
          counts.put(row.getString(1), row.getInt(2));
        });
    return counts;
  }

  public List<ReviewFinding> findings(String reviewId) {
    return jdbc.sql("SELECT * FROM review_finding WHERE review_id = ? ORDER BY finding_no").param(reviewId)
        .query(ReviewStore::finding).list();
  }

  public List<Determination> determinations(String reviewId) {
    return jdbc.sql("SELECT * FROM review_determination WHERE review_id = ? ORDER BY manager, decided_at")
        .param(reviewId).query(ReviewStore::determination).list();
  }

  Optional<Determination> determination(String reviewId, String manager, String round) {
    return jdbc.sql("SELECT * FROM review_determination WHERE review_id = ? AND manager = ? AND determination_round = ?")
        .params(reviewId, manager, round).query(ReviewStore::determination).optional();
  }

  /** The ids of every review that found against, or decided on, the manager, oldest first. */
  public List<String> reviewsConcerning(String manager) {
    return jdbc.sql("""
            SELECT r.review_id FROM accountability_review r
            WHERE EXISTS (SELECT 1 FROM review_finding f WHERE f.review_id = r.review_id AND f.manager = ?)
               OR EXISTS (SELECT 1 FROM review_determination d WHERE d.review_id = r.review_id AND d.manager = ?)
            ORDER BY r.opened_at, r.review_id""")
        .params(manager, manager).query(String.class).list();
  }

  private static AccountabilityReview review(ResultSet row, int rowNumber) throws SQLException {
    Timestamp closed = row.getTimestamp("closed_at");
    return new AccountabilityReview(row.getString("review_id"), row.getString("business_key"),
        row.getString("review_trigger"), row.getString("reason"), row.getString("opened_by"),
        row.getTimestamp("opened_at").toInstant(), row.getTimestamp("due_at").toInstant(), row.getString("auditor"),
        closed == null ? null : closed.toInstant(), List.of(row.getString("rule_versions").split("\n")),
        evidenceAtOpening(row));
  }

  private static EvidenceIntegrity evidenceAtOpening(ResultSet row) throws SQLException {
    Boolean intact = row.getObject("evidence_intact", Boolean.class);
    if (intact == null) {
      return null;
    }
    return new EvidenceIntegrity(intact, row.getObject("evidence_broken_at", Integer.class),
        row.getString("evidence_broken_reason"), row.getTimestamp("evidence_verified_at").toInstant());
  }

  private static ReviewFinding finding(ResultSet row, int rowNumber) throws SQLException {
    Timestamp due = row.getTimestamp("due_at");
    return new ReviewFinding(row.getString("review_id"), row.getInt("finding_no"), row.getString("manager"),
        row.getString("origin"), row.getString("duty_code"), row.getString("stage"), row.getString("clause"),
        row.getString("severity"), row.getString("explanation"), splitNumbers(row.getString("evidence")),
        due == null ? null : due.toInstant(), row.getString("rule_version"), row.getString("status"),
        row.getString("status_reason"), row.getString("judged_by"));
  }

  private static Determination determination(ResultSet row, int rowNumber) throws SQLException {
    String clauses = row.getString("clauses");
    return new Determination(row.getString("review_id"), row.getString("manager"), row.getString("determination_round"),
        Tier.ofCode(row.getString("tier")).orElseThrow(), clauses.isEmpty() ? List.of() : List.of(clauses.split(",")),
        row.getString("rationale"), row.getBoolean("eligible_for_exemption"), row.getString("decided_by"),
        row.getTimestamp("decided_at").toInstant());
  }

  private static String joinNumbers(List<Integer> numbers) {
    return String.join(",", numbers.stream().map(String::valueOf).toList());
  }

  private static List<Integer> splitNumbers(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
  }
}
