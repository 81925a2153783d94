package com.creditdiligence.committee;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The committee_decision table: the computed result and the generated minutes of each case. */
@Repository
public class CommitteeDecisions {

  private final JdbcClient jdbc;

  CommitteeDecisions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(String processInstanceId, String businessKey, CommitteeTally tally, CommitteeTally.Outcome outcome,
           String minutes, Instant decidedAt) {
    jdbc.sql("""
            INSERT INTO committee_decision (process_instance_id, business_key, voters_required, approvals_required,
                                            approvals, rejections, result, conditions, minutes, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(processInstanceId, businessKey, tally.votersRequired(), tally.approvalsRequired(), outcome.approvals(),
            outcome.rejections(), outcome.result(), outcome.conditions(), minutes, Timestamp.from(decidedAt))
        .update();
  }

  public Optional<String> minutesOf(String businessKey) {
    return jdbc.sql("SELECT minutes FROM committee_decision WHERE business_key = ?").param(businessKey)
        .query(String.class).optional();
  }
}
