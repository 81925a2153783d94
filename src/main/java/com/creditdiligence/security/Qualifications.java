package com.creditdiligence.security;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The manager_qualification table: one current qualification per manager, replaced on renewal. */
@Repository
public class Qualifications {

  private final JdbcClient jdbc;
  private final Memberships memberships;

  Qualifications(JdbcClient jdbc, Memberships memberships) {
    this.jdbc = jdbc;
    this.memberships = memberships;
  }

  public Optional<Qualification> of(String userId) {
    return jdbc.sql("SELECT * FROM manager_qualification WHERE user_id = ?")
        .param(userId)
        .query(
            (row, n) ->
                new Qualification(
                    row.getString("user_id"),
                    row.getString("level"),
                    row.getDate("valid_from").toLocalDate(),
                    row.getDate("valid_until").toLocalDate()))
        .optional();
  }

  /**
   * Keeps a qualification by its rules, whichever door it comes through (the API, the desk's form): only a customer
   * manager holds one, and it must be valid as {@link Qualification#problems()} says.
   *
   * @return empty when kept; otherwise the first problem, as {field, message}, and nothing is kept
   */
  public Optional<String[]> keepByTheRules(
      Qualification qualification, String recordedBy, Instant at) {
    if (!memberships.isMember(qualification.userId(), Memberships.CUSTOMER_MANAGER)) {
      return Optional.of(
          new String[] {"userId", qualification.userId() + " 不是客户经理 is not a customer manager"});
    }
    List<String[]> problems = qualification.problems();
    if (!problems.isEmpty()) {
      return Optional.of(problems.get(0));
    }
    keep(qualification, recordedBy, at);
    return Optional.empty();
  }

  public void keep(Qualification qualification, String recordedBy, Instant at) {
    int updated =
        jdbc.sql(
                """
            UPDATE manager_qualification SET level = ?, valid_from = ?, valid_until = ?, recorded_by = ?, recorded_at = ?
            WHERE user_id = ?""")
            .params(
                qualification.level(),
                Date.valueOf(qualification.validFrom()),
                Date.valueOf(qualification.validUntil()),
                recordedBy,
                Timestamp.from(at),
                qualification.userId())
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              INSERT INTO manager_qualification (user_id, level, valid_from, valid_until, recorded_by, recorded_at)
              VALUES (?, ?, ?, ?, ?, ?)""")
          .params(
              qualification.userId(),
              qualification.level(),
              Date.valueOf(qualification.validFrom()),
              Date.valueOf(qualification.validUntil()),
              recordedBy,
              Timestamp.from(at))
          .update();
    }
  }

  /** Live cases whose manager's qualification is missing, or ends before the given day. */
  public List<java.util.Map<String, Object>> liveCasesNeedingAttention(LocalDate before) {
    return jdbc.sql(
            """
            SELECT c.business_key, c.applicant_name, c.case_manager, c.status, q.level, q.valid_until
            FROM case_file c LEFT JOIN manager_qualification q ON q.user_id = c.case_manager
            WHERE c.status IN ('REGISTERED', 'COMMITTEE_APPROVED', 'IN_MONITORING', 'PROBLEM_HANDLING')
              AND (q.user_id IS NULL OR q.valid_until < ?)
            ORDER BY q.valid_until, c.business_key""")
        .param(Date.valueOf(before))
        .query()
        .listOfRows();
  }
}
