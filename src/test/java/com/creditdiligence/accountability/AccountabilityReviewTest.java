package com.creditdiligence.accountability;

import static com.creditdiligence.demo.DemoSubmissions.compensation;
import static com.creditdiligence.demo.DemoSubmissions.overdueReview;
import static com.creditdiligence.demo.DemoSubmissions.preservationMeasures;
import static com.creditdiligence.demo.DemoSubmissions.problemHandling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.platform.SubmissionRefusedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The accountability review end to end: compensation opens it, duty facts become draft findings under
 * their §27 clause, the auditor judges and adds, the board deliberates and decides per manager, the
 * manager states and appeals — and every step is evidence, judged by the rules of its time.
 */
@ApplicationTest
class AccountabilityReviewTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  ProcessEngine engine;
  @Autowired
  CaseEvents events;
  @Autowired
  ReviewStore store;
  @Autowired
  EvidenceLedger ledger;
  @Autowired
  Reviews reviews;
  @Autowired
  TestRestTemplate http;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aFullyDiligentCompensatedCaseEndsExempt() {
    String key = compensatedCase("manager1", "常州问责甲公司", 0);
    AccountabilityReview review = openReview(key);

    assertThat(review.trigger()).isEqualTo("COMPENSATION_PAID");
    assertThat(review.dueAt()).isEqualTo(review.openedAt().plus(365, ChronoUnit.DAYS));
    assertThat(store.findings(review.reviewId())).isEmpty();

    audit(key, "auditor1", List.of(), List.of());
    deliberate(key, "board1");
    complete(key, "Task_ManagerStatement", "manager1", Map.of("statementChoice", "waive"));
    assertThat(reviews.eligibility(review.reviewId(), "manager1").eligible()).isTrue();
    decide(key, "Task_BoardDetermination", "board2", "tier", "exempt", "determinationClauses", List.of(),
        "determinationRationale");

    AccountabilityReview closed = store.review(review.reviewId()).orElseThrow();
    assertThat(closed.closed()).isTrue();
    assertThat(store.determinations(review.reviewId())).singleElement().satisfies(d -> {
      assertThat(d.tier()).isEqualTo(Tier.EXEMPT);
      assertThat(d.eligibleForExemption()).isTrue();
      assertThat(d.decidedBy()).isEqualTo("board2");
    });
    assertThat(recordTypes(key)).contains("REVIEW_INVESTIGATED", "REVIEW_CLOSED");
    assertThat(ledger.verify(key).status()).isEqualTo("intact");
  }

  @Test
  void preservationMeasuresFiveDaysAfterAWarningSignalAreA27_5FindingAndTheAppealCannotAggravateIt() {
    String key = compensatedCase("manager1", "常州问责乙公司", 5);
    AccountabilityReview review = openReview(key);

    assertThat(store.findings(review.reviewId())).singleElement().satisfies(f -> {
      assertThat(f.clause()).isEqualTo("§27(五)");
      assertThat(f.dutyCode()).isEqualTo("PRESERVATION_AFTER_WARNING_SIGNAL");
      assertThat(f.manager()).isEqualTo("manager1");
      assertThat(f.evidence()).isNotEmpty();
    });
    audit(key, "auditor1", List.of(verdict(1, "confirm")), List.of());
    deliberate(key, "board1");
    complete(key, "Task_ManagerStatement", "manager1",
        Map.of("statementChoice", "submit", "statementText", "预警当日即联系反担保人,书面通知在第五天送达"));
    decide(key, "Task_BoardDetermination", "board1", "tier", "reducible", "determinationClauses", List.of("§27(五)"),
        "determinationRationale");
    complete(key, "Task_Appeal", "manager1",
        Map.of("appealChoice", "appeal", "appealGrounds", "措施已在预警当日口头落实,书面送达晚于期限非本人原因"));

    var appealTask = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_AppealDecision").singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(appealTask.getId()))
        .extracting(org.camunda.bpm.engine.task.IdentityLink::getUserId).contains("board2", "board3")
        .doesNotContain("board1", "auditor1", "manager1");
    // The first decider is not offered the appeal; given access anyway, the rule refuses and says why.
    assertThatThrownBy(() -> decide(key, "Task_AppealDecision", "board1", "appealTier", "exempt", "appealClauses",
        List.of(), "appealRationale")).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    engine.getTaskService().addCandidateUser(appealTask.getId(), "board1");
    assertThatThrownBy(() -> decide(key, "Task_AppealDecision", "board1", "appealTier", "exempt", "appealClauses",
        List.of(), "appealRationale"))
        .isInstanceOf(SubmissionRefusedException.class).hasMessageContaining("did not decide the first time");
    release(key, "Task_AppealDecision");
    assertThatThrownBy(() -> decide(key, "Task_AppealDecision", "board2", "appealTier", "notExempt", "appealClauses",
        List.of("§27(五)"), "appealRationale"))
        .isInstanceOf(SubmissionRefusedException.class).hasMessageContaining("may not increase the liability");
    decide(key, "Task_AppealDecision", "board2", "appealTier", "exempt", "appealClauses", List.of(), "appealRationale");

    assertThat(store.determinations(review.reviewId())).extracting(Determination::round, Determination::tier)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("FIRST", Tier.REDUCIBLE),
            org.assertj.core.groups.Tuple.tuple("APPEAL", Tier.EXEMPT));
    assertThat(store.review(review.reviewId()).orElseThrow().closed()).isTrue();
  }

  @Test
  void anOnSiteCheckSixDaysAfterAMajorEventIsA27_4FindingInAReviewAnAuditorOpens() throws Exception {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "常州问责壬公司", 1_000_000).getBusinessKey();
    Instant reported = ClockUtil.getCurrentTime().toInstant();
    events.majorEvent(key, "majorLitigation", "被起诉 Sued by a supplier", LocalDate.now(), reported);
    ClockUtil.setCurrentTime(java.util.Date.from(reported.plus(6, ChronoUnit.DAYS)));
    var late = com.creditdiligence.demo.DemoSubmissions.majorEventInvestigation("normal");
    late.put("meVisitDate", LocalDate.now().plusDays(6).toString());
    driver.completeInCase(key, "Task_MajorEventInvestigation", "manager1", late);

    ResponseEntity<String> opened = post("auditor1", "/api/cases/" + key + "/accountability-reviews",
        "{\"reason\":\"重大事项后的实地核查是否及时\"}");

    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    AccountabilityReview review = openReview(key);
    assertThat(store.findings(review.reviewId())).singleElement().satisfies(f -> {
      assertThat(f.clause()).isEqualTo("§27(四)");
      assertThat(f.dutyCode()).isEqualTo("ONSITE_AFTER_MAJOR_EVENT");
    });
    assertThat(review.ruleVersions()).anyMatch(v -> v.startsWith("Decision_Section27Finding:v"))
        .anyMatch(v -> v.startsWith("Decision_ExemptionTier:v"));
  }

  @Test
  void aMissedMonitoringReportIsA27_3FindingOfTheManagerWhoHeldTheCaseNotOfTheSuccessor() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "常州问责丙公司", 1_000_000).getBusinessKey();
    String caseId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key)
        .processDefinitionKey("guarantee-lifecycle").singleResult().getId();
    Job overdueTimer = engine.getManagementService().createJobQuery().processInstanceId(caseId).timers().singleResult();
    ClockUtil.setCurrentTime(java.util.Date.from(overdueTimer.getDuedate().toInstant().plus(1, ChronoUnit.DAYS)));
    engine.getManagementService().executeJob(overdueTimer.getId());
    driver.completeInCase(key, "Task_ReviewOverdueReport", "head1", overdueReview("manager2"));
    payCompensation(key, "manager2", 0);
    AccountabilityReview review = openReview(key);

    assertThat(store.findings(review.reviewId())).singleElement().satisfies(f -> {
      assertThat(f.clause()).isEqualTo("§27(三)");
      assertThat(f.manager()).isEqualTo("manager1");
    });
    audit(key, "auditor1", List.of(verdict(1, "confirm")), List.of());

    assertThat(engine.getRuntimeService().getVariable(review.reviewId(), "managersUnderReview"))
        .isEqualTo(List.of("manager1", "manager2"));
    assertThat(reviews.eligibility(review.reviewId(), "manager1").eligible()).isFalse();
    assertThat(reviews.eligibility(review.reviewId(), "manager2").eligible()).isTrue();
  }

  @Test
  void theAuditorAddsTheFindingsOnlyAPersonCanJudgeEachCitingEvidence() {
    String key = compensatedCase("manager1", "常州问责丁公司", 0);
    AccountabilityReview review = openReview(key);
    int lastRecord = ledger.headSequence(key).orElseThrow();

    assertThatThrownBy(() -> audit(key, "auditor1", List.of(),
        List.of(added("manager1", "§27(三)", "monitoring", "2"))))
        .isInstanceOf(SubmissionRefusedException.class).hasMessageContaining("§27(一), §27(六) or §27(七)");
    assertThatThrownBy(() -> audit(key, "auditor1", List.of(),
        List.of(added("manager1", "§27(一)", "evaluation", String.valueOf(lastRecord + 50)))))
        .isInstanceOf(SubmissionRefusedException.class).hasMessageContaining("cites records that do not exist");
    audit(key, "auditor1", List.of(), List.of(added("manager1", "§27(一)", "evaluation", "3, 4"),
        added("manager1", "§27(六)", "monitoring", "5")));

    assertThat(store.findings(review.reviewId())).extracting(ReviewFinding::clause, ReviewFinding::origin,
            ReviewFinding::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("§27(一)", "AUDITOR", "CONFIRMED"),
            org.assertj.core.groups.Tuple.tuple("§27(六)", "AUDITOR", "CONFIRMED"));
    assertThat(store.findings(review.reviewId()).get(0).evidence()).containsExactly(3, 4);
    assertThat(reviews.eligibility(review.reviewId(), "manager1").eligible()).isFalse();
  }

  @Test
  void aReservedOpinionClearsTheManagerOfAFindingAboutTheApprovalDecisionItself() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    var application = driver.apply("manager1",
        com.creditdiligence.demo.DemoSubmissions.intake("常州问责戊公司", "workingCapitalLoan", 1_000_000, 12));
    String id = application.getId();
    String key = application.getBusinessKey();
    driver.complete(id, "Task_CustomerInvestigation", "manager1",
        com.creditdiligence.demo.DemoSubmissions.investigation(false));
    driver.complete(id, "Task_AnalysisEvaluation", "manager1",
        com.creditdiligence.demo.DemoSubmissions.evaluation("approveWithConditions"));
    driver.runJobs(id);
    driver.voters(id).forEach(member -> driver.complete(id, "Task_CommitteeVote", member,
        com.creditdiligence.demo.DemoSubmissions.vote("approve")));
    driver.complete(id, "Task_RecordReservedOpinion", "manager1",
        com.creditdiligence.demo.DemoSubmissions.reservedOpinion(true));
    driver.complete(id, "Task_SignContracts", "manager1", com.creditdiligence.demo.DemoSubmissions.contracts(false));
    driver.complete(id, "Task_IssueGuarantee", "manager1", com.creditdiligence.demo.DemoSubmissions.issue(1_000_000));
    payCompensation(key, "manager1", 0);
    AccountabilityReview review = openReview(key);

    audit(key, "auditor1", List.of(), List.of(added("manager1", "§27(七)", "approval", "1")));

    ExemptionEligibility.Eligibility eligibility = reviews.eligibility(review.reviewId(), "manager1");
    assertThat(eligibility.eligible()).isTrue();
    assertThat(eligibility.clearedFindings()).containsExactly(1);
    assertThat(eligibility.reasons()).anyMatch(r -> r.contains("reserved opinion"));
  }

  @Test
  void theCasesManagerMayNotAuditItAndItsAuditorMayNotSitOnItsBoard() {
    String key = compensatedCase("manager1", "常州问责己公司", 0);
    engine.getIdentityService().createMembership("manager1", "auditor");
    try {
      assertThatThrownBy(() -> audit(key, "manager1", List.of(), List.of()))
          .isInstanceOf(SubmissionRefusedException.class).hasMessageContaining("managed this case and may not review it");
    } finally {
      engine.getIdentityService().deleteMembership("manager1", "auditor");
      release(key, "Task_AuditorReview");
    }
    engine.getIdentityService().createMembership("auditor1", "accountabilityBoard");
    try {
      audit(key, "auditor1", List.of(), List.of());
      assertThatThrownBy(() -> deliberate(key, "auditor1"))
          .isInstanceOf(SubmissionRefusedException.class).hasMessageContaining("may not sit on its board");
    } finally {
      engine.getIdentityService().deleteMembership("auditor1", "accountabilityBoard");
    }
  }

  @Test
  void anAuditorOpensAReviewOverTheApiAndAManagerCannot() throws Exception {
    String key = new LifecycleDriver(engine).issuedGuarantee("manager1", "常州问责庚公司", 1_000_000).getBusinessKey();

    ResponseEntity<String> byManager = post("manager2", "/api/cases/" + key + "/accountability-reviews",
        "{\"reason\":\"抽查:检查保后监管是否按期\"}");
    assertThat(byManager.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(byManager.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(byManager.getBody()).contains("Only an auditor may review accountability");
    assertThat(store.reviewsOfCase(key)).isEmpty();

    ResponseEntity<String> byAuditor = post("auditor1", "/api/cases/" + key + "/accountability-reviews",
        "{\"reason\":\"抽查:检查保后监管是否按期\"}");
    assertThat(byAuditor.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode review = JSON.readTree(byAuditor.getBody());
    assertThat(review.at("/review/trigger").asText()).isEqualTo("AUDITOR_REQUEST");
    assertThat(review.at("/review/openedBy").asText()).isEqualTo("auditor1");
    assertThat(review.path("status").asText()).isEqualTo("open");
    assertThat(review.path("overdue").asBoolean()).isFalse();
    assertThat(review.at("/eligibility/0/manager").asText()).isEqualTo("manager1");

    ResponseEntity<String> again = post("auditor1", "/api/cases/" + key + "/accountability-reviews",
        "{\"reason\":\"重复发起同一案件的审查\"}");
    assertThat(again.getBody()).contains("already has an accountability review under way");
  }

  @Test
  void aManagersRecordListsEveryReviewFindingAndOutcome() throws Exception {
    String key = compensatedCase("manager2", "常州问责辛公司", 5);
    AccountabilityReview review = openReview(key);
    audit(key, "auditor1", List.of(verdict(1, "confirm")), List.of());
    deliberate(key, "board1");
    complete(key, "Task_ManagerStatement", "manager2", Map.of("statementChoice", "waive"));
    decide(key, "Task_BoardDetermination", "board3", "tier", "reducible", "determinationClauses", List.of("§27(五)"),
        "determinationRationale");
    complete(key, "Task_Appeal", "manager2", Map.of("appealChoice", "accept"));

    JsonNode record = JSON.readTree(http.withBasicAuth("auditor1", "demo")
        .getForObject("/api/managers/manager2/record", String.class));
    JsonNode entry = null;
    for (JsonNode r : record.path("history")) {
      if (r.path("reviewId").asText().equals(review.reviewId())) {
        entry = r;
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.path("finalTier").asText()).isEqualTo("reducible");
    assertThat(entry.at("/findings/0/clause").asText()).isEqualTo("§27(五)");
    assertThat(record.at("/outcomes/reducible").asLong()).isPositive();
  }

  // --- driving the case and the review -------------------------------------------------------------

  /** An issued guarantee that goes bad: a warning signal, preservation measures (late by the given days), compensation. */
  private String compensatedCase(String manager, String applicant, int measuresDaysAfterSignal) {
    String key = new LifecycleDriver(engine).issuedGuarantee(manager, applicant, 1_000_000).getBusinessKey();
    payCompensation(key, manager, measuresDaysAfterSignal);
    return key;
  }

  private void payCompensation(String key, String manager, int measuresDaysAfterSignal) {
    LifecycleDriver driver = new LifecycleDriver(engine);
    Instant signalled = ClockUtil.getCurrentTime().toInstant();
    events.warningSignal(key, "financialCondition", "fc01", "连续两期利息逾期 Two interest payments missed",
        LocalDate.ofInstant(signalled, java.time.ZoneId.systemDefault()), signalled);
    ClockUtil.setCurrentTime(java.util.Date.from(signalled.plus(measuresDaysAfterSignal, ChronoUnit.DAYS)));
    driver.completeInCase(key, "Task_PreservationMeasures", manager, preservationMeasures(true));
    driver.completeInCase(key, "Task_ProblemHandling", manager, problemHandling("compensated"));
    driver.completeInCase(key, "Task_RecordCompensation", manager, compensation(1_000_000, 400_000));
  }

  private AccountabilityReview openReview(String key) {
    return store.reviewsOfCase(key).stream().filter(r -> !r.closed()).findFirst().orElseThrow();
  }

  private void audit(String key, String auditor, List<Map<String, Object>> verdicts, List<Map<String, Object>> added) {
    Map<String, Object> values = new HashMap<>();
    values.put("findingDecisions", SpinValues.jsonValue(CanonicalForm.json(verdicts)).create());
    values.put("addedFindings", SpinValues.jsonValue(CanonicalForm.json(added)).create());
    values.put("auditSummary", "逐条核对证据链与尽职事实,意见如上");
    complete(key, "Task_AuditorReview", auditor, values);
  }

  private void deliberate(String key, String member) {
    complete(key, "Task_Deliberation", member, Map.of("deliberationMinutes", "委员会评议:认可稽核确认的情形与证据"));
  }

  private void decide(String key, String taskKey, String member, String tierKey, String tier, String clausesKey,
                      List<String> clauses, String rationaleKey) {
    Map<String, Object> values = new HashMap<>();
    values.put(tierKey, tier);
    values.put(clausesKey, SpinValues.jsonValue(CanonicalForm.json(clauses)).create());
    values.put(rationaleKey, "依据已确认的情形与证据记录作出认定");
    complete(key, taskKey, member, values);
  }

  private void complete(String key, String taskKey, String user, Map<String, Object> values) {
    new LifecycleDriver(engine).completeInCase(key, taskKey, user, values);
  }

  /** A refused submission leaves the task claimed by whoever tried; hand it back to the group. */
  private void release(String key, String taskKey) {
    var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(taskKey)
        .singleResult();
    engine.getTaskService().setAssignee(task.getId(), null);
  }

  private static Map<String, Object> verdict(int findingNo, String decision) {
    Map<String, Object> item = new HashMap<>();
    item.put("findingNo", findingNo);
    item.put("decision", decision);
    item.put("reason", "证据记录显示该义务未按期履行");
    return item;
  }

  private static Map<String, Object> added(String manager, String clause, String stage, String evidence) {
    return Map.of("manager", manager, "clause", clause, "stage", stage, "severity", "minor",
        "statement", "报告所述经营数据与后续查明事实明显不符", "evidence", evidence);
  }

  private List<String> recordTypes(String key) {
    return ledger.records(key).stream().map(EvidenceRecord::recordType).toList();
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }
}
