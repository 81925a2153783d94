package com.creditdiligence.managers;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.accountability.Determination;
import com.creditdiligence.accountability.ReviewFinding;
import com.creditdiligence.accountability.Tier;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A finding reads as the decision that stands made it: never «成立» beside a final «应免责». */
class FindingOutcomeTest {

  private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

  @Test
  void aConfirmedFindingStandsUntilADecisionSaysOtherwise() {
    assertThat(FindingOutcome.of(finding(ReviewFinding.CONFIRMED), List.of()))
        .isEqualTo("CONFIRMED");
    assertThat(
            FindingOutcome.of(
                finding(ReviewFinding.CONFIRMED),
                List.of(decision(Determination.FIRST, Tier.REDUCIBLE))))
        .isEqualTo("CONFIRMED");
  }

  @Test
  void anExemptingAppealClearsItAndALighterAppealReducesIt() {
    assertThat(
            FindingOutcome.of(
                finding(ReviewFinding.CONFIRMED),
                List.of(
                    decision(Determination.FIRST, Tier.REDUCIBLE),
                    decision(Determination.APPEAL, Tier.EXEMPT))))
        .isEqualTo(FindingOutcome.CLEARED_ON_APPEAL);
    assertThat(
            FindingOutcome.of(
                finding(ReviewFinding.CONFIRMED),
                List.of(
                    decision(Determination.FIRST, Tier.NOT_EXEMPT),
                    decision(Determination.APPEAL, Tier.REDUCIBLE))))
        .isEqualTo(FindingOutcome.REDUCED_ON_APPEAL);
    assertThat(
            FindingOutcome.of(
                finding(ReviewFinding.CONFIRMED),
                List.of(
                    decision(Determination.FIRST, Tier.REDUCIBLE),
                    decision(Determination.APPEAL, Tier.REDUCIBLE))))
        .as("upheld on appeal")
        .isEqualTo("CONFIRMED");
    assertThat(
            FindingOutcome.of(
                finding(ReviewFinding.CONFIRMED),
                List.of(decision(Determination.FIRST, Tier.EXEMPT))))
        .isEqualTo(FindingOutcome.EXEMPTED);
  }

  @Test
  void aFindingTheAuditorRejectedOrLeftAsADraftKeepsThatStatus() {
    List<Determination> exempt = List.of(decision(Determination.FIRST, Tier.EXEMPT));
    assertThat(FindingOutcome.of(finding(ReviewFinding.REJECTED), exempt)).isEqualTo("REJECTED");
    assertThat(FindingOutcome.of(finding(ReviewFinding.DRAFT), List.of())).isEqualTo("DRAFT");
  }

  @Test
  void theAppealsDecisionStandsOverTheFirstAndIsExemptAsDecided() {
    Determination appeal = decision(Determination.APPEAL, Tier.EXEMPT);
    assertThat(
            FindingOutcome.standing(List.of(decision(Determination.FIRST, Tier.REDUCIBLE), appeal)))
        .contains(appeal);
    assertThat(FindingOutcome.exempt(appeal)).isTrue();
    assertThat(FindingOutcome.exempt(decision(Determination.FIRST, Tier.REDUCIBLE))).isFalse();
  }

  private static ReviewFinding finding(String status) {
    return new ReviewFinding(
        "review-1",
        1,
        "manager1",
        "DUTY_FACT",
        "PRESERVATION_AFTER_WARNING_SIGNAL",
        "monitoring",
        "§27(五)",
        "minor",
        "done late",
        List.of(26, 28),
        AT,
        "rules-1",
        status,
        "reason",
        "auditor1");
  }

  private static Determination decision(String round, Tier tier) {
    return new Determination(
        "review-1", "manager1", round, tier, List.of(), "rationale", false, "board1", AT);
  }
}
