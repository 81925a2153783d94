package com.creditdiligence.casefile;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The case_file table. Runs inside the engine's transaction when called from a delegate. */
@Repository
public class CaseFiles {

  private final JdbcClient jdbc;

  public CaseFiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void open(CaseFile file) {
    jdbc.sql(
            """
            INSERT INTO case_file (business_key, process_instance_id, applicant_name, product, amount,
                                   term_months, case_manager, applied_by, status, status_reason, opened_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            file.businessKey(),
            file.processInstanceId(),
            file.applicantName(),
            file.product(),
            file.amount(),
            file.termMonths(),
            file.caseManager(),
            file.caseManager(),
            file.status().name(),
            file.statusReason(),
            Timestamp.from(file.openedAt()),
            Timestamp.from(file.updatedAt()))
        .update();
  }

  public void changeStatus(String businessKey, CaseStatus status, String reason, Instant at) {
    int updated =
        jdbc.sql(
                "UPDATE case_file SET status = ?, status_reason = ?, updated_at = ? WHERE business_key = ?")
            .params(status.name(), reason, Timestamp.from(at), businessKey)
            .update();
    if (updated != 1) {
      throw new IllegalStateException("No case file " + businessKey);
    }
  }

  /** Hands the case to another manager, and keeps the handover: who held the case when is part of the record. */
  public void reassign(String businessKey, String predecessor, String successor, Instant at) {
    jdbc.sql("UPDATE case_file SET case_manager = ?, updated_at = ? WHERE business_key = ?")
        .params(successor, Timestamp.from(at), businessKey)
        .update();
    jdbc.sql(
            "INSERT INTO case_handover (business_key, predecessor, successor, handed_over_at) VALUES (?, ?, ?, ?)")
        .params(businessKey, predecessor, successor, Timestamp.from(at))
        .update();
  }

  /**
   * Who held the case at a moment: the successor of the last handover until then, or, before any, the manager
   * who applied. Empty for an unknown case.
   */
  public Optional<String> managerAt(String businessKey, Instant at) {
    Optional<String> handedTo =
        jdbc.sql(
                """
            SELECT successor FROM case_handover WHERE business_key = ? AND handed_over_at <= ?
            ORDER BY handed_over_at DESC, id DESC FETCH FIRST 1 ROWS ONLY""")
            .params(businessKey, Timestamp.from(at))
            .query(String.class)
            .optional();
    return handedTo.isPresent() ? handedTo : appliedBy(businessKey);
  }

  /** One handover of the case, as case_handover keeps it. */
  public record Handover(String predecessor, String successor, Instant at) {}

  /** The case's handovers, oldest first: its holders over time. */
  public List<Handover> handovers(String businessKey) {
    return jdbc.sql(
            """
            SELECT predecessor, successor, handed_over_at FROM case_handover WHERE business_key = ?
            ORDER BY handed_over_at, id""")
        .param(businessKey)
        .query(
            (row, n) ->
                new Handover(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()))
        .list();
  }

  /** The manager's recommendation, kept when their evaluation is accepted (service code; no user writes it). */
  public void recordRecommendation(String businessKey, String recommendation) {
    int updated =
        jdbc.sql("UPDATE case_file SET recommendation = ? WHERE business_key = ?")
            .params(recommendation, businessKey)
            .update();
    if (updated != 1) {
      throw new IllegalStateException("No case file " + businessKey);
    }
  }

  /** The recommendation of the accepted evaluation, if there was one. */
  public Optional<String> recommendationOf(String businessKey) {
    return jdbc.sql("SELECT recommendation FROM case_file WHERE business_key = ?")
        .param(businessKey)
        .query(String.class)
        .optional();
  }

  /** Who applied for the case: the authenticated starter of the intake, whoever holds the case now. */
  public Optional<String> appliedBy(String businessKey) {
    return jdbc.sql("SELECT applied_by FROM case_file WHERE business_key = ?")
        .param(businessKey)
        .query(String.class)
        .optional();
  }

  /** The case's own managers as the record knows them: who holds it now and who applied for it. */
  public Set<String> ownManagers(String businessKey) {
    Set<String> managers = new LinkedHashSet<>();
    jdbc.sql("SELECT case_manager, applied_by FROM case_file WHERE business_key = ?")
        .param(businessKey)
        .query(
            (row, n) ->
                List.of(
                    row.getString(1),
                    Optional.ofNullable(row.getString(2)).orElse(row.getString(1))))
        .optional()
        .ifPresent(managers::addAll);
    return managers;
  }

  public Optional<CaseFile> find(String businessKey) {
    return jdbc.sql("SELECT * FROM case_file WHERE business_key = ?")
        .param(businessKey)
        .query(CaseFiles::map)
        .optional();
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single();
  }

  public List<CaseFile> all() {
    return jdbc.sql("SELECT * FROM case_file ORDER BY business_key").query(CaseFiles::map).list();
  }

  private static CaseFile map(ResultSet row, int rowNumber) throws SQLException {
    return new CaseFile(
        row.getString("business_key"),
        row.getString("process_instance_id"),
        row.getString("applicant_name"),
        row.getString("product"),
        row.getObject("amount", BigDecimal.class),
        row.getInt("term_months"),
        row.getString("case_manager"),
        CaseStatus.valueOf(row.getString("status")),
        row.getString("status_reason"),
        row.getTimestamp("opened_at").toInstant(),
        row.getTimestamp("updated_at").toInstant());
  }
}
