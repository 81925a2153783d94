package com.creditdiligence.monitoring;

import static com.creditdiligence.ProcessAssertions.assertThat;
import static com.creditdiligence.demo.DemoSubmissions.compensation;
import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.preservationMeasures;
import static com.creditdiligence.demo.DemoSubmissions.problemHandling;
import static com.creditdiligence.demo.TestSubmissions.majorEventInvestigation;
import static com.creditdiligence.demo.TestSubmissions.majorEventReview;
import static com.creditdiligence.demo.TestSubmissions.monitoringReport;
import static com.creditdiligence.demo.TestSubmissions.overdueReview;
import static com.creditdiligence.demo.TestSubmissions.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.ProcessAssertions;
import com.creditdiligence.accountability.CaseDutyFacts;
import com.creditdiligence.accountability.DutyFact;
import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.accountability.OnSiteChecks;
import com.creditdiligence.accountability.ProblemMeasures;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.casefile.CaseStatus;
import com.creditdiligence.casefile.StaffGroups;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.platform.SubmissionRefusedException;
import com.creditdiligence.platform.web.RefusalStatus;
import com.creditdiligence.security.Qualification;
import com.creditdiligence.security.Qualifications;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Rejection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Stages 6–8: monitoring on a schedule by risk class, events in parallel, problem handling, closure. */
@ApplicationTest
class PostGuaranteeTest {

  @Autowired BusinessTime businessTime;
  @Autowired Qualifications qualifications;

  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired CaseFiles caseFiles;
  @Autowired EvidenceLedger ledger;
  @Autowired CaseDutyFacts dutyFacts;

  LifecycleDriver driver;
  PostGuaranteeSteps steps;

  @BeforeEach
  void setUp() {
    driver = new LifecycleDriver(engine);
    steps = new PostGuaranteeSteps(engine, events);
    ProcessAssertions.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anIssuedGuaranteeIsMonitoredQuarterlyWhileItsClassIsNormal() {
    ProcessInstance guaranteeCase = issuedGuarantee("苏州保后甲公司");

    assertThat(guaranteeCase).isWaitingAt("Task_MonitoringReport").task().isAssignedTo("manager1");
    assertThat(dueDateOfReport(guaranteeCase)).isEqualTo(businessTime.today().plusDays(90));
    assertThat(caseFiles.find(guaranteeCase.getBusinessKey()).orElseThrow().status())
        .isEqualTo(CaseStatus.IN_MONITORING);
  }

  @Test
  void reclassifiedAsSpecialMentionTheNextReportIsDueWithinAMonthAndAsSubstandardWithinTwoWeeks() {
    ProcessInstance guaranteeCase = issuedGuarantee("苏州保后乙公司");

    complete(
        guaranteeCase,
        "Task_MonitoringReport",
        "manager1",
        monitoringReport("specialMention", 10, "continueMonitoring"));

    assertThat(dueDateOfReport(guaranteeCase)).isEqualTo(businessTime.today().plusDays(30));
    complete(
        guaranteeCase,
        "Task_MonitoringReport",
        "manager1",
        monitoringReport("substandard", 95, "continueMonitoring"));
    assertThat(dueDateOfReport(guaranteeCase)).isEqualTo(businessTime.today().plusDays(14));
  }

  @Test
  void eachRoundStartsFromAnEmptyReport() {
    ProcessInstance guaranteeCase = issuedGuarantee("苏州保后乙二公司");

    complete(
        guaranteeCase,
        "Task_MonitoringReport",
        "manager1",
        monitoringReport("specialMention", 10, "continueMonitoring"));

    var variables = engine.getRuntimeService().getVariables(guaranteeCase.getId());
    assertThat(variables.get("fundsUse")).isNull();
    assertThat(variables.get("daysOverdue")).isNull();
    assertThat(variables.get("riskClass")).isEqualTo("specialMention");
    assertThat(variables.get("riskClassOnRecord")).isEqualTo("specialMention");
  }

  @Test
  void aClassBetterThanTheOverdueFloorIsRefused() {
    ProcessInstance guaranteeCase = issuedGuarantee("苏州保后丙公司");

    assertThatThrownBy(
            () ->
                complete(
                    guaranteeCase,
                    "Task_MonitoringReport",
                    "manager1",
                    monitoringReport("specialMention", 100, "continueMonitoring")))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining(
            "With 100 days overdue the class cannot be better than 次级 Substandard");
    complete(
        guaranteeCase,
        "Task_MonitoringReport",
        "manager1",
        monitoringReport("doubtful", 100, "continueMonitoring"));
  }

  @Test
  void anOverdueReportIsOnRecordAndGoesToTheDepartmentHeadWhoMayReassignTheCase() {
    ProcessInstance guaranteeCase = issuedGuarantee("苏州保后丁公司");
    // A customer manager whose qualification lapsed yesterday.
    LocalDate today = businessTime.today();
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("managerlapsed").count() == 0) {
      identity.saveUser(identity.newUser("managerlapsed"));
      identity.createMembership("managerlapsed", StaffGroups.CUSTOMER_MANAGER);
    }
    qualifications.keep(
        new Qualification("managerlapsed", "junior", today.minusYears(1), today.minusDays(1)),
        "head1",
        businessTime.now());

    steps.letMonitoringReportFallOverdue(guaranteeCase.getId());

    EvidenceRecord fact =
        ledger.records(guaranteeCase.getBusinessKey()).stream()
            .filter(r -> r.recordType().equals("MONITORING_REPORT_OVERDUE"))
            .findFirst()
            .orElseThrow();
    assertThat(fact.clause()).contains("§27(三)");
    assertThat(fact.assignee()).isEqualTo("manager1");
    assertThat(guaranteeCase).isWaitingAt("Task_MonitoringReport", "Task_ReviewOverdueReport");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(guaranteeCase.getId())
                .taskDefinitionKey("Task_ReviewOverdueReport")
                .taskCandidateGroup("departmentHead")
                .count())
        .isOne();
    // The head picks the new manager by name, among the customer managers qualified today but the
    // case's own.
    String offered =
        engine
            .getTaskService()
            .getVariable(
                engine
                    .getTaskService()
                    .createTaskQuery()
                    .processInstanceId(guaranteeCase.getId())
                    .taskDefinitionKey("Task_ReviewOverdueReport")
                    .singleResult()
                    .getId(),
                "reassignOptions")
            .toString();
    assertThat(offered)
        .contains("{\"label\":\"李经理二 (manager2)\",\"value\":\"manager2\"}")
        .doesNotContain("\"manager1\"")
        .doesNotContain("managerlapsed");

    complete(guaranteeCase, "Task_ReviewOverdueReport", "head1", overdueReview("manager2"));

    assertThat(driver.taskOf(guaranteeCase.getId(), "Task_MonitoringReport", "manager2"))
        .isNotNull();
    assertThat(caseFiles.find(guaranteeCase.getBusinessKey()).orElseThrow().caseManager())
        .isEqualTo("manager2");
  }

  @Test
  void majorEventsAndAWarningSignalAreHandledInParallelWithRoutineMonitoring() {
    ProcessInstance guaranteeCase = issuedGuarantee("苏州保后戊公司");
    String key = guaranteeCase.getBusinessKey();
    Instant now = businessTime.now();

    events.majorEvent(
        key,
        "organisationChange",
        "控股股东变更 Controlling shareholder changed",
        businessTime.today(),
        now);
    events.majorEvent(
        key, "majorLitigation", "被供应商起诉 Sued by a supplier", businessTime.today(), now);
    events.warningSignal(
        key, "financialCondition", "fc01", "利息逾期 Interest late", businessTime.today(), now);

    List<Task> investigations = tasks(guaranteeCase, "Task_MajorEventInvestigation");
    assertThat(investigations).hasSize(2);
    assertThat(investigations)
        .extracting(t -> engine.getTaskService().getVariable(t.getId(), "majorEventKind"))
        .containsExactlyInAnyOrder("organisationChange", "majorLitigation");
    assertThat(investigations.get(0).getDueDate().toInstant())
        .isEqualTo(endOfDay(businessTime.today().plusDays(5)));
    Task measures = tasks(guaranteeCase, "Task_PreservationMeasures").get(0);
    assertThat(measures.getDueDate().toInstant())
        .isEqualTo(endOfDay(businessTime.today().plusDays(3)));
    assertThat(tasks(guaranteeCase, "Task_MonitoringReport")).hasSize(1);

    // The litigation's: the change of ownership needs the customer's written report (§12), which
    // this case has not.
    Task litigation =
        investigations.stream()
            .filter(
                t ->
                    "majorLitigation"
                        .equals(engine.getTaskService().getVariable(t.getId(), "majorEventKind")))
            .findFirst()
            .orElseThrow();
    driver.completeTask(litigation.getId(), "manager1", majorEventInvestigation("normal"));
    driver.completeInCase(key, "Task_ReviewMajorEventReport", "head1", majorEventReview("normal"));
    driver.completeInCase(
        key, "Task_PreservationMeasures", "manager1", preservationMeasures(false));

    assertThat(tasks(guaranteeCase, "Task_MajorEventInvestigation")).hasSize(1);
    assertThat(
            engine
                .getTaskService()
                .getVariable(
                    tasks(guaranteeCase, "Task_MajorEventInvestigation").get(0).getId(),
                    "meFindings"))
        .isNull();
    assertThat(ledger.records(key))
        .filteredOn(r -> r.recordType().equals("EVENT_RECEIVED"))
        .hasSize(3);
    assertThat(ledger.records(key))
        .extracting(EvidenceRecord::dutyCode)
        .contains("ONSITE_AFTER_MAJOR_EVENT", "MAJOR_CHANGE_REPORTED", "PRESERVATION_MEASURES");
    assertThat(ledger.verify(key).isIntact()).isTrue();
  }

  @Test
  void anEventsFormFieldsAreDeclaredWithTheTypesTasklistSubmits() {
    ProcessInstance guaranteeCase = issuedGuarantee("苏州保后类型公司");
    events.warningSignal(
        guaranteeCase.getBusinessKey(),
        "financialCondition",
        "fc03",
        "违约 Breach",
        businessTime.today(),
        businessTime.now());
    Task measures = tasks(guaranteeCase, "Task_PreservationMeasures").get(0);

    // Tasklist submits a field with the type of the variable it finds: a checklist under a
    // Null-typed one fails.
    assertThat(
            engine
                .getTaskService()
                .getVariableTyped(measures.getId(), "attachedDocuments")
                .getType()
                .getName())
        .isEqualTo("json");
    assertThat(
            engine
                .getTaskService()
                .getVariableTyped(measures.getId(), "moveToProblemHandling")
                .getType()
                .getName())
        .isEqualTo("boolean");
  }

  @Test
  void aWarningSignalMovesTheCaseToProblemHandlingWhichEndsInCompensation() {
    ProcessInstance guaranteeCase = issuedGuarantee("苏州保后己公司");
    String key = guaranteeCase.getBusinessKey();
    events.warningSignal(
        key,
        "clientQuality",
        "cq01",
        "法定代表人失联 The legal representative cannot be reached",
        businessTime.today(),
        businessTime.now());

    driver.completeInCase(key, "Task_PreservationMeasures", "manager1", preservationMeasures(true));

    assertThat(guaranteeCase).isWaitingAt("CallActivity_ProblemHandling");
    assertThat(tasks(guaranteeCase, "Task_MonitoringReport")).isEmpty();
    assertThat(caseFiles.find(key).orElseThrow().status()).isEqualTo(CaseStatus.PROBLEM_HANDLING);
    driver.completeInCase(key, "Task_ProblemHandling", "manager1", problemHandling("compensated"));
    driver.completeInCase(
        key, "Task_RecordCompensation", "manager1", compensation(3_000_000, 1_200_000));

    assertThat(guaranteeCase).isEnded().hasPassed("End_Compensated");
    assertThat(caseFiles.find(key).orElseThrow().status()).isEqualTo(CaseStatus.COMPENSATED);
    assertThat(ledger.records(key))
        .extracting(EvidenceRecord::dutyCode)
        .contains("PROBLEM_HANDLING", "COMPENSATION_PAID");
    assertThat(ledger.verify(key).isIntact()).isTrue();
  }

  @Test
  void aRecoveredProblemGuaranteeGoesBackToMonitoring() {
    ProcessInstance guaranteeCase = issuedGuarantee("苏州保后庚公司");
    complete(
        guaranteeCase,
        "Task_MonitoringReport",
        "manager1",
        monitoringReport("substandard", 120, "transferToProblemHandling"));

    driver.completeInCase(
        guaranteeCase.getBusinessKey(),
        "Task_ProblemHandling",
        "manager1",
        problemHandling("recoveredContinue"));

    assertThat(guaranteeCase).isWaitingAt("Task_MonitoringReport");
    assertThat(caseFiles.find(guaranteeCase.getBusinessKey()).orElseThrow().status())
        .isEqualTo(CaseStatus.IN_MONITORING);
  }

  @Test
  void reusingTerminatedLimitsAfterRecoveryNeedsACommitteeMemberNotTheManager() {
    ProcessInstance guaranteeCase = issuedGuarantee("苏州保后癸公司");
    String key = guaranteeCase.getBusinessKey();
    steps.requestLimitReuse(key, "manager1");

    var approval =
        new java.util.HashMap<String, Object>(
            java.util.Map.of(
                "limitReuseDecision",
                "approve",
                "limitReuseRationale",
                "风险已化解,同意恢复剩余额度 Risk resolved; the remaining limit may be used"));
    engine.getIdentityService().createMembership("manager1", "committee");
    try {
      assertThatThrownBy(
              () -> driver.completeInCase(key, "Task_ApproveLimitReuse", "manager1", approval))
          .isInstanceOf(SubmissionRefusedException.class)
          .hasMessageContaining("may not approve re-use of its limits");
    } finally {
      engine.getIdentityService().deleteMembership("manager1", "committee");
    }
    engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_ApproveLimitReuse")
        .list()
        .forEach(t -> engine.getTaskService().setAssignee(t.getId(), null));
    driver.completeInCase(key, "Task_ApproveLimitReuse", "committee4", approval);

    assertThat(guaranteeCase).isWaitingAt("Task_MonitoringReport");
    assertThat(ledger.records(key))
        .filteredOn(r -> "LIMIT_REUSE_APPROVAL".equals(r.dutyCode()))
        .extracting(EvidenceRecord::performer)
        .containsExactly("committee4");
  }

  @Test
  void
      problemMeasuresAreDueWithinTenDaysOfTheTransferAndMeasuresRecordedLaterAreA27_5FactOfTheCase() {
    ProcessInstance guaranteeCase = issuedGuarantee("苏州保后措施甲公司");
    String key = guaranteeCase.getBusinessKey();
    complete(
        guaranteeCase,
        "Task_MonitoringReport",
        "manager1",
        monitoringReport("substandard", 95, "transferToProblemHandling"));

    Task handling = tasks(guaranteeCase, "Task_ProblemHandling").get(0);
    assertThat(handling.getDueDate().toInstant())
        .isEqualTo(endOfDay(businessTime.today().plusDays(10)));
    assertThat(ledger.records(key))
        .filteredOn(
            r ->
                r.recordType().equals("TASK_CREATED")
                    && "Task_ProblemHandling".equals(r.elementId()))
        .singleElement()
        .extracting(EvidenceRecord::findings)
        .asString()
        .contains(
            "\"dueDate\":\""
                + CanonicalForm.time(endOfDay(businessTime.today().plusDays(10)))
                + "\"");

    ClockUtil.setCurrentTime(Date.from(businessTime.now().plus(12, ChronoUnit.DAYS)));
    driver.completeInCase(
        key, "Task_ProblemHandling", "manager1", problemHandling("recoveredContinue"));
    List<DutyFact> facts =
        dutyFacts.of(key, ledger.records(key), ClockUtil.getCurrentTime().toInstant());

    assertThat(facts)
        .filteredOn(f -> f.code().equals("PROBLEM_MEASURES_TAKEN"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.VIOLATED);
              assertThat(f.stage()).isEqualTo("problemHandling");
              assertThat(f.trigger()).isEqualTo("§27(五)");
              assertThat(f.explanation()).startsWith("逾期完成").contains("done late, on ");
              assertThat(f.responsible()).isEqualTo("manager1");
            });
    assertThat(facts)
        .filteredOn(f -> f.code().equals(ProblemMeasures.DUTY))
        .singleElement()
        .extracting(DutyFact::status)
        .isEqualTo(Status.SATISFIED);
    // Monitoring ended with the transfer before an on-site check fell due; it began again on the
    // recovery.
    assertThat(facts)
        .filteredOn(f -> f.code().equals(OnSiteChecks.DUTY))
        .extracting(DutyFact::status)
        .containsExactly(Status.NOT_APPLICABLE, Status.PENDING);
  }

  @Test
  void measuresOnTimeAndALimitReuseTheCommitteeApprovedMeetSection25() {
    ProcessInstance guaranteeCase = issuedGuarantee("苏州保后措施乙公司");
    String key = guaranteeCase.getBusinessKey();
    steps.requestLimitReuse(key, "manager1");
    driver.completeInCase(
        key,
        "Task_ApproveLimitReuse",
        "committee4",
        new java.util.HashMap<>(
            java.util.Map.of(
                "limitReuseDecision", "approve",
                "limitReuseRationale",
                    "风险已化解,同意恢复剩余额度 Risk resolved; the remaining limit may be used")));

    List<DutyFact> facts = dutyFacts.of(key, ledger.records(key), businessTime.now());

    assertThat(facts)
        .filteredOn(f -> f.stage().equals("problemHandling"))
        .extracting(DutyFact::code, DutyFact::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("PROBLEM_MEASURES_TAKEN", Status.SATISFIED),
            org.assertj.core.groups.Tuple.tuple(ProblemMeasures.DUTY, Status.SATISFIED),
            org.assertj.core.groups.Tuple.tuple(ProblemMeasures.REUSE_DUTY, Status.SATISFIED));
  }

  @Test
  void noOnSiteCheckInTheHalfYearAfterTheIssueIsA27_3FactReadFromTheDeployedTable() {
    ProcessInstance guaranteeCase = issuedGuarantee("苏州保后现场甲公司");
    String key = guaranteeCase.getBusinessKey();
    LocalDate issuedOn = businessTime.today();

    List<DutyFact> early = dutyFacts.of(key, ledger.records(key), businessTime.now());
    List<DutyFact> late =
        dutyFacts.of(key, ledger.records(key), businessTime.now().plus(200, ChronoUnit.DAYS));

    assertThat(early)
        .filteredOn(f -> f.code().equals(OnSiteChecks.DUTY))
        .singleElement()
        .extracting(DutyFact::status)
        .isEqualTo(Status.PENDING);
    assertThat(late)
        .filteredOn(f -> f.code().equals(OnSiteChecks.DUTY))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.VIOLATED);
              assertThat(f.dueAt()).isEqualTo(endOfDay(issuedOn.plusDays(180)));
              assertThat(f.responsible()).isEqualTo("manager1");
              assertThat(f.clause()).isEqualTo("§23");
            });
  }

  @Test
  void aRepaidGuaranteeIsReleasedAtMaturity() {
    ProcessInstance guaranteeCase = issuedGuarantee("苏州保后辛公司");

    assertThatThrownBy(
            () -> {
              var values = monitoringReport("normal", 0, "releaseAtMaturity");
              values.put("repaidInFull", false);
              complete(guaranteeCase, "Task_MonitoringReport", "manager1", values);
            })
        .hasMessageContaining("Release requires the debt repaid in full");
    complete(
        guaranteeCase,
        "Task_MonitoringReport",
        "manager1",
        monitoringReport("normal", 0, "releaseAtMaturity"));
    complete(guaranteeCase, "Task_ReleaseGuarantee", "manager1", release());

    assertThat(guaranteeCase).isEnded().hasPassed("End_Released");
    assertThat(caseFiles.find(guaranteeCase.getBusinessKey()).orElseThrow().status())
        .isEqualTo(CaseStatus.RELEASED);
  }

  @Test
  void anEventForACaseNotInMonitoringIsAConflictAndForAnUnknownCaseNotFound() {
    String key =
        driver
            .apply("manager1", intake("苏州保后壬公司", "workingCapitalLoan", 1_000_000, 12))
            .getBusinessKey();

    assertThatThrownBy(
            () -> events.majorEvent(key, "other", "x", businessTime.today(), businessTime.now()))
        .isInstanceOf(Rejection.class)
        .hasMessageContaining("is not in post-guarantee management")
        .extracting(e -> RefusalStatus.of((Rejection) e).value())
        .isEqualTo(409);
    assertThatThrownBy(
            () ->
                events.majorEvent(
                    "GA-1999-000123", "other", "x", businessTime.today(), businessTime.now()))
        .isInstanceOf(Rejection.class)
        .extracting(e -> RefusalStatus.of((Rejection) e).value())
        .isEqualTo(404);
  }

  private ProcessInstance issuedGuarantee(String applicant) {
    return driver.issuedGuarantee("manager1", applicant, 3_000_000);
  }

  private void complete(
      ProcessInstance guaranteeCase,
      String taskKey,
      String user,
      java.util.Map<String, Object> values) {
    driver.completeInCase(guaranteeCase.getBusinessKey(), taskKey, user, values);
  }

  private LocalDate dueDateOfReport(ProcessInstance guaranteeCase) {
    return tasks(guaranteeCase, "Task_MonitoringReport")
        .get(0)
        .getDueDate()
        .toInstant()
        .atZone(businessTime.zone())
        .toLocalDate();
  }

  private List<Task> tasks(ProcessInstance guaranteeCase, String taskKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(guaranteeCase.getBusinessKey())
        .taskDefinitionKey(taskKey)
        .list();
  }

  /** Deadlines of "within N days" end with the N-th day. */
  private Instant endOfDay(LocalDate day) {
    return day.atTime(23, 59, 59).atZone(businessTime.zone()).toInstant();
  }
}
