package com.creditdiligence.lifecycle;

import static com.creditdiligence.ProcessAssertions.assertThat;
import static com.creditdiligence.demo.DemoSubmissions.contracts;
import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.issue;
import static com.creditdiligence.demo.DemoSubmissions.vote;
import static com.creditdiligence.demo.TestSubmissions.conflictOfInterest;
import static com.creditdiligence.demo.TestSubmissions.reservedOpinion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.ProcessAssertions;
import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.casefile.CaseStatus;
import com.creditdiligence.committee.CommitteeDecisions;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.platform.SubmissionRefusedException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of stages 1–5, driven as users drive it in Tasklist. */
@ApplicationTest
class GuaranteeLifecycleTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseFiles caseFiles;
  @Autowired CommitteeDecisions decisions;
  @Autowired EvidenceLedger ledger;

  private static final ObjectMapper JSON = new ObjectMapper();

  LifecycleDriver driver;

  @BeforeEach
  void setUp() {
    driver = new LifecycleDriver(engine);
    ProcessAssertions.init(engine);
  }

  @Test
  void aNaturalPersonIsRejectedAtIntakeWithTheReasonStored() {
    Map<String, Object> application = intake("陈某某", "workingCapitalLoan", 500_000, 12);
    application.put("applicantType", "naturalPerson");
    application.put("creditRecord", "adverse");

    ProcessInstance guaranteeCase = driver.apply("manager1", application);

    assertThat(guaranteeCase)
        .isEnded()
        .hasPassed("Task_RecordIntakeRejection")
        .hasPassed("End_RejectedAtIntake");
    CaseFile file = caseOf(guaranteeCase.getId());
    assertThat(file.status()).isEqualTo(CaseStatus.REJECTED_AT_INTAKE);
    assertThat(file.statusReason())
        .contains("§2")
        .contains("natural person")
        .contains("adverse credit record");
  }

  @Test
  void anEligibleApplicationGetsAnApplicationNumberAndGoesToTheManagersInvestigation() {
    ProcessInstance guaranteeCase =
        driver.apply("manager1", intake("苏州甲公司", "workingCapitalLoan", 3_000_000, 12));

    assertThat(guaranteeCase)
        .isWaitingAt("Task_CustomerInvestigation")
        .task()
        .isAssignedTo("manager1");
    assertThat(guaranteeCase.getBusinessKey()).matches("GA-\\d{4}-\\d{6}");
    assertThat(caseOf(guaranteeCase.getId()).status()).isEqualTo(CaseStatus.REGISTERED);
  }

  @Test
  void anApprovedCaseRunsToAnIssuedGuaranteeUnderMonitoring() {
    ProcessInstance guaranteeCase = toCommittee("approve", 3_000_000);
    assertThat(driver.voters(guaranteeCase.getId()))
        .containsExactly("committee1", "committee2", "committee3");

    driver.complete(guaranteeCase.getId(), "Task_CommitteeVote", "committee1", vote("approve"));
    driver.complete(guaranteeCase.getId(), "Task_CommitteeVote", "committee2", vote("reject"));
    driver.complete(guaranteeCase.getId(), "Task_CommitteeVote", "committee3", vote("approve"));

    assertThat(guaranteeCase)
        .isWaitingAt("Task_SignContracts")
        .hasNotPassed("Task_RecordReservedOpinion");
    driver.complete(guaranteeCase.getId(), "Task_SignContracts", "manager1", contracts(false));
    driver.complete(guaranteeCase.getId(), "Task_IssueGuarantee", "manager1", issue(3_000_000));

    assertThat(guaranteeCase).isWaitingAt("Task_MonitoringReport").hasPassed("Task_IssueGuarantee");
    assertThat(caseOf(guaranteeCase.getId()).status()).isEqualTo(CaseStatus.IN_MONITORING);
    assertThat(decisions.minutesOf(guaranteeCase.getBusinessKey()))
        .get()
        .asString()
        .contains("committee1")
        .contains("committee2")
        .contains("否决 Reject")
        .contains("通过 Approved")
        .contains("同意 2 票 approvals, 否决 1 票 rejections");
  }

  @Test
  void
      aConditionalApprovalDiffersFromAPlainRecommendationAndItsConditionsMustBeFulfilledBeforeContracts() {
    ProcessInstance guaranteeCase = toCommittee("approve", 3_000_000);
    driver.complete(
        guaranteeCase.getId(), "Task_CommitteeVote", "committee1", vote("approveWithConditions"));
    driver.complete(guaranteeCase.getId(), "Task_CommitteeVote", "committee2", vote("approve"));
    driver.complete(guaranteeCase.getId(), "Task_CommitteeVote", "committee3", vote("approve"));

    assertThat(guaranteeCase)
        .isWaitingAt("Task_RecordReservedOpinion")
        .variables()
        .containsEntry("committeeResult", "approvedWithConditions");
    driver.complete(
        guaranteeCase.getId(), "Task_RecordReservedOpinion", "manager1", reservedOpinion(false));

    assertThatThrownBy(
            () ->
                driver.complete(
                    guaranteeCase.getId(), "Task_SignContracts", "manager1", contracts(false)))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("Every condition of the approval must be fulfilled first");
    driver.complete(guaranteeCase.getId(), "Task_SignContracts", "manager1", contracts(true));
    assertThat(guaranteeCase).isWaitingAt("Task_IssueGuarantee");
  }

  @Test
  void whenTheCommitteeRejectsARecommendedCaseTheManagerMayReserveTheirOpinion() throws Exception {
    ProcessInstance guaranteeCase = toCommittee("approve", 3_000_000);
    driver.complete(guaranteeCase.getId(), "Task_CommitteeVote", "committee1", vote("reject"));
    driver.complete(guaranteeCase.getId(), "Task_CommitteeVote", "committee2", vote("reject"));
    driver.complete(guaranteeCase.getId(), "Task_CommitteeVote", "committee3", vote("approve"));

    assertThat(guaranteeCase)
        .isWaitingAt("Task_RecordReservedOpinion")
        .task()
        .isAssignedTo("manager1");
    driver.complete(
        guaranteeCase.getId(), "Task_RecordReservedOpinion", "manager1", reservedOpinion(true));

    assertThat(guaranteeCase)
        .isEnded()
        .hasPassed("End_RejectedByCommittee")
        .hasNotPassed("Task_SignContracts");
    assertThat(caseOf(guaranteeCase.getId()).status()).isEqualTo(CaseStatus.REJECTED_BY_COMMITTEE);
    // The opinion is kept where every submitted value is: the ledger's record of the completion.
    List<EvidenceRecord> opinions =
        ledger.records(guaranteeCase.getBusinessKey()).stream()
            .filter(r -> "Task_RecordReservedOpinion".equals(r.elementId()))
            // its completion, not the task's creation or assignment
            .filter(r -> !r.is(RecordType.TASK_CREATED) && !r.is(RecordType.TASK_ASSIGNED))
            .toList();
    assertThat(opinions).hasSize(1);
    EvidenceRecord opinion = opinions.get(0);
    assertThat(opinion.performer()).isEqualTo("manager1");
    assertThat(JSON.readTree(opinion.findings()).path("reservedOpinionText").asText())
        .contains("not well founded");
  }

  @Test
  void aRejectionTheManagerRecommendedNeedsNoReservedOpinion() {
    ProcessInstance guaranteeCase = toCommittee("reject", 3_000_000);
    driver
        .voters(guaranteeCase.getId())
        .forEach(
            member ->
                driver.complete(
                    guaranteeCase.getId(), "Task_CommitteeVote", member, vote("reject")));

    assertThat(guaranteeCase)
        .isEnded()
        .hasPassed("End_RejectedByCommittee")
        .hasNotPassed("Task_RecordReservedOpinion");
  }

  @Test
  void aMemberWhoDeclaresAConflictOfInterestIsReplacedByTheNextMember() {
    ProcessInstance guaranteeCase = toCommittee("approve", 3_000_000);
    driver.complete(
        guaranteeCase.getId(), "Task_CommitteeVote", "committee2", conflictOfInterest());
    driver.complete(guaranteeCase.getId(), "Task_CommitteeVote", "committee1", vote("approve"));
    driver.complete(guaranteeCase.getId(), "Task_CommitteeVote", "committee3", vote("approve"));

    assertThat(guaranteeCase).isWaitingAt("Task_ConveneCommittee");
    driver.runJobs(guaranteeCase.getId());
    assertThat(driver.voters(guaranteeCase.getId())).containsExactly("committee4");
    driver.complete(guaranteeCase.getId(), "Task_CommitteeVote", "committee4", vote("approve"));

    assertThat(guaranteeCase).isWaitingAt("Task_SignContracts");
    assertThat(decisions.minutesOf(guaranteeCase.getBusinessKey()))
        .get()
        .asString()
        .contains("committee2")
        .contains("回避(利益冲突) withdrew")
        .contains("同意 3 票 approvals");
  }

  @Test
  void theCasesOwnManagerIsNeverDrawnEvenWhenTheySitOnTheCommittee() {
    engine.getIdentityService().createMembership("manager2", "committee");
    try {
      ProcessInstance guaranteeCase =
          driver.toCommittee(
              "manager2", intake("苏州乙公司", "workingCapitalLoan", 3_000_000, 12), "approve");

      assertThat(driver.voters(guaranteeCase.getId())).hasSize(3).doesNotContain("manager2");
    } finally {
      engine.getIdentityService().deleteMembership("manager2", "committee");
    }
  }

  @Test
  void largerAmountsNeedALargerCommittee() {
    ProcessInstance guaranteeCase = toCommittee("approve", 12_000_000);

    assertThat(driver.voters(guaranteeCase.getId())).hasSize(5);
    assertThat(guaranteeCase).variables().containsEntry("committeeApprovalsRequired", 4);
  }

  private ProcessInstance toCommittee(String recommendation, long amount) {
    ProcessInstance guaranteeCase =
        driver.toCommittee(
            "manager1", intake("无锡丙公司", "workingCapitalLoan", amount, 12), recommendation);
    assertThat(guaranteeCase).isWaitingAt("Task_CommitteeVote");
    return guaranteeCase;
  }

  private CaseFile caseOf(String processInstanceId) {
    List<CaseFile> all = caseFiles.all();
    return all.stream()
        .filter(f -> f.processInstanceId().equals(processInstanceId))
        .findFirst()
        .orElseThrow();
  }
}
