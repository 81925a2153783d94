package com.creditdiligence.evidence;

import static com.creditdiligence.demo.DemoSubmissions.evaluation;
import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.investigation;
import static com.creditdiligence.demo.TestSubmissions.overdueReview;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The ledger over HTTP: reading, verifying, and §19 amendments that leave the original intact, made by the
 * report's author or, after a handover, by the case's current manager, never by anyone else.
 */
@ApplicationTest
class EvidenceApiTest {

  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;
  @Autowired Http http;
  @Autowired CaseEvents events;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anAmendmentIsANewSignedRecordPointingToTheFrozenReport() throws Exception {
    String key = evaluatedCase();
    EvidenceRecord report =
        ledger.records(key).stream()
            .filter(r -> "ANALYSIS_REPORT".equals(r.dutyCode()))
            .findFirst()
            .orElseThrow();

    Http.Answer created =
        post(
            "manager1",
            "/api/cases/" + key + "/evidence/" + report.sequenceNo() + "/amendments",
            """
        {"reason": "审计后补充:预测期应为三年 Forecast horizon corrected to three years",
         "changes": {"financialForecast": "未来三年营业收入年均增长8% Revenue grows 8% a year for three years"}}""");

    assertThat(created.status()).isEqualTo(201);
    JsonNode amendment = created.json();
    assertThat(amendment.get("recordType").asText()).isEqualTo("AMENDMENT");
    assertThat(amendment.get("amends").asInt()).isEqualTo(report.sequenceNo());
    assertThat(amendment.get("performer").asText()).isEqualTo("manager1");
    assertThat(amendment.get("clause").asText()).isEqualTo("§19");

    EvidenceRecord original = ledger.record(key, report.sequenceNo()).orElseThrow();
    assertThat(original).isEqualTo(report);
    JsonNode listed = get("/api/cases/" + key + "/evidence").json();
    assertThat(listed.get(report.sequenceNo() - 1).get("amendedBy").get(0).asInt())
        .isEqualTo(amendment.get("id").asInt());
    assertThat(
            listed.get(report.sequenceNo() - 1).get("findings").get("financialForecast").asText())
        .isEqualTo(evaluation("approve").get("financialForecast"));
    assertThat(get("/api/cases/" + key + "/evidence/verification").json().get("status").asText())
        .isEqualTo("intact");
  }

  @Test
  void anAmendmentOfAFieldTheRecordDoesNotHaveIsA400NamingTheField() throws Exception {
    String key = evaluatedCase();
    int report =
        ledger.records(key).stream()
            .filter(r -> "ANALYSIS_REPORT".equals(r.dutyCode()))
            .findFirst()
            .orElseThrow()
            .sequenceNo();
    int recordsBefore = ledger.records(key).size();

    Http.Answer response =
        post(
            "manager1",
            "/api/cases/" + key + "/evidence/" + report + "/amendments",
            """
        {"reason": "修改一个不存在的字段 Changing a field that does not exist", "changes": {"colour": "blue"}}""");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.json().get("errors").has("changes.colour")).isTrue();
    assertThat(ledger.records(key)).hasSize(recordsBefore);
  }

  @Test
  void anAmendmentWithoutAReasonIsA400NamingTheField() throws Exception {
    String key = evaluatedCase();

    Http.Answer response =
        post(
            "manager1",
            "/api/cases/" + key + "/evidence/3/amendments",
            """
        {"reason": "", "changes": {"financialForecast": "x"}}""");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").has("reason")).isTrue();
  }

  @Test
  void nobodyAmendsAnotherPersonsRecordNotEvenTheirDepartmentHead() throws Exception {
    String key = evaluatedCase();
    int report = analysisReport(key);
    int recordsBefore = ledger.records(key).size();

    Http.Answer byHead =
        post("head1", "/api/cases/" + key + "/evidence/" + report + "/amendments", FORECAST);

    assertThat(byHead.status()).isEqualTo(403);
    assertThat(byHead.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(byHead.json().get("detail").asText()).contains("manager1");
    assertThat(ledger.records(key)).hasSize(recordsBefore);
  }

  @Test
  void afterAHandoverTheSuccessorAmendsTheCasesReportsButNotTheReviewThatHandedItOver()
      throws Exception {
    LifecycleDriver driver = new LifecycleDriver(engine);
    var guaranteeCase = driver.issuedGuarantee("manager1", "苏州移交修正公司", 1_000_000);
    String key = guaranteeCase.getBusinessKey();
    new PostGuaranteeSteps(engine, events).letMonitoringReportFallOverdue(guaranteeCase.getId());
    driver.completeInCase(key, "Task_ReviewOverdueReport", "head1", overdueReview("manager2"));
    int review =
        ledger.records(key).stream()
            .filter(
                r ->
                    "Task_ReviewOverdueReport".equals(r.elementId())
                        && "TASK_COMPLETED".equals(r.recordType()))
            .findFirst()
            .orElseThrow()
            .sequenceNo();

    Http.Answer successorsAmendment =
        post(
            "manager2",
            "/api/cases/" + key + "/evidence/" + analysisReport(key) + "/amendments",
            FORECAST);
    Http.Answer ofTheHeadsReview =
        post(
            "manager2",
            "/api/cases/" + key + "/evidence/" + review + "/amendments",
            """
        {"reason": "把部门负责人的指示改掉 Rewriting the head's instruction", "changes": {"headInstruction": "无"}}""");

    assertThat(successorsAmendment.status()).isEqualTo(201);
    assertThat(successorsAmendment.json().get("performer").asText()).isEqualTo("manager2");
    assertThat(ofTheHeadsReview.status()).isEqualTo(403);
    assertThat(ledger.records(key)).filteredOn(r -> "AMENDMENT".equals(r.recordType())).hasSize(1);
  }

  private static final String FORECAST =
      """
      {"reason": "预测期应为三年 Forecast horizon corrected to three years",
       "changes": {"financialForecast": "未来三年营业收入年均增长8% Revenue grows 8% a year"}}""";

  private int analysisReport(String key) {
    return ledger.records(key).stream()
        .filter(r -> "ANALYSIS_REPORT".equals(r.dutyCode()))
        .findFirst()
        .orElseThrow()
        .sequenceNo();
  }

  @Test
  void anUnknownCaseIsA404ProblemAndAnAnonymousCallA401() {
    Http.Answer unknown = get("/api/cases/GA-1999-000001/evidence/verification");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

    assertThat(http.get("/api/cases/GA-1999-000001/evidence").send().status()).isEqualTo(401);
  }

  private String evaluatedCase() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    ProcessInstance guaranteeCase =
        driver.apply("manager1", intake("苏州修正公司", "workingCapitalLoan", 1_000_000, 12));
    driver.complete(
        guaranteeCase.getId(), "Task_CustomerInvestigation", "manager1", investigation(false));
    driver.complete(
        guaranteeCase.getId(), "Task_AnalysisEvaluation", "manager1", evaluation("approve"));
    return guaranteeCase.getBusinessKey();
  }

  private Http.Answer get(String path) {
    return http.get(path).as("head1").send();
  }

  private Http.Answer post(String user, String path, String json) {
    return http.post(path).as(user).json(json).send();
  }
}
