package com.creditdiligence.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.accountability.ApprovalRecord.Authority;
import com.creditdiligence.accountability.ApprovalRecord.Decision;
import com.creditdiligence.accountability.ApprovalRecord.Vote;
import com.creditdiligence.accountability.DutyFact.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * «超越权限、违反程序审批» judged from the committee's own record, with no intervention on the ledger: a decision taken
 * under a weaker authority than the table gives for the case's real amount, or one its votes contradict, is out of
 * procedure and names nobody (the record was changed behind the application's back); a decision as the table and the
 * votes say is in procedure.
 */
class ApprovalProcedureTest {

  private static final Instant DECIDED = Instant.parse("2026-11-20T02:00:00Z");
  /** What the table gives for 30,000,000 of working-capital guarantee: 7 voters, 5 approvals. */
  private static final Authority SEVEN_OF_FIVE = new Authority("workingCapitalLoan", new BigDecimal("30000000"), 7, 5,
      "Decision_ApprovalAuthority:v1");

  @Test
  void aDecisionTakenWithFewerVotersAndALowerThresholdThanTheTableIsOutOfProcedure() {
    ApprovalRecord record = new ApprovalRecord(true, Optional.of(new Decision(3, 2, 3, 0, "approved", DECIDED)),
        Optional.of(SEVEN_OF_FIVE), votes("approve", "approve", "approve"));

    DutyFact fact = ApprovalProcedure.of(List.of(), record);

    assertThat(fact.status()).isEqualTo(Status.VIOLATED);
    assertThat(fact.explanation()).contains("3 voters and 2 approvals").contains("requires 7 and 5");
    assertThat(fact.responsible()).isNull();
  }

  @Test
  void aResultTheVotesDoNotBearOutIsOutOfProcedure() {
    ApprovalRecord record = new ApprovalRecord(true,
        Optional.of(new Decision(7, 5, 5, 2, "approved", DECIDED)), Optional.of(SEVEN_OF_FIVE),
        votes("reject", "reject", "reject", "reject", "reject", "approve", "approve"));

    DutyFact fact = ApprovalProcedure.of(List.of(), record);

    assertThat(fact.status()).isEqualTo(Status.VIOLATED);
    assertThat(fact.explanation()).contains("approval out of procedure");
  }

  @Test
  void aDecisionAsTheTableAndTheVotesSayIsInProcedure() {
    ApprovalRecord record = new ApprovalRecord(true,
        Optional.of(new Decision(7, 5, 5, 2, "approved", DECIDED)), Optional.of(SEVEN_OF_FIVE),
        votes("approve", "approve", "approve", "approve", "approve", "reject", "reject"));

    assertThat(ApprovalProcedure.of(List.of(), record).status()).isEqualTo(Status.SATISFIED);
  }

  private static List<Vote> votes(String... votes) {
    return java.util.stream.IntStream.range(0, votes.length)
        .mapToObj(i -> new Vote("committee" + (i + 1), false, votes[i])).toList();
  }
}
