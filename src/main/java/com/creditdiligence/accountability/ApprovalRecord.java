package com.creditdiligence.accountability;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the application's own record says of a case's approval (担保决策), as the approval-procedure duty reads it:
 * the committee's computed decision, the authority the approval table gives for the case file's real product and
 * amount, and the votes cast. Plain data; {@link #NOT_CONSULTED} when only the ledger is read.
 *
 * @param consulted whether the record was read at all (false: the duty is judged from the ledger's interventions only)
 * @param decision  the decision of committee_decision, if the committee decided
 * @param required  the authority the deployed table gives for the case file's product and amount
 * @param votes     the votes and declared conflicts of committee_vote
 */
public record ApprovalRecord(
    boolean consulted,
    Optional<Decision> decision,
    Optional<Authority> required,
    List<Vote> votes) {

  public static final ApprovalRecord NOT_CONSULTED =
      new ApprovalRecord(false, Optional.empty(), Optional.empty(), List.of());

  public record Decision(
      int votersRequired,
      int approvalsRequired,
      int approvals,
      int rejections,
      String result,
      Instant decidedAt) {}

  /** The table's answer for the case file's product and amount, and the table's version. */
  public record Authority(
      String product,
      BigDecimal amount,
      int votersRequired,
      int approvalsRequired,
      String tableVersion) {}

  public record Vote(String member, boolean conflictDeclared, String vote) {

    boolean counts() {
      return !conflictDeclared;
    }

    boolean approves() {
      return counts() && ("approve".equals(vote) || "approveWithConditions".equals(vote));
    }
  }
}
