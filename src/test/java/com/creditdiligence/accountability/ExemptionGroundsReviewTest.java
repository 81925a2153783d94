package com.creditdiligence.accountability;

import static com.creditdiligence.demo.DemoSubmissions.compensation;
import static com.creditdiligence.demo.DemoSubmissions.preservationMeasures;
import static com.creditdiligence.demo.DemoSubmissions.problemHandling;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import com.creditdiligence.submission.BusinessTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The exemption grounds of a real case, as the review API, the eligibility and the dossier show them. */
@ApplicationTest
class ExemptionGroundsReviewTest {

  @Autowired BusinessTime businessTime;

  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired ReviewStore store;
  @Autowired EvidenceLedger ledger;
  @Autowired Reviews reviews;
  @Autowired Http http;
  @Autowired com.creditdiligence.platform.EngineActions actions;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aWarningSignalTheManagerReportedBeforeTheLossIsAGroundCitingItsRecordInTheApiAndTheDossier()
      throws Exception {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "常州免责甲公司", 1_000_000).getBusinessKey();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    engine.getIdentityService().setAuthenticatedUserId("manager1");
    try {
      // As the warning-signals door does it: the reporter's name on the record, the engine's checks
      // the application's.
      actions.asApplication(
          () ->
              events.warningSignal(
                  key,
                  "financialCondition",
                  "fc01",
                  "连续两期利息逾期 Two interest payments missed",
                  LocalDate.ofInstant(now, businessTime.zone()),
                  now));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    int signal =
        ledger.records(key).stream()
            .filter(r -> "EVENT_RECEIVED".equals(r.recordType()))
            .map(EvidenceRecord::sequenceNo)
            .reduce((a, b) -> b)
            .orElseThrow();
    driver.completeInCase(key, "Task_PreservationMeasures", "manager1", preservationMeasures(true));
    driver.completeInCase(key, "Task_ProblemHandling", "manager1", problemHandling("compensated"));
    driver.completeInCase(
        key, "Task_RecordCompensation", "manager1", compensation(1_000_000, 400_000));
    AccountabilityReview review = new ReviewSteps(engine, store).openReview(key);

    ExemptionEligibility.Eligibility eligibility =
        reviews.eligibility(review.reviewId(), "manager1");
    assertThat(eligibility.grounds())
        .as(
            ledger.records(key).stream()
                .filter(r -> r.sequenceNo() >= signal)
                .map(
                    r ->
                        r.sequenceNo()
                            + " "
                            + r.recordType()
                            + " "
                            + r.performer()
                            + " "
                            + r.elementId()
                            + " "
                            + r.findings())
                .toList()
                .toString())
        .anySatisfy(
            g -> {
              assertThat(g.code()).isEqualTo(ExemptionGround.WRITTEN_WARNING);
              assertThat(g.evidence()).containsExactly(signal);
              assertThat(g.accepted()).isTrue();
              assertThat(g.ruleVersion()).startsWith("Decision_ExemptionGrounds:v");
            });
    assertThat(eligibility.reasons()).anyMatch(r -> r.contains("书面预警") && r.contains("#" + signal));

    JsonNode view =
        http.get("/api/accountability-reviews/" + review.reviewId()).as("auditor1").send().json();
    JsonNode grounds = null;
    for (JsonNode e : view.path("eligibility")) {
      if (e.path("manager").asText().equals("manager1")) {
        grounds = e.path("grounds");
      }
    }
    assertThat(grounds).isNotNull();
    assertThat(grounds.toString())
        .contains("\"code\":\"writtenWarning\"")
        .contains("\"evidence\":[" + signal + "]");

    String dossier = http.get("/api/cases/" + key + "/dossier.json").as("auditor1").send().body();
    assertThat(dossier).contains("writtenWarning");
    byte[] pdf = http.get("/api/cases/" + key + "/dossier.pdf").as("auditor1").send().bytes();
    assertThat(pdf).isNotEmpty();
  }

  @Test
  void noWrittenWarningGroundWhenTheSignalCameFromElsewhere() {
    String key = new PostGuaranteeSteps(engine, events).compensatedCase("manager1", "常州免责乙公司", 0);
    AccountabilityReview review = new ReviewSteps(engine, store).openReview(key);
    assertThat(reviews.eligibility(review.reviewId(), "manager1").grounds())
        .noneMatch(g -> g.code().equals(ExemptionGround.WRITTEN_WARNING))
        .anyMatch(g -> g.code().equals(ExemptionGround.NO_CONCLUSIVE_EVIDENCE));
  }
}
