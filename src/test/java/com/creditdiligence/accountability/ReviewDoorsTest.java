package com.creditdiligence.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A review opens only through its checked doors: compensation paid, as the case's record shows it, or an
 * auditor's request through the review's start form. A start message correlated by hand opens nothing.
 */
@ApplicationTest
class ReviewDoorsTest {

  private static final String FORGED_MESSAGE =
      """
      {"messageName": "AccountabilityReviewRequired", "businessKey": "%s",
       "processVariables": {"caseKey": {"value": "%s"}, "reviewTrigger": {"value": "COMPENSATION_PAID"},
                            "reviewReason": {"value": "代偿已支付 compensation paid (not true)"}}}""";

  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;
  @Autowired ReviewStore store;
  @Autowired CaseEvents events;
  @Autowired Http http;

  @Test
  void anAdministratorsMessageCannotOpenAReviewOnACompensationThatWasNotPaid() throws Exception {
    String key =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "杭州伪造代偿公司", 1_000_000)
            .getBusinessKey();
    int recordsBefore = ledger.records(key).size();
    long reviewsBefore = reviewInstances();

    Http.Answer forged = engineRest("admin", "/message", FORGED_MESSAGE.formatted(key, key));

    assertThat(forged.status()).as(forged.body()).isEqualTo(400);
    assertThat(forged.json().path("message").asText()).contains("没有代偿记录");
    assertThat(store.reviewsOfCase(key)).isEmpty();
    assertThat(ledger.records(key)).hasSize(recordsBefore);
    assertThat(reviewInstances()).isEqualTo(reviewsBefore);
  }

  @Test
  void noMessageOpensAReviewOfACaseThatDoesNotExist() {
    long before = reviewInstances();

    Http.Answer forged =
        engineRest(
            "admin", "/message", FORGED_MESSAGE.formatted("GA-2026-999998", "GA-2026-999998"));

    assertThat(forged.status()).as(forged.body()).isEqualTo(400);
    assertThat(ledger.headSequence("GA-2026-999998")).isEmpty();
    assertThat(reviewInstances()).isEqualTo(before);
  }

  @Test
  void anAuditorCannotCorrelateTheMessageAtAll() {
    String key =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "杭州稽核消息公司", 1_000_000)
            .getBusinessKey();

    Http.Answer correlated = engineRest("auditor1", "/message", FORGED_MESSAGE.formatted(key, key));

    assertThat(correlated.status()).isEqualTo(403);
    assertThat(store.reviewsOfCase(key)).isEmpty();
  }

  @Test
  void paidCompensationOpensTheReviewWithTheServersTriggerAndReason() {
    String key = new PostGuaranteeSteps(engine, events).compensatedCase("manager1", "杭州真实代偿公司", 0);

    assertThat(store.reviewsOfCase(key))
        .singleElement()
        .satisfies(
            review -> {
              assertThat(review.trigger()).isEqualTo(OpenReviewOnCompensation.COMPENSATION_PAID);
              assertThat(review.reason()).isEqualTo(OpenReviewOnCompensation.REASON);
            });
  }

  private long reviewInstances() {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(Reviews.PROCESS_KEY)
        .count();
  }

  private Http.Answer engineRest(String user, String path, String json) {
    return http.post("/engine-rest" + path).as(user).json(json).send();
  }
}
