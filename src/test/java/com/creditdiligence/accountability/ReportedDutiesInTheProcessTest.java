package com.creditdiligence.accountability;

import static com.creditdiligence.demo.TestSubmissions.customerChangeInvestigation;
import static com.creditdiligence.demo.TestSubmissions.majorEventInvestigation;
import static com.creditdiligence.demo.TestSubmissions.majorEventReview;
import static com.creditdiligence.demo.TestSubmissions.monitoringReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.demo.DemoSubmissions;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.demo.TestSubmissions;
import com.creditdiligence.documents.CaseDocuments;
import com.creditdiligence.documents.SampleFiles;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.platform.SubmissionRefusedException;
import com.creditdiligence.submission.BusinessTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** §12, §14, §24, §26 through the real process: what the manager submits in Tasklist is what the duty facts judge. */
@ApplicationTest
class ReportedDutiesInTheProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;
  @Autowired CaseEvents events;
  @Autowired CaseDocuments documents;
  @Autowired CaseDutyFacts dutyFacts;
  @Autowired BusinessTime businessTime;

  @Test
  void theInvestigationRecordedTwoDaysAfterItsVisitReportsItsResultsInTime() {
    String key =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "苏州报告甲公司", 1_000_000)
            .getBusinessKey();

    DutyFact fact = only(facts(key), "INVESTIGATION_RESULTS_REPORTED");

    assertThat(fact.status()).isEqualTo(Status.SATISFIED);
    assertThat(fact.responsible()).isEqualTo("manager1");
  }

  @Test
  void anInvestigationRecordedEightDaysAfterItsVisitReportedItsResultsLate() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    ProcessInstance guaranteeCase =
        driver.apply(
            "manager1", DemoSubmissions.intake("苏州报告乙公司", "workingCapitalLoan", 1_000_000, 12));
    Map<String, Object> investigation = DemoSubmissions.investigation(false);
    investigation.put("onSiteVisitDate", businessTime.today().minusDays(8).toString());
    driver.complete(guaranteeCase.getId(), "Task_CustomerInvestigation", "manager1", investigation);

    DutyFact fact = only(facts(guaranteeCase.getBusinessKey()), "INVESTIGATION_RESULTS_REPORTED");

    assertThat(fact.status()).isEqualTo(Status.VIOLATED);
    assertThat(fact.explanation()).contains("reported late", "within 5 days");
    assertThat(fact.responsible()).isEqualTo("manager1");
  }

  @Test
  void anEmergencyIsPendingUntilTheHeadHasReviewedItsReportAndThenReportedToTheLeader() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "苏州突发丙公司", 1_000_000).getBusinessKey();
    events.majorEvent(
        key, "emergency", "厂区火灾 Fire at the plant", businessTime.today(), Instant.now());
    driver.completeInCase(
        key, "Task_MajorEventInvestigation", "manager1", majorEventInvestigation("specialMention"));

    DutyFact waiting = only(facts(key), "EMERGENCY_REPORTED_TO_LEADER");
    assertThat(waiting.status()).isEqualTo(Status.PENDING);
    assertThat(waiting.clause()).isEqualTo("§14");

    driver.completeInCase(
        key, "Task_ReviewMajorEventReport", "head1", majorEventReview("specialMention"));

    DutyFact reported = only(facts(key), "EMERGENCY_REPORTED_TO_LEADER");
    assertThat(reported.status()).isEqualTo(Status.SATISFIED);
    assertThat(reported.explanation()).contains("reviewed by head1");
    assertThat(reported.responsible()).isEqualTo("manager1");
  }

  @Test
  void aChangeOfOwnershipIsRecordedOnlyWithTheCustomersWrittenReportAndIsThenReVerified() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "苏州变更丁公司", 1_000_000).getBusinessKey();
    events.majorEvent(
        key,
        "organisationChange",
        "控股股东变更 Controlling shareholder changed",
        businessTime.today(),
        Instant.now());

    assertThatThrownBy(
            () ->
                driver.completeInCase(
                    key,
                    "Task_MajorEventInvestigation",
                    "manager1",
                    majorEventInvestigation("normal")))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("Attach the customer's written report")
        .hasMessageContaining("How the change was verified (§12)")
        .hasMessageContaining("re-entered in the customer's file");

    byte[] report =
        SampleFiles.pdf("customer's written report of the change of its controlling shareholder");
    documents.file(key, "股权变更书面报告.pdf", report, "manager1", Instant.now());
    driver.completeInCase(
        key,
        "Task_MajorEventInvestigation",
        "manager1",
        customerChangeInvestigation("normal", "sha256:" + CanonicalForm.sha256Hex(report)));

    DutyFact fact = only(facts(key), "CUSTOMER_CHANGE_REVERIFIED");
    assertThat(fact.status()).isEqualTo(Status.SATISFIED);
    assertThat(fact.explanation())
        .contains("股权变更书面报告.pdf sha256:" + CanonicalForm.sha256Hex(report).substring(0, 12));
    assertThat(fact.responsible()).isEqualTo("manager1");
  }

  @Test
  void anAdjustmentIsRefusedWithoutGroundsAndJudgedGroundedWithThem() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "苏州调整戊公司", 1_000_000).getBusinessKey();
    Map<String, Object> report = monitoringReport("normal", 0, "continueMonitoring");
    report.put("adjustment", "reduceAmount");

    assertThatThrownBy(
            () -> driver.completeInCase(key, "Task_MonitoringReport", "manager1", report))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining(
            "Grounds of the adjustment in repayment capacity and cash flow (§24)");

    report.put(
        "adjustmentNote",
        "销售回款下降两成,现金流仅覆盖八成担保额 Collections down a fifth; cash flow covers 80% of "
            + "the guaranteed amount");
    driver.completeInCase(key, "Task_MonitoringReport", "manager1", report);

    DutyFact fact = only(facts(key), "ADJUSTMENT_GROUNDED");
    assertThat(fact.status()).isEqualTo(Status.SATISFIED);
    assertThat(fact.explanation()).contains("缩减担保额 reduction", "Collections down a fifth");
    assertThat(open(key, "Task_ApproveAdjustment")).isZero();
    assertThat(facts(key)).noneMatch(f -> f.code().equals("ADJUSTMENT_APPROVED"));
  }

  @Test
  void anExtensionWaitsForTheDepartmentHeadsApprovalAndTheMonitoringGoesOnOnceApproved() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "苏州展期己公司", 1_000_000).getBusinessKey();
    driver.completeInCase(
        key,
        "Task_MonitoringReport",
        "manager1",
        TestSubmissions.adjustedMonitoringReport("extension"));

    assertThat(open(key, "Task_MonitoringReport")).isZero();
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(key)
                .taskDefinitionKey("Task_ApproveAdjustment")
                .taskCandidateGroup("departmentHead")
                .count())
        .isOne();
    assertThat(only(facts(key), "ADJUSTMENT_APPROVED").status()).isEqualTo(Status.PENDING);

    driver.completeInCase(
        key, "Task_ApproveAdjustment", "head1", TestSubmissions.adjustmentApproval("approve"));

    DutyFact approved = only(facts(key), "ADJUSTMENT_APPROVED");
    assertThat(approved.status()).isEqualTo(Status.SATISFIED);
    assertThat(approved.explanation()).contains("approved by head1");
    assertThat(only(facts(key), "ADJUSTMENT_GROUNDED").status()).isEqualTo(Status.SATISFIED);
    assertThat(open(key, "Task_MonitoringReport")).isOne();
  }

  @Test
  void theCasesOwnManagerMayNotApproveItsAdjustment() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "苏州展期庚公司", 1_000_000).getBusinessKey();
    driver.completeInCase(
        key,
        "Task_MonitoringReport",
        "manager1",
        TestSubmissions.adjustedMonitoringReport("increaseAmount"));

    // Even a manager who is also in the department heads' group.
    engine.getIdentityService().createMembership("manager1", "departmentHead");
    try {
      assertThatThrownBy(
              () ->
                  driver.completeInCase(
                      key,
                      "Task_ApproveAdjustment",
                      "manager1",
                      TestSubmissions.adjustmentApproval("approve")))
          .isInstanceOf(SubmissionRefusedException.class)
          .hasMessageContaining("The case's own manager may not approve its adjustment");
    } finally {
      engine.getIdentityService().deleteMembership("manager1", "departmentHead");
    }
    engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_ApproveAdjustment")
        .list()
        .forEach(t -> engine.getTaskService().setAssignee(t.getId(), null));
    assertThat(only(facts(key), "ADJUSTMENT_APPROVED").status()).isEqualTo(Status.PENDING);
  }

  private long open(String key, String taskKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(key)
        .taskDefinitionKey(taskKey)
        .count();
  }

  private List<DutyFact> facts(String key) {
    return dutyFacts.of(key, ledger.records(key), Instant.now());
  }

  private static DutyFact only(List<DutyFact> facts, String code) {
    List<DutyFact> of = facts.stream().filter(f -> f.code().equals(code)).toList();
    assertThat(of).as(code).hasSize(1);
    return of.get(0);
  }
}
