package com.creditdiligence.committee;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The committee_vote table; the unique (case, member) key makes a second vote by one member impossible. */
@Repository
class CommitteeVotes {

  private final JdbcClient jdbc;

  CommitteeVotes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(CommitteeVote v) {
    jdbc.sql(
            """
            INSERT INTO committee_vote (process_instance_id, business_key, committee_round, task_id, member_id,
                                        submitted_by, conflict_declared, conflict_description, vote, conditions,
                                        rationale, cast_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            v.processInstanceId(),
            v.businessKey(),
            v.round(),
            v.taskId(),
            v.memberId(),
            v.submittedBy(),
            v.conflictDeclared(),
            v.conflictDescription(),
            v.vote(),
            v.conditions(),
            v.rationale(),
            Timestamp.from(v.castAt()))
        .update();
  }

  List<CommitteeVote> ofCase(String processInstanceId) {
    return jdbc.sql(
            "SELECT * FROM committee_vote WHERE process_instance_id = ? ORDER BY cast_at, id")
        .param(processInstanceId)
        .query(CommitteeVotes::map)
        .list();
  }

  private static CommitteeVote map(ResultSet row, int rowNumber) throws SQLException {
    return new CommitteeVote(
        row.getString("process_instance_id"),
        row.getString("business_key"),
        row.getInt("committee_round"),
        row.getString("task_id"),
        row.getString("member_id"),
        row.getString("submitted_by"),
        row.getBoolean("conflict_declared"),
        row.getString("conflict_description"),
        row.getString("vote"),
        row.getString("conditions"),
        row.getString("rationale"),
        row.getTimestamp("cast_at").toInstant());
  }
}
