package com.creditdiligence.committee;

import static com.creditdiligence.committee.CommitteeVote.APPROVE;
import static com.creditdiligence.committee.CommitteeVote.REJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Counting a case's votes against its approval authority. */
class CommitteeTallyTest {

  /** Five members vote, four approvals carry: the authority for most mid-sized cases. */
  private static final CommitteeTally FIVE_VOTERS_FOUR_APPROVALS = new CommitteeTally(5, 4);

  private static final Instant CAST_AT = Instant.parse("2026-11-24T09:00:00Z");

  @Test
  void aMemberWhoWithdrewMustBeReplacedBeforeAnythingIsDecided() {
    CommitteeTally.Outcome outcome =
        FIVE_VOTERS_FOUR_APPROVALS.count(
            List.of(
                vote("c1", APPROVE),
                vote("c2", APPROVE),
                vote("c3", APPROVE),
                vote("c4", APPROVE),
                withdrew("c5")));

    assertThat(outcome.replacementsNeeded()).isEqualTo(1);
    assertThat(outcome.complete()).isFalse();
    assertThat(outcome.result()).isNull();
    assertThat(outcome.conditions()).isNull();
  }

  @Test
  void everyWithdrawalCallsForItsOwnReplacement() {
    CommitteeTally.Outcome outcome =
        FIVE_VOTERS_FOUR_APPROVALS.count(
            List.of(
                vote("c1", APPROVE),
                withdrew("c2"),
                vote("c3", REJECT),
                withdrew("c4"),
                vote("c5", APPROVE)));

    assertThat(outcome.replacementsNeeded()).isEqualTo(2);
    assertThat(outcome.result()).isNull();
  }

  @Test
  void onceTheReplacementHasVotedTheWithdrawnMemberDoesNotCount() {
    CommitteeTally.Outcome outcome =
        FIVE_VOTERS_FOUR_APPROVALS.count(
            List.of(
                vote("c1", APPROVE),
                vote("c2", APPROVE),
                vote("c3", APPROVE),
                vote("c4", REJECT),
                withdrew("c5"),
                vote("c6", APPROVE)));

    assertThat(outcome.replacementsNeeded()).isZero();
    assertThat(outcome.complete()).isTrue();
    assertThat(outcome.approvals()).isEqualTo(4);
    assertThat(outcome.rejections()).isEqualTo(1);
    assertThat(outcome.result()).isEqualTo(CommitteeTally.APPROVED);
  }

  @Test
  void approvalsBelowTheThresholdAreARejection() {
    CommitteeTally.Outcome outcome =
        FIVE_VOTERS_FOUR_APPROVALS.count(
            List.of(
                vote("c1", APPROVE),
                vote("c2", APPROVE),
                vote("c3", APPROVE),
                vote("c4", REJECT),
                vote("c5", REJECT)));

    assertThat(outcome.approvals()).isEqualTo(3);
    assertThat(outcome.rejections()).isEqualTo(2);
    assertThat(outcome.result()).isEqualTo(CommitteeTally.REJECTED);
    assertThat(outcome.conditions()).isNull();
  }

  @Test
  void exactlyTheRequiredApprovalsCarryTheCase() {
    CommitteeTally.Outcome outcome =
        FIVE_VOTERS_FOUR_APPROVALS.count(
            List.of(
                vote("c1", APPROVE),
                vote("c2", APPROVE),
                vote("c3", APPROVE),
                vote("c4", APPROVE),
                vote("c5", REJECT)));

    assertThat(outcome.result()).isEqualTo(CommitteeTally.APPROVED);
    assertThat(outcome.conditions()).isNull();
  }

  @Test
  void aConditionalApprovalCountsAsApprovalAndMakesTheDecisionConditional() {
    CommitteeTally.Outcome outcome =
        FIVE_VOTERS_FOUR_APPROVALS.count(
            List.of(
                vote("c1", APPROVE),
                vote("c2", APPROVE),
                vote("c3", APPROVE),
                conditionalApproval("c4", "放款前办妥应收账款质押 Pledge of receivables before drawdown"),
                vote("c5", REJECT)));

    assertThat(outcome.approvals()).isEqualTo(4);
    assertThat(outcome.result()).isEqualTo(CommitteeTally.APPROVED_WITH_CONDITIONS);
    assertThat(outcome.conditions())
        .isEqualTo("c4: 放款前办妥应收账款质押 Pledge of receivables before drawdown");
  }

  @Test
  void theConditionsListEveryConditionalMemberInVotingOrder() {
    CommitteeTally.Outcome outcome =
        new CommitteeTally(3, 2)
            .count(
                List.of(
                    conditionalApproval("c2", "Spouse joins as guarantor"),
                    vote("c1", APPROVE),
                    conditionalApproval("c3", "Quarterly accounts to the company")));

    assertThat(outcome.result()).isEqualTo(CommitteeTally.APPROVED_WITH_CONDITIONS);
    assertThat(outcome.conditions().lines())
        .containsExactly("c2: Spouse joins as guarantor", "c3: Quarterly accounts to the company");
  }

  @Test
  void conditionsOfARejectedCaseAreNotKept() {
    CommitteeTally.Outcome outcome =
        FIVE_VOTERS_FOUR_APPROVALS.count(
            List.of(
                vote("c1", APPROVE),
                vote("c2", APPROVE),
                conditionalApproval("c3", "Pledge of receivables before drawdown"),
                vote("c4", REJECT),
                vote("c5", REJECT)));

    assertThat(outcome.result()).isEqualTo(CommitteeTally.REJECTED);
    assertThat(outcome.conditions()).isNull();
  }

  @ParameterizedTest(name = "recommended {0}, decided {1}: differs = {2}")
  @CsvSource({
    "approve,               approved,               false",
    "approve,               approvedWithConditions, true",
    "approve,               rejected,               true",
    "approveWithConditions, approvedWithConditions, false",
    "approveWithConditions, approved,               true",
    "approveWithConditions, rejected,               true",
    "reject,                rejected,               false",
    "reject,                approved,               true",
    "reject,                approvedWithConditions, true"
  })
  void aDecisionDiffersFromTheRecommendationUnlessTheyMirrorEachOther(
      String recommendation, String result, boolean differs) {
    assertThat(CommitteeTally.differs(recommendation, result)).isEqualTo(differs);
  }

  @Test
  void anUnknownRecommendationIsAnError() {
    assertThatThrownBy(() -> CommitteeTally.differs("abstain", CommitteeTally.APPROVED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("abstain");
  }

  private static CommitteeVote vote(String member, String vote) {
    return new CommitteeVote(
        "pi-1",
        "GA-2026-000001",
        1,
        "task-" + member,
        member,
        member,
        false,
        null,
        vote,
        null,
        "现金流覆盖充分 Cash flow covers the debt",
        CAST_AT);
  }

  private static CommitteeVote conditionalApproval(String member, String conditions) {
    return new CommitteeVote(
        "pi-1",
        "GA-2026-000001",
        1,
        "task-" + member,
        member,
        member,
        false,
        null,
        CommitteeVote.APPROVE_WITH_CONDITIONS,
        conditions,
        "现金流覆盖充分 Cash flow covers the debt",
        CAST_AT);
  }

  private static CommitteeVote withdrew(String member) {
    return new CommitteeVote(
        "pi-1",
        "GA-2026-000001",
        1,
        "task-" + member,
        member,
        member,
        true,
        "本人配偶在申请企业任职 My spouse works for the applicant",
        null,
        null,
        null,
        CAST_AT);
  }
}
