package com.creditdiligence.committee;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The committee_decision table: the computed result and the generated minutes of each case. */
@Repository
public class CommitteeDecisions {

  private final JdbcClient jdbc;
  private final CommitteeVotes votes;

  CommitteeDecisions(JdbcClient jdbc, CommitteeVotes votes) {
    this.jdbc = jdbc;
    this.votes = votes;
  }

  void add(
      String processInstanceId,
      String businessKey,
      CommitteeTally tally,
      CommitteeTally.Outcome outcome,
      String recommendation,
      String minutes,
      Instant decidedAt) {
    jdbc.sql(
            """
            INSERT INTO committee_decision (process_instance_id, business_key, voters_required, approvals_required,
                                            approvals, rejections, result, conditions, recommendation, minutes,
                                            decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            processInstanceId,
            businessKey,
            tally.votersRequired(),
            tally.approvalsRequired(),
            outcome.approvals(),
            outcome.rejections(),
            outcome.result(),
            outcome.conditions(),
            recommendation,
            minutes,
            Timestamp.from(decidedAt))
        .update();
  }

  /** The decision's result and the recommendation it was compared with, as recorded by the tally. */
  record Recorded(String result, String recommendation) {}

  Optional<Recorded> ofProcess(String processInstanceId) {
    return jdbc.sql(
            "SELECT result, recommendation FROM committee_decision WHERE process_instance_id = ?")
        .param(processInstanceId)
        .query((row, n) -> new Recorded(row.getString("result"), row.getString("recommendation")))
        .optional();
  }

  /** The committee's result for the case ({@code approved}, {@code approvedWithConditions}, {@code rejected}). */
  public Optional<String> resultOf(String businessKey) {
    return jdbc.sql("SELECT result FROM committee_decision WHERE business_key = ?")
        .param(businessKey)
        .query(String.class)
        .optional();
  }

  /** The minutes of every committee decision on the case, oldest first. */
  public List<String> allMinutesOf(String businessKey) {
    return jdbc.sql(
            "SELECT minutes FROM committee_decision WHERE business_key = ? ORDER BY decided_at")
        .param(businessKey)
        .query(String.class)
        .list();
  }

  /** Every committee decision on the case with the votes it counted, oldest first. */
  public List<CommitteeMeeting> meetingsOf(String businessKey) {
    return jdbc.sql(
            """
            SELECT process_instance_id, voters_required, approvals_required, approvals, rejections, result,
                   recommendation, decided_at, minutes
            FROM committee_decision WHERE business_key = ? ORDER BY decided_at""")
        .param(businessKey)
        .query(
            (row, n) ->
                new CommitteeMeeting(
                    row.getString("process_instance_id"),
                    row.getInt("voters_required"),
                    row.getInt("approvals_required"),
                    row.getInt("approvals"),
                    row.getInt("rejections"),
                    row.getString("result"),
                    row.getString("recommendation"),
                    votes.ofCase(row.getString("process_instance_id")),
                    row.getTimestamp("decided_at").toInstant(),
                    row.getString("minutes")))
        .list();
  }

  public Optional<String> minutesOf(String businessKey) {
    return jdbc.sql("SELECT minutes FROM committee_decision WHERE business_key = ?")
        .param(businessKey)
        .query(String.class)
        .optional();
  }
}
