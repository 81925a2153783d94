package com.creditdiligence.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.accountability.DutyFact.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What broken evidence means for a review, as plain rules: which facts it undermines, and §28. */
class EvidenceIntegrityTest {

  private static final Instant OPENED = Instant.parse("2026-06-01T08:00:00Z");
  private static final EvidenceIntegrity INTACT = new EvidenceIntegrity(true, null, null, OPENED);
  private static final EvidenceIntegrity BROKEN_AT_7 =
      new EvidenceIntegrity(false, 7, "record 7 was changed", OPENED);

  @Test
  void aFactRestsOnBrokenEvidenceWhenItCitesTheFirstBrokenRecordALaterOneOrNone() {
    assertThat(BROKEN_AT_7.unreliable(List.of(3, 6))).isFalse();
    assertThat(BROKEN_AT_7.unreliable(List.of(3, 7))).isTrue();
    assertThat(BROKEN_AT_7.unreliable(List.of(12))).isTrue();
    assertThat(BROKEN_AT_7.unreliable(List.of()))
        .as("a record shown missing may have been removed")
        .isTrue();
    assertThat(INTACT.unreliable(List.of())).isFalse();
    assertThat(INTACT.unreliable(List.of(12))).isFalse();
  }

  @Test
  void theWorseVerificationIsTheBrokenOneAndOfTwoBrokenTheEarlierBreak() {
    EvidenceIntegrity brokenAt3Later =
        new EvidenceIntegrity(false, 3, "record 3 was changed", OPENED.plusSeconds(60));
    assertThat(EvidenceIntegrity.worse(INTACT, BROKEN_AT_7)).isEqualTo(BROKEN_AT_7);
    assertThat(EvidenceIntegrity.worse(BROKEN_AT_7, INTACT)).isEqualTo(BROKEN_AT_7);
    assertThat(EvidenceIntegrity.worse(BROKEN_AT_7, brokenAt3Later)).isEqualTo(brokenAt3Later);
    assertThat(EvidenceIntegrity.worse(null, BROKEN_AT_7)).isEqualTo(BROKEN_AT_7);
  }

  @Test
  void aDiligentManagerIsEligibleOnAnIntactRecordButNotOnOneThatDoesNotVerify() {
    List<DutyFact> facts =
        List.of(
            new DutyFact(
                "MONITORING_REPORT_ON_TIME",
                "monitoring",
                "§21",
                "§27(三)",
                Status.SATISFIED,
                "report on time",
                List.of(9),
                OPENED,
                OPENED,
                "manager1"));

    assertThat(ExemptionEligibility.of("manager1", facts, List.of(), List.of(), INTACT).eligible())
        .isTrue();
    ExemptionEligibility.Eligibility broken =
        ExemptionEligibility.of("manager1", facts, List.of(), List.of(), BROKEN_AT_7);
    assertThat(broken.eligible()).isFalse();
    assertThat(broken.reasons().get(0)).startsWith("不符合第二十八条免责条件");
    assertThat(broken.reasons())
        .anySatisfy(
            r ->
                assertThat(r)
                    .contains("cannot on its own support an exemption")
                    .contains("#7")
                    .contains("record 7 was changed"));
    assertThat(broken.reasons())
        .anySatisfy(
            r ->
                assertThat(r)
                    .contains("Unreliable: duty fact MONITORING_REPORT_ON_TIME")
                    .contains("#7"));
  }
}
