package com.creditdiligence.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.accountability.ApprovalRecord.Authority;
import com.creditdiligence.accountability.ApprovalRecord.Decision;
import com.creditdiligence.accountability.ApprovalRecord.Vote;
import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceRecord;
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
  private static final Authority SEVEN_OF_FIVE =
      new Authority(
          "workingCapitalLoan", new BigDecimal("30000000"), 7, 5, "Decision_ApprovalAuthority:v1");

  @Test
  void aDecisionTakenWithFewerVotersAndALowerThresholdThanTheTableIsOutOfProcedure() {
    ApprovalRecord record =
        new ApprovalRecord(
            true,
            Optional.of(new Decision(3, 2, 3, 0, "approved", DECIDED)),
            Optional.of(SEVEN_OF_FIVE),
            votes("approve", "approve", "approve"));

    DutyFact fact = only(ApprovalProcedure.of(List.of(), record));

    assertThat(fact.status()).isEqualTo(Status.VIOLATED);
    assertThat(fact.explanation())
        .contains("3 voters and 2 approvals")
        .contains("requires 7 and 5");
    assertThat(fact.responsible()).isNull();
  }

  @Test
  void aResultTheVotesDoNotBearOutIsOutOfProcedure() {
    ApprovalRecord record =
        new ApprovalRecord(
            true,
            Optional.of(new Decision(7, 5, 5, 2, "approved", DECIDED)),
            Optional.of(SEVEN_OF_FIVE),
            votes("reject", "reject", "reject", "reject", "reject", "approve", "approve"));

    DutyFact fact = only(ApprovalProcedure.of(List.of(), record));

    assertThat(fact.status()).isEqualTo(Status.VIOLATED);
    assertThat(fact.explanation()).contains("approval out of procedure");
  }

  @Test
  void aDecisionAsTheTableAndTheVotesSayIsInProcedure() {
    ApprovalRecord record =
        new ApprovalRecord(
            true,
            Optional.of(new Decision(7, 5, 5, 2, "approved", DECIDED)),
            Optional.of(SEVEN_OF_FIVE),
            votes("approve", "approve", "approve", "approve", "approve", "reject", "reject"));

    assertThat(only(ApprovalProcedure.of(List.of(), record)).status()).isEqualTo(Status.SATISFIED);
  }

  @Test
  void twoAdministratorsWhoBypassedTheCommitteeEachAnswerForTheirOwnInterventions() {
    EvidenceRecord first = intervention(4, "admin", "ModifyProcessInstance");
    EvidenceRecord second = intervention(6, "admin2", "Migrate");
    EvidenceRecord retries = intervention(7, "admin3", "SetJobRetries");
    ApprovalRecord record =
        new ApprovalRecord(true, Optional.empty(), Optional.of(SEVEN_OF_FIVE), List.of());

    List<DutyFact> facts = ApprovalProcedure.of(List.of(first, second, retries), record);

    assertThat(facts).extracting(DutyFact::responsible).containsExactly("admin", "admin2");
    assertThat(facts).allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.VIOLATED));
    assertThat(facts.get(0).evidence()).containsExactly(4);
    assertThat(facts.get(1).evidence()).containsExactly(6);
    assertThat(facts.get(0).explanation())
        .startsWith(ApprovalProcedure.SITUATION)
        .contains("ModifyProcessInstance by admin")
        .doesNotContain("admin2");
  }

  private static EvidenceRecord intervention(
      int sequenceNo, String administrator, String operation) {
    return new EvidenceRecord(
        sequenceNo,
        "GA-TEST-000001",
        sequenceNo,
        "ADMIN_INTERVENTION",
        ApprovalProcedure.LIFECYCLE,
        null,
        "p1",
        null,
        null,
        null,
        null,
        administrator,
        null,
        DECIDED.plusSeconds(sequenceNo),
        null,
        "{\"operation\":\"" + operation + "\"}",
        "[]",
        null,
        null,
        null,
        "0",
        "0",
        CanonicalForm.VERSION);
  }

  private static DutyFact only(List<DutyFact> facts) {
    assertThat(facts).hasSize(1);
    return facts.get(0);
  }

  private static List<Vote> votes(String... votes) {
    return java.util.stream.IntStream.range(0, votes.length)
        .mapToObj(i -> new Vote("committee" + (i + 1), false, votes[i]))
        .toList();
  }
}
