package com.creditdiligence.accountability;

import static com.creditdiligence.accountability.ReviewSteps.verdict;
import static com.creditdiligence.demo.TestSubmissions.overdueReview;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import com.creditdiligence.platform.SubmissionRefusedException;
import com.creditdiligence.submission.BusinessTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The accountability review end to end: compensation opens it, duty facts become draft findings under
 * their §27 clause, the auditor judges and adds, the board deliberates and decides per manager, the
 * manager states and appeals — and every step is evidence, judged by the rules of its time.
 */
@ApplicationTest
class AccountabilityReviewTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired ReviewStore store;
  @Autowired EvidenceLedger ledger;
  @Autowired Reviews reviews;
  @Autowired Http http;
  @Autowired BusinessTime businessTime;

  PostGuaranteeSteps postGuarantee;
  ReviewSteps steps;

  @BeforeEach
  void setUp() {
    postGuarantee = new PostGuaranteeSteps(engine, events);
    steps = new ReviewSteps(engine, store);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aFullyDiligentCompensatedCaseEndsExempt() {
    String key = postGuarantee.compensatedCase("manager1", "常州问责甲公司", 0);
    AccountabilityReview review = steps.openReview(key);

    assertThat(review.trigger()).isEqualTo("COMPENSATION_PAID");
    assertThat(review.dueAt()).isEqualTo(review.openedAt().plus(365, ChronoUnit.DAYS));
    assertThat(store.findings(review.reviewId())).isEmpty();

    steps.audit(key, "auditor1", List.of(), List.of());
    steps.deliberate(key, "board1");
    steps.waiveStatement(key, "manager1");
    assertThat(reviews.eligibility(review.reviewId(), "manager1").eligible()).isTrue();
    steps.decide(
        key,
        "Task_BoardDetermination",
        "board2",
        "tier",
        "exempt",
        "determinationClauses",
        List.of(),
        "determinationRationale");

    AccountabilityReview closed = store.review(review.reviewId()).orElseThrow();
    assertThat(closed.closed()).isTrue();
    assertThat(store.determinations(review.reviewId()))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.tier()).isEqualTo(Tier.EXEMPT);
              assertThat(d.eligibleForExemption()).isTrue();
              assertThat(d.decidedBy()).isEqualTo("board2");
            });
    assertThat(recordTypes(key)).contains("REVIEW_INVESTIGATED", "REVIEW_CLOSED");
    assertThat(ledger.verify(key).status()).isEqualTo("intact");
  }

  @Test
  void
      preservationMeasuresFiveDaysAfterAWarningSignalAreA27_5FindingAndTheAppealCannotAggravateIt() {
    String key = postGuarantee.compensatedCase("manager1", "常州问责乙公司", 5);
    AccountabilityReview review = steps.openReview(key);

    assertThat(store.findings(review.reviewId()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.clause()).isEqualTo("§27(五)");
              assertThat(f.dutyCode()).isEqualTo("PRESERVATION_AFTER_WARNING_SIGNAL");
              assertThat(f.manager()).isEqualTo("manager1");
              assertThat(f.evidence()).isNotEmpty();
            });
    steps.audit(key, "auditor1", List.of(verdict(1, "confirm")), List.of());
    steps.deliberate(key, "board1");
    complete(
        key,
        "Task_ManagerStatement",
        "manager1",
        Map.of("statementChoice", "submit", "statementText", "预警当日即联系反担保人,书面通知在第五天送达"));
    steps.determineReducible(key, "board1");
    steps.appeal(key, "manager1", "措施已在预警当日口头落实,书面送达晚于期限非本人原因");

    var appealTask =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(key)
            .taskDefinitionKey("Task_AppealDecision")
            .singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(appealTask.getId()))
        .extracting(org.camunda.bpm.engine.task.IdentityLink::getUserId)
        .contains("board2", "board3")
        .doesNotContain("board1", "auditor1", "manager1");
    // The first decider is not offered the appeal; given access anyway, the rule refuses and says
    // why.
    assertThatThrownBy(
            () ->
                steps.decide(
                    key,
                    "Task_AppealDecision",
                    "board1",
                    "appealTier",
                    "exempt",
                    "appealClauses",
                    List.of(),
                    "appealRationale"))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    engine.getTaskService().addCandidateUser(appealTask.getId(), "board1");
    assertThatThrownBy(
            () ->
                steps.decide(
                    key,
                    "Task_AppealDecision",
                    "board1",
                    "appealTier",
                    "exempt",
                    "appealClauses",
                    List.of(),
                    "appealRationale"))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("did not decide the first time");
    release(key, "Task_AppealDecision");
    assertThatThrownBy(
            () ->
                steps.decide(
                    key,
                    "Task_AppealDecision",
                    "board2",
                    "appealTier",
                    "notExempt",
                    "appealClauses",
                    List.of("§27(五)"),
                    "appealRationale"))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("may not increase the liability");
    steps.decide(
        key,
        "Task_AppealDecision",
        "board2",
        "appealTier",
        "exempt",
        "appealClauses",
        List.of(),
        "appealRationale");

    assertThat(store.determinations(review.reviewId()))
        .extracting(Determination::round, Determination::tier)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("FIRST", Tier.REDUCIBLE),
            org.assertj.core.groups.Tuple.tuple("APPEAL", Tier.EXEMPT));
    assertThat(store.review(review.reviewId()).orElseThrow().closed()).isTrue();
  }

  @Test
  void anOnSiteCheckSixDaysAfterAMajorEventIsA27_4FindingInAReviewAnAuditorOpens()
      throws Exception {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "常州问责壬公司", 1_000_000).getBusinessKey();
    Instant reported = ClockUtil.getCurrentTime().toInstant();
    events.majorEvent(
        key, "majorLitigation", "被起诉 Sued by a supplier", businessTime.today(), reported);
    ClockUtil.setCurrentTime(java.util.Date.from(reported.plus(6, ChronoUnit.DAYS)));
    var late = com.creditdiligence.demo.TestSubmissions.majorEventInvestigation("normal");
    late.put("meVisitDate", businessTime.today().toString()); // the clock is six days on
    driver.completeInCase(key, "Task_MajorEventInvestigation", "manager1", late);

    Http.Answer opened =
        post(
            "auditor1",
            "/api/cases/" + key + "/accountability-reviews",
            "{\"reason\":\"重大事项后的实地核查是否及时\"}");

    assertThat(opened.status()).isEqualTo(201);
    AccountabilityReview review = steps.openReview(key);
    // One lateness, one finding: the §14 fact does not count the late visit again.
    assertThat(store.findings(review.reviewId()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.clause()).isEqualTo("§27(四)");
              assertThat(f.dutyCode()).isEqualTo("ONSITE_AFTER_MAJOR_EVENT");
            });
    assertThat(review.ruleVersions())
        .anyMatch(v -> v.startsWith("Decision_Section27Finding:v"))
        .anyMatch(v -> v.startsWith("Decision_ExemptionTier:v"));
  }

  @Test
  void aMissedMonitoringReportIsA27_3FindingOfTheManagerWhoHeldTheCaseNotOfTheSuccessor() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    var guaranteeCase = driver.issuedGuarantee("manager1", "常州问责丙公司", 1_000_000);
    String key = guaranteeCase.getBusinessKey();
    postGuarantee.letMonitoringReportFallOverdue(guaranteeCase.getId());
    driver.completeInCase(key, "Task_ReviewOverdueReport", "head1", overdueReview("manager2"));
    postGuarantee.payCompensation(key, "manager2", 0);
    AccountabilityReview review = steps.openReview(key);

    assertThat(store.findings(review.reviewId()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.clause()).isEqualTo("§27(三)");
              assertThat(f.manager()).isEqualTo("manager1");
            });
    // The auditor adding a finding picks its manager by name «姓名 (id)»; the id is what is kept.
    assertThat(
            String.valueOf(
                engine.getRuntimeService().getVariable(review.reviewId(), "managerOptions")))
        .contains("\"label\":\"王经理一 (manager1)\"", "\"label\":\"李经理二 (manager2)\"")
        .contains("\"value\":\"manager1\"", "\"value\":\"manager2\"");
    steps.audit(key, "auditor1", List.of(verdict(1, "confirm")), List.of());

    assertThat(engine.getRuntimeService().getVariable(review.reviewId(), "managersUnderReview"))
        .isEqualTo(List.of("manager1", "manager2"));
    assertThat(reviews.eligibility(review.reviewId(), "manager1").eligible()).isFalse();
    assertThat(reviews.eligibility(review.reviewId(), "manager2").eligible()).isTrue();
  }

  @Test
  void theAuditorAddsTheFindingsOnlyAPersonCanJudgeEachCitingEvidence() {
    String key = postGuarantee.compensatedCase("manager1", "常州问责丁公司", 0);
    AccountabilityReview review = steps.openReview(key);
    int lastRecord = ledger.headSequence(key).orElseThrow();

    assertThatThrownBy(
            () ->
                steps.audit(
                    key,
                    "auditor1",
                    List.of(),
                    List.of(added("manager1", "§27(三)", "monitoring", "2"))))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("§27(一), §27(六) or §27(七)");
    assertThatThrownBy(
            () ->
                steps.audit(
                    key,
                    "auditor1",
                    List.of(),
                    List.of(
                        added(
                            "manager1", "§27(一)", "evaluation", String.valueOf(lastRecord + 50)))))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("cites records that do not exist");
    steps.audit(
        key,
        "auditor1",
        List.of(),
        List.of(
            added("manager1", "§27(一)", "evaluation", "3, 4"),
            added("manager1", "§27(六)", "monitoring", "5")));

    assertThat(store.findings(review.reviewId()))
        .extracting(ReviewFinding::clause, ReviewFinding::origin, ReviewFinding::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("§27(一)", "AUDITOR", "CONFIRMED"),
            org.assertj.core.groups.Tuple.tuple("§27(六)", "AUDITOR", "CONFIRMED"));
    assertThat(store.findings(review.reviewId()).get(0).evidence()).containsExactly(3, 4);
    assertThat(reviews.eligibility(review.reviewId(), "manager1").eligible()).isFalse();
  }

  @Test
  void aReservedOpinionClearsTheManagerOfAFindingAboutTheApprovalDecisionItself() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    var application =
        driver.toCommittee(
            "manager1",
            com.creditdiligence.demo.DemoSubmissions.intake(
                "常州问责戊公司", "workingCapitalLoan", 1_000_000, 12),
            "approveWithConditions");
    String id = application.getId();
    String key = application.getBusinessKey();
    driver
        .voters(id)
        .forEach(
            member ->
                driver.complete(
                    id,
                    "Task_CommitteeVote",
                    member,
                    com.creditdiligence.demo.DemoSubmissions.vote("approve")));
    driver.complete(
        id,
        "Task_RecordReservedOpinion",
        "manager1",
        com.creditdiligence.demo.TestSubmissions.reservedOpinion(true));
    driver.complete(
        id,
        "Task_SignContracts",
        "manager1",
        com.creditdiligence.demo.DemoSubmissions.contracts(false));
    driver.complete(
        id,
        "Task_IssueGuarantee",
        "manager1",
        com.creditdiligence.demo.DemoSubmissions.issue(1_000_000));
    postGuarantee.payCompensation(key, "manager1", 0);
    AccountabilityReview review = steps.openReview(key);

    steps.audit(key, "auditor1", List.of(), List.of(added("manager1", "§27(七)", "approval", "1")));

    ExemptionEligibility.Eligibility eligibility =
        reviews.eligibility(review.reviewId(), "manager1");
    assertThat(eligibility.eligible()).isTrue();
    assertThat(eligibility.clearedFindings()).containsExactly(1);
    assertThat(eligibility.reasons()).anyMatch(r -> r.contains("reserved opinion"));
    assertThat(eligibility.grounds())
        .anySatisfy(
            g -> {
              assertThat(g.code()).isEqualTo(ExemptionGround.DISSENT);
              assertThat(g.detail()).isEqualTo("reservedOpinion");
              assertThat(g.evidence())
                  .singleElement()
                  .satisfies(
                      n ->
                          assertThat(
                                  ledger.records(key).stream()
                                      .filter(r -> r.sequenceNo() == n)
                                      .map(EvidenceRecord::dutyCode))
                              .containsExactly("RESERVED_OPINION"));
            });
  }

  @Test
  void theCasesManagerMayNotAuditItAndItsAuditorMayNotSitOnItsBoard() {
    String key = postGuarantee.compensatedCase("manager1", "常州问责己公司", 0);
    engine.getIdentityService().createMembership("manager1", "auditor");
    try {
      assertThatThrownBy(() -> steps.audit(key, "manager1", List.of(), List.of()))
          .isInstanceOf(SubmissionRefusedException.class)
          .hasMessageContaining("managed this case or voted on it, and may not review it");
    } finally {
      engine.getIdentityService().deleteMembership("manager1", "auditor");
      release(key, "Task_AuditorReview");
    }
    engine.getIdentityService().createMembership("auditor1", "accountabilityBoard");
    try {
      steps.audit(key, "auditor1", List.of(), List.of());
      assertThatThrownBy(() -> steps.deliberate(key, "auditor1"))
          .isInstanceOf(SubmissionRefusedException.class)
          .hasMessageContaining("may not sit on its board");
    } finally {
      engine.getIdentityService().deleteMembership("auditor1", "accountabilityBoard");
    }
  }

  @Test
  void anAuditorOpensAReviewOverTheApiAndAManagerCannot() throws Exception {
    String key =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "常州问责庚公司", 1_000_000)
            .getBusinessKey();

    Http.Answer byManager =
        post(
            "manager2",
            "/api/cases/" + key + "/accountability-reviews",
            "{\"reason\":\"抽查:检查保后监管是否按期\"}");
    assertThat(byManager.status()).isEqualTo(400);
    assertThat(byManager.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(byManager.body()).contains("Only an auditor may review accountability");
    assertThat(store.reviewsOfCase(key)).isEmpty();

    Http.Answer byAuditor =
        post(
            "auditor1",
            "/api/cases/" + key + "/accountability-reviews",
            "{\"reason\":\"抽查:检查保后监管是否按期\"}");
    assertThat(byAuditor.status()).isEqualTo(201);
    JsonNode review = byAuditor.json();
    assertThat(review.at("/review/trigger").asText()).isEqualTo("AUDITOR_REQUEST");
    assertThat(review.at("/review/openedBy").asText()).isEqualTo("auditor1");
    assertThat(review.path("status").asText()).isEqualTo("open");
    assertThat(review.path("overdue").asBoolean()).isFalse();
    assertThat(review.at("/eligibility/0/manager").asText()).isEqualTo("manager1");

    Http.Answer again =
        post(
            "auditor1",
            "/api/cases/" + key + "/accountability-reviews",
            "{\"reason\":\"重复发起同一案件的审查\"}");
    assertThat(again.body()).contains("already has an accountability review under way");
  }

  @Test
  void aManagersRecordListsEveryReviewFindingAndOutcome() throws Exception {
    String key = postGuarantee.compensatedCase("manager2", "常州问责辛公司", 5);
    AccountabilityReview review = steps.openReview(key);
    steps.audit(key, "auditor1", List.of(verdict(1, "confirm")), List.of());
    steps.deliberate(key, "board1");
    steps.waiveStatement(key, "manager2");
    steps.determineReducible(key, "board3");
    complete(key, "Task_Appeal", "manager2", Map.of("appealChoice", "accept"));

    JsonNode record = http.get("/api/managers/manager2/record").as("auditor1").send().json();
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

  // --- driving the review
  // -------------------------------------------------------------------------

  private void complete(String key, String taskKey, String user, Map<String, Object> values) {
    new LifecycleDriver(engine).completeInCase(key, taskKey, user, values);
  }

  /** A refused submission leaves the task claimed by whoever tried; hand it back to the group. */
  private void release(String key, String taskKey) {
    var task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(key)
            .taskDefinitionKey(taskKey)
            .singleResult();
    engine.getTaskService().setAssignee(task.getId(), null);
  }

  private static Map<String, Object> added(
      String manager, String clause, String stage, String evidence) {
    return Map.of(
        "manager",
        manager,
        "clause",
        clause,
        "stage",
        stage,
        "severity",
        "minor",
        "statement",
        "报告所述经营数据与后续查明事实明显不符",
        "evidence",
        evidence);
  }

  private List<String> recordTypes(String key) {
    return ledger.records(key).stream().map(EvidenceRecord::recordType).toList();
  }

  private Http.Answer post(String user, String path, String json) {
    return http.post(path).as(user).json(json).send();
  }
}
