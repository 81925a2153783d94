package com.creditdiligence.events;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.platform.SubmissionRefusedException;
import com.creditdiligence.submission.BusinessTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Events reach a live case through the API or a Tasklist form; anything else is refused, never dropped. */
@ApplicationTest
class CaseEventsApiTest {

  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;
  @Autowired Http http;
  @Autowired BusinessTime businessTime;

  @Test
  void aMajorEventPostedToALiveCaseStartsItsOnSiteInvestigation() {
    String key =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "苏州事项甲公司", 1_000_000)
            .getBusinessKey();

    Http.Answer response =
        post(
            key,
            "major-events",
            """
        {"kind": "majorLitigation", "description": "被银行起诉 Sued by a bank", "occurredOn": "%s"}"""
                .formatted(businessTime.today()));

    assertThat(response.status()).isEqualTo(202);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(key)
                .taskDefinitionKey("Task_MajorEventInvestigation")
                .taskAssignee("manager1")
                .count())
        .isOne();
    EvidenceRecord received =
        ledger.records(key).stream()
            .filter(r -> r.recordType().equals("EVENT_RECEIVED"))
            .findFirst()
            .orElseThrow();
    assertThat(received.performer()).isEqualTo("head1");
    assertThat(received.findings())
        .contains("\"majorEventKind\":\"majorLitigation\"")
        .contains("\"message\":\"Message_MajorEvent\"");
  }

  @Test
  void anUnknownKindOrAFutureDateIsA400NamingTheField() throws Exception {
    String key =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "苏州事项乙公司", 1_000_000)
            .getBusinessKey();

    Http.Answer unknownKind =
        post(
            key,
            "major-events",
            "{\"kind\": \"rumour\", \"description\": \"x\", \"occurredOn\": \""
                + businessTime.today()
                + "\"}");
    Http.Answer future =
        post(
            key,
            "warning-signals",
            "{\"category\": \"financialCondition\", \"item\": \"fc01\","
                + " \"description\": \"x\", \"occurredOn\": \""
                + businessTime.today().plusDays(2)
                + "\"}");
    Http.Answer wrongItem =
        post(
            key,
            "warning-signals",
            "{\"category\": \"financialCondition\", \"item\": \"cq01\","
                + " \"description\": \"x\", \"occurredOn\": \""
                + businessTime.today()
                + "\"}");

    assertThat(unknownKind.status()).isEqualTo(400);
    assertThat(unknownKind.json().get("errors").has("kind")).isTrue();
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().get("errors").has("occurredOn")).isTrue();
    assertThat(wrongItem.status()).isEqualTo(400);
    assertThat(wrongItem.json().get("errors").has("item")).isTrue();
  }

  @Test
  void aCaseNotInMonitoringAnswers409AndAnUnknownCase404() throws Exception {
    String key =
        new LifecycleDriver(engine)
            .apply("manager1", intake("苏州事项丙公司", "workingCapitalLoan", 1_000_000, 12))
            .getBusinessKey();
    String event =
        "{\"kind\": \"other\", \"description\": \"x\", \"occurredOn\": \""
            + businessTime.today()
            + "\"}";

    Http.Answer notLive = post(key, "major-events", event);
    Http.Answer unknown = post("GA-1999-000077", "major-events", event);

    assertThat(notLive.status()).isEqualTo(409);
    assertThat(notLive.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = notLive.json();
    assertThat(problem.get("detail").asText()).contains("is not in post-guarantee management");
    assertThat(unknown.status()).isEqualTo(404);
  }

  @Test
  void aWarningSignalReportedInTasklistReachesTheCaseAndStandsInItsChain() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "苏州事项丁公司", 1_000_000).getBusinessKey();

    startReport(driver, report(key));

    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(key)
                .taskDefinitionKey("Task_PreservationMeasures")
                .count())
        .isOne();
    assertThat(ledger.records(key))
        .filteredOn(r -> "case-event-report".equals(r.processDefinitionKey()))
        .extracting(EvidenceRecord::recordType)
        .containsExactly("PROCESS_STARTED", "PROCESS_ENDED");
    assertThat(ledger.records(key))
        .filteredOn(r -> r.recordType().equals("EVENT_RECEIVED"))
        .extracting(EvidenceRecord::performer)
        .containsExactly("manager1");
    assertThat(ledger.verify(key).isIntact()).isTrue();
  }

  @Test
  void aReportInTasklistForACaseNotInMonitoringIsRefusedWithTheReason() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key =
        driver
            .apply("manager1", intake("苏州事项戊公司", "workingCapitalLoan", 1_000_000, 12))
            .getBusinessKey();

    assertThatThrownBy(() -> startReport(driver, report(key)))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("is not in post-guarantee management");
  }

  @Test
  void aReportInTasklistOnAnotherManagersCaseIsRefusedAsTheApiDoorRefusesIt() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "苏州事项己公司", 1_000_000).getBusinessKey();

    assertThatThrownBy(() -> startReport("manager2", report(key)))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("manager2 may not act on case " + key);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(key)
                .taskDefinitionKey("Task_PreservationMeasures")
                .count())
        .isZero();

    startReport("head1", report(key));
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(key)
                .taskDefinitionKey("Task_PreservationMeasures")
                .count())
        .isOne();
    assertThat(ledger.verify(key).isIntact()).isTrue();
  }

  private void startReport(LifecycleDriver driver, Map<String, Object> values) {
    startReport("manager1", values);
  }

  private void startReport(String reporter, Map<String, Object> values) {
    LifecycleDriver.signIn(engine, reporter);
    try {
      String definition =
          engine
              .getRepositoryService()
              .createProcessDefinitionQuery()
              .processDefinitionKey("case-event-report")
              .latestVersion()
              .singleResult()
              .getId();
      engine.getFormService().submitStartForm(definition, values);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private Map<String, Object> report(String key) {
    Map<String, Object> values = new HashMap<>();
    values.put("caseKey", key);
    values.put("eventType", "warningSignal");
    values.put("warningCategory", "financialCondition");
    values.put("warningItemFinancialCondition", "fc01");
    values.put("eventDescription", "本月利息逾期五天 This month's interest is five days late");
    values.put("occurredOn", businessTime.today().toString());
    return values;
  }

  private Http.Answer post(String key, String events, String json) {
    return http.post("/api/cases/" + key + "/" + events).as("head1").json(json).send();
  }
}
