package com.creditdiligence.committee;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The committee's procedure as service code recorded it (committee_authority, committee_round,
 * committee_seat): the authority the table gave, each round's drawn members and the vote task each seat
 * was given. The tally, the vote rule and the gateways read these, never process variables.
 */
@Repository
class CommitteeSeats {

  /** One drawn member's seat in a round; {@code taskId} is null until the vote task is created. */
  record Seat(
      String processInstanceId,
      String businessKey,
      int round,
      int seat,
      String memberId,
      String taskId) {}

  private final JdbcClient jdbc;

  CommitteeSeats(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void recordAuthority(
      String processInstanceId,
      String businessKey,
      String product,
      BigDecimal amount,
      CommitteeTally authority,
      Instant at) {
    jdbc.sql("DELETE FROM committee_authority WHERE process_instance_id = ?")
        .param(processInstanceId)
        .update();
    jdbc.sql(
            """
            INSERT INTO committee_authority (process_instance_id, business_key, product, amount, voters_required,
                                             approvals_required, determined_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            processInstanceId,
            businessKey,
            product,
            amount,
            authority.votersRequired(),
            authority.approvalsRequired(),
            Timestamp.from(at))
        .update();
  }

  Optional<CommitteeTally> authorityOf(String processInstanceId) {
    return jdbc.sql(
            "SELECT voters_required, approvals_required FROM committee_authority WHERE process_instance_id = ?")
        .param(processInstanceId)
        .query(
            (row, n) ->
                new CommitteeTally(row.getInt("voters_required"), row.getInt("approvals_required")))
        .optional();
  }

  /** The latest round convened, 0 when none was. */
  int lastRound(String processInstanceId) {
    return jdbc.sql(
            "SELECT COALESCE(MAX(committee_round), 0) FROM committee_round WHERE process_instance_id = ?")
        .param(processInstanceId)
        .query(Integer.class)
        .single();
  }

  /** The authority the given round votes under. */
  Optional<CommitteeTally> tallyOfRound(String processInstanceId, int round) {
    return jdbc.sql(
            """
            SELECT voters_required, approvals_required FROM committee_round
            WHERE process_instance_id = ? AND committee_round = ?""")
        .params(processInstanceId, round)
        .query(
            (row, n) ->
                new CommitteeTally(row.getInt("voters_required"), row.getInt("approvals_required")))
        .optional();
  }

  void convene(
      String processInstanceId,
      String businessKey,
      int round,
      CommitteeTally authority,
      List<String> members,
      Instant at) {
    jdbc.sql(
            """
            INSERT INTO committee_round (process_instance_id, business_key, committee_round, voters_required,
                                         approvals_required, seats_drawn, convened_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            processInstanceId,
            businessKey,
            round,
            authority.votersRequired(),
            authority.approvalsRequired(),
            members.size(),
            Timestamp.from(at))
        .update();
    for (int seat = 0; seat < members.size(); seat++) {
      jdbc.sql(
              """
              INSERT INTO committee_seat (process_instance_id, business_key, committee_round, seat, member_id)
              VALUES (?, ?, ?, ?, ?)""")
          .params(processInstanceId, businessKey, round, seat, members.get(seat))
          .update();
    }
  }

  /** The seats of a round, in seat order. */
  List<Seat> ofRound(String processInstanceId, int round) {
    return jdbc.sql(
            "SELECT * FROM committee_seat WHERE process_instance_id = ? AND committee_round = ? ORDER BY seat")
        .params(processInstanceId, round)
        .query(CommitteeSeats::map)
        .list();
  }

  /** The seats of the latest round convened, in seat order (one statement: the round is found in it). */
  List<Seat> ofLastRound(String processInstanceId) {
    return jdbc.sql(
            """
            SELECT * FROM committee_seat WHERE process_instance_id = ? AND committee_round =
                (SELECT COALESCE(MAX(committee_round), 0) FROM committee_round WHERE process_instance_id = ?)
            ORDER BY seat""")
        .params(processInstanceId, processInstanceId)
        .query(CommitteeSeats::map)
        .list();
  }

  /** The authority the latest round convened votes under (one statement). */
  Optional<CommitteeTally> tallyOfLastRound(String processInstanceId) {
    return jdbc.sql(
            """
            SELECT voters_required, approvals_required FROM committee_round
            WHERE process_instance_id = ? AND committee_round =
                (SELECT COALESCE(MAX(committee_round), 0) FROM committee_round WHERE process_instance_id = ?)""")
        .params(processInstanceId, processInstanceId)
        .query(
            (row, n) ->
                new CommitteeTally(row.getInt("voters_required"), row.getInt("approvals_required")))
        .optional();
  }

  /** Every member drawn for the case, in any round. */
  List<String> drawnMembers(String processInstanceId) {
    return jdbc.sql(
            "SELECT member_id FROM committee_seat WHERE process_instance_id = ? ORDER BY committee_round, seat")
        .param(processInstanceId)
        .query(String.class)
        .list();
  }

  /** Gives the seat its vote task; a seat gets one task, once. */
  void bindTask(String processInstanceId, int round, int seat, String taskId) {
    int updated =
        jdbc.sql(
                """
            UPDATE committee_seat SET task_id = ?
            WHERE process_instance_id = ? AND committee_round = ? AND seat = ? AND task_id IS NULL""")
            .params(taskId, processInstanceId, round, seat)
            .update();
    if (updated != 1) {
      throw new IllegalStateException(
          "Seat "
              + seat
              + " of round "
              + round
              + " of "
              + processInstanceId
              + " is not an open seat; vote task "
              + taskId
              + " has no member");
    }
  }

  Optional<Seat> ofTask(String taskId) {
    if (taskId == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM committee_seat WHERE task_id = ?")
        .param(taskId)
        .query(CommitteeSeats::map)
        .optional();
  }

  private static Seat map(java.sql.ResultSet row, int n) throws java.sql.SQLException {
    return new Seat(
        row.getString("process_instance_id"),
        row.getString("business_key"),
        row.getInt("committee_round"),
        row.getInt("seat"),
        row.getString("member_id"),
        row.getString("task_id"));
  }
}
