package com.creditdiligence.committee;

import static com.creditdiligence.ProcessAssertions.assertThat;
import static com.creditdiligence.demo.DemoSubmissions.evaluation;
import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.investigation;
import static com.creditdiligence.demo.DemoSubmissions.vote;
import static com.creditdiligence.demo.TestSubmissions.reservedOpinion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.ProcessAssertions;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.casefile.CaseStatus;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.platform.SubmissionRefusedException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The committee's facts are the record's (case_file, committee_authority/round/seat, committee_vote,
 * committee_decision): a process variable of the same name, forged through the Java API as a business
 * user could through a task completion or a variable write, decides nothing.
 */
@ApplicationTest
class ForgedCommitteeFactsTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseFiles caseFiles;
  @Autowired CommitteeDecisions decisions;
  @Autowired EvidenceLedger ledger;

  LifecycleDriver driver;

  @BeforeEach
  void setUp() {
    driver = new LifecycleDriver(engine);
    ProcessAssertions.init(engine);
  }

  @Test
  void aForgedCommitteeResultDoesNotOpenContracts() {
    ProcessInstance guaranteeCase =
        driver.toCommittee(
            "manager1", intake("常州否决甲公司", "workingCapitalLoan", 3_000_000, 12), "approve");
    String id = guaranteeCase.getId();
    driver
        .voters(id)
        .forEach(member -> driver.complete(id, "Task_CommitteeVote", member, vote("reject")));
    assertThat(guaranteeCase).isWaitingAt("Task_RecordReservedOpinion");

    Map<String, Object> opinion = reservedOpinion(false);
    opinion.put("committeeResult", "approved");
    opinion.put("decisionDiffersFromRecommendation", false);
    driver.complete(id, "Task_RecordReservedOpinion", "manager1", opinion);

    assertThat(guaranteeCase)
        .isEnded()
        .hasPassed("End_RejectedByCommittee")
        .hasNotPassed("Task_SignContracts");
    assertThat(caseFiles.find(guaranteeCase.getBusinessKey()).orElseThrow().status())
        .isEqualTo(CaseStatus.REJECTED_BY_COMMITTEE);
    assertThat(ledger.verify(guaranteeCase.getBusinessKey()).isIntact()).isTrue();
  }

  @Test
  void theDecisionIsComparedWithTheRecommendationOfTheAcceptedEvaluationNotAForgedOne() {
    ProcessInstance guaranteeCase =
        driver.toCommittee(
            "manager1", intake("常州建议乙公司", "workingCapitalLoan", 3_000_000, 12), "approve");
    String id = guaranteeCase.getId();
    engine.getRuntimeService().setVariable(id, "recommendation", "reject");
    driver
        .voters(id)
        .forEach(member -> driver.complete(id, "Task_CommitteeVote", member, vote("reject")));

    // The accepted evaluation recommended approval; the committee rejected: the manager may reserve
    // an opinion.
    assertThat(guaranteeCase).isWaitingAt("Task_RecordReservedOpinion");
    assertThat(decisions.minutesOf(guaranteeCase.getBusinessKey()))
        .get()
        .asString()
        .contains("建议 Recommendation: 同意 Approve");
  }

  @Test
  void theApprovalAuthorityJudgesTheCaseFilesAmountNotAForgedOne() {
    ProcessInstance guaranteeCase =
        driver.apply("manager1", intake("常州大额丙公司", "workingCapitalLoan", 30_000_000, 12));
    String id = guaranteeCase.getId();
    driver.complete(id, "Task_CustomerInvestigation", "manager1", investigation(false));
    Map<String, Object> evaluation = evaluation("approve");
    evaluation.put("amount", 1_000_000);
    evaluation.put("product", "workingCapitalLoan");
    driver.complete(id, "Task_AnalysisEvaluation", "manager1", evaluation);
    driver.runJobs(id);

    // approval-authority.dmn: other products above 20 million — 7 members vote, 5 approvals carry.
    assertThat(driver.voters(id)).hasSize(7);
    List<String> voters = driver.voters(id);
    for (int i = 0; i < voters.size(); i++) {
      driver.complete(id, "Task_CommitteeVote", voters.get(i), vote(i < 4 ? "approve" : "reject"));
    }

    // Four approvals of seven do not carry 30,000,000 (they would have carried the forged
    // 1,000,000: 2 of 3).
    assertThat(guaranteeCase).isWaitingAt("Task_RecordReservedOpinion");
    assertThat(decisions.minutesOf(guaranteeCase.getBusinessKey()))
        .get()
        .asString()
        .contains("金额 Amount: 30000000")
        .doesNotContain("金额 Amount: 1000000 ")
        .contains("审批权限 Approval authority: 7 名委员表决,至少 5 票同意")
        .contains("同意 4 票 approvals, 否决 3 票 rejections → 否决 Rejected");
    assertThat(ledger.verify(guaranteeCase.getBusinessKey()).isIntact()).isTrue();
  }

  @Test
  void aForgedApprovalsRequiredDoesNotTurnRejectionsIntoAnApproval() {
    ProcessInstance guaranteeCase =
        driver.toCommittee(
            "manager1", intake("常州权限丁公司", "workingCapitalLoan", 3_000_000, 12), "reject");
    String id = guaranteeCase.getId();
    List<String> voters = driver.voters(id);
    Map<String, Object> forged = vote("reject");
    forged.put("committeeApprovalsRequired", 0);
    forged.put("committeeVotersRequired", 1);
    driver.complete(id, "Task_CommitteeVote", voters.get(0), forged);
    engine.getRuntimeService().setVariable(id, "committeeApprovalsRequired", 0);
    engine
        .getRuntimeService()
        .setVariable(id, "approvalAuthority", Map.of("votersRequired", 1, "approvalsRequired", 0));
    driver.complete(id, "Task_CommitteeVote", voters.get(1), vote("reject"));
    driver.complete(id, "Task_CommitteeVote", voters.get(2), vote("reject"));

    assertThat(guaranteeCase)
        .isEnded()
        .hasPassed("End_RejectedByCommittee")
        .hasNotPassed("Task_SignContracts");
    assertThat(decisions.minutesOf(guaranteeCase.getBusinessKey()))
        .get()
        .asString()
        .contains("3 名委员表决,至少 2 票同意")
        .contains("同意 0 票 approvals, 否决 3 票 rejections");
    assertThat(ledger.verify(guaranteeCase.getBusinessKey()).isIntact()).isTrue();
  }

  @Test
  void aVoteHandedToACustomerManagerIsRefusedAndCountsOnlyForTheDrawnMember() {
    ProcessInstance guaranteeCase =
        driver.toCommittee(
            "manager1", intake("常州转交戊公司", "workingCapitalLoan", 3_000_000, 12), "approve");
    String id = guaranteeCase.getId();
    Task committee1sVote = driver.taskOf(id, "Task_CommitteeVote", "committee1");
    handOver(committee1sVote, "manager2");

    assertThatThrownBy(() -> submitAs("manager2", committee1sVote.getId(), vote("approve")))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("Only the member drawn for this vote may cast it");

    handOver(committee1sVote, "committee1");
    driver
        .voters(id)
        .forEach(member -> driver.complete(id, "Task_CommitteeVote", member, vote("approve")));
    assertThat(guaranteeCase).isWaitingAt("Task_SignContracts");
    assertThat(decisions.minutesOf(guaranteeCase.getBusinessKey()))
        .get()
        .asString()
        .contains("- committee1 (")
        .doesNotContain("- manager2 (")
        .contains("同意 3 票 approvals");
    assertThat(ledger.verify(guaranteeCase.getBusinessKey()).isIntact()).isTrue();
  }

  @Test
  void aVoteHandedToAnotherMemberDoesNotSpendThatMembersOwnVote() {
    ProcessInstance guaranteeCase =
        driver.toCommittee(
            "manager1", intake("常州转交己公司", "workingCapitalLoan", 3_000_000, 12), "approve");
    String id = guaranteeCase.getId();
    Task committee1sVote = driver.taskOf(id, "Task_CommitteeVote", "committee1");
    Task committee2sVote = driver.taskOf(id, "Task_CommitteeVote", "committee2");
    handOver(committee1sVote, "committee2");

    assertThatThrownBy(() -> submitAs("committee2", committee1sVote.getId(), vote("reject")))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("Only the member drawn for this vote may cast it");
    submitAs("committee2", committee2sVote.getId(), vote("approve"));

    handOver(committee1sVote, "committee1");
    driver.complete(id, "Task_CommitteeVote", "committee1", vote("approve"));
    driver.complete(id, "Task_CommitteeVote", "committee3", vote("approve"));
    assertThat(guaranteeCase).isWaitingAt("Task_SignContracts");
    assertThat(decisions.minutesOf(guaranteeCase.getBusinessKey()))
        .get()
        .asString()
        .contains("- committee1 (")
        .contains("- committee2 (")
        .contains("同意 3 票 approvals, 否决 0 票");
  }

  @Test
  void aForgedCaseManagerDoesNotPutTheApplicantOnTheirOwnCommittee() {
    var identity = engine.getIdentityService();
    List<String> setAside =
        List.of("committee3", "committee4", "committee5", "committee6", "committee7");
    setAside.forEach(member -> identity.deleteMembership(member, "committee"));
    identity.createMembership("manager2", "committee");
    try {
      ProcessInstance guaranteeCase =
          driver.apply("manager2", intake("常州回避庚公司", "workingCapitalLoan", 3_000_000, 12));
      String id = guaranteeCase.getId();
      driver.complete(id, "Task_CustomerInvestigation", "manager2", investigation(false));
      Map<String, Object> evaluation = evaluation("approve");
      evaluation.put("caseManager", "nobody");
      driver.complete(id, "Task_AnalysisEvaluation", "manager2", evaluation);

      // committee1, committee2 and manager2 are the pool; manager2 applied for and holds the case.
      assertThatThrownBy(() -> driver.runJobs(id))
          .hasMessageContaining("Not enough committee members");
      assertThat(
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .processInstanceId(id)
                  .taskDefinitionKey("Task_CommitteeVote")
                  .count())
          .isZero();
    } finally {
      identity.deleteMembership("manager2", "committee");
      setAside.forEach(member -> identity.createMembership(member, "committee"));
    }
  }

  /** What the attacks did: the member sets committeeMember on their own vote task and hands it over. */
  private void handOver(Task voteTask, String to) {
    engine.getTaskService().setVariable(voteTask.getId(), "committeeMember", to);
    engine.getTaskService().setAssignee(voteTask.getId(), to);
  }

  private void submitAs(String user, String taskId, Map<String, Object> values) {
    LifecycleDriver.signIn(engine, user);
    try {
      engine.getFormService().submitTaskForm(taskId, values);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
