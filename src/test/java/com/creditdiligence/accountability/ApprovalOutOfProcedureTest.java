package com.creditdiligence.accountability;

import static com.creditdiligence.accountability.ReviewSteps.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.demo.DemoSubmissions;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import com.creditdiligence.platform.SubmissionRefusedException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17's story of «超越权限、违反程序审批»: an administrator cancels the committee and moves the case past it, the case
 * is implemented without a decision — and the review finds it, against the administrator, while the manager who did
 * nothing wrong stays eligible for §28; the administrator is heard and decided on by the board like a manager. And a decision a DBA lowered in the database, behind the application and its
 * ledger, is out of procedure against the authority the table gives for the case file's real product and amount.
 */
@ApplicationTest
class ApprovalOutOfProcedureTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired ReviewStore store;
  @Autowired EvidenceLedger ledger;
  @Autowired Reviews reviews;
  @Autowired CaseDutyFacts dutyFacts;
  @Autowired JdbcClient jdbc;
  @Autowired Http http;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void
      anAdministratorWhoSkipsTheCommitteeIsFoundOutAndDecidedOnByTheReviewAndTheManagerStaysEligible() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String caseId =
        driver
            .toCommittee(
                "manager1",
                DemoSubmissions.intake("无锡越权甲公司", "workingCapitalLoan", 1_000_000, 12),
                "approve")
            .getId();
    String key =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(caseId)
            .singleResult()
            .getBusinessKey();

    int status =
        http.post("/engine-rest/process-instance/" + caseId + "/modification")
            .as("admin")
            .json(
                """
            {"skipCustomListeners": false, "instructions": [
              {"type": "startBeforeActivity", "activityId": "Task_SignContracts"},
              {"type": "cancel", "activityId": "Task_CommitteeVote#multiInstanceBody"}]}""")
            .send()
            .status();
    assertThat(status).isEqualTo(204);
    // The manager implements the case as the workflow now offers it: nothing on their side says a
    // decision is missing.
    driver.complete(caseId, "Task_SignContracts", "manager1", DemoSubmissions.contracts(false));
    driver.complete(caseId, "Task_IssueGuarantee", "manager1", DemoSubmissions.issue(1_000_000));
    new PostGuaranteeSteps(engine, events).payCompensation(key, "manager1", 0);
    int intervention =
        ledger.records(key).stream()
            .filter(r -> r.recordType().equals("ADMIN_INTERVENTION"))
            .map(EvidenceRecord::sequenceNo)
            .findFirst()
            .orElseThrow();

    ReviewSteps steps = new ReviewSteps(engine, store);
    AccountabilityReview review = steps.openReview(key);
    List<ReviewFinding> findings = store.findings(review.reviewId());
    assertThat(findings).filteredOn(f -> "manager1".equals(f.manager())).isEmpty();
    ReviewFinding finding =
        findings.stream()
            .filter(f -> ApprovalProcedure.CODE.equals(f.dutyCode()))
            .findFirst()
            .orElseThrow();
    assertThat(finding.manager()).isEqualTo("admin");
    assertThat(finding.clause()).isEqualTo("§27(七)");
    assertThat(finding.severity()).isEqualTo("major");
    assertThat(finding.stage()).isEqualTo(ExemptionEligibility.APPROVAL_STAGE);
    assertThat(finding.explanation())
        .contains("超越权限、违反程序审批")
        .contains("《商业银行授信工作尽职指引》")
        .contains("ModifyProcessInstance by admin")
        .contains("no approving committee decision");
    assertThat(finding.evidence()).contains(intervention);

    steps.audit(key, "auditor1", List.of(verdict(finding.findingNo(), "confirm")), List.of());
    assertThat(store.findings(review.reviewId()))
        .filteredOn(f -> f.findingNo() == finding.findingNo())
        .singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo(ReviewFinding.CONFIRMED));
    ExemptionEligibility.Eligibility manager = reviews.eligibility(review.reviewId(), "manager1");
    assertThat(manager.eligible()).as(String.join("\n", manager.reasons())).isTrue();
    assertThat(manager.standingFindings()).isEmpty();
    ExemptionEligibility.Eligibility intervener = reviews.eligibility(review.reviewId(), "admin");
    assertThat(intervener.eligible()).isFalse();
    assertThat(intervener.clauses()).containsExactly("§27(七)");

    // The intervener is decided on like a manager: heard, then determined by the board, who may
    // cite §27(七) to them only.
    assertThat(engine.getRuntimeService().getVariable(review.reviewId(), "managersUnderReview"))
        .isEqualTo(List.of("admin", "manager1"));
    steps.deliberate(key, "board1");
    steps.waiveStatement(key, "admin");
    steps.waiveStatement(key, "manager1");
    assertThatThrownBy(() -> determine(review, "manager1", "notExempt", List.of("§27(七)")))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("§27(七)");
    release(review, "manager1");
    determine(review, "manager1", "exempt", List.of());
    determine(review, "admin", "notExempt", List.of("§27(七)"));
    new LifecycleDriver(engine)
        .completeInCase(key, "Task_Appeal", "admin", Map.of("appealChoice", "accept"));

    assertThat(store.review(review.reviewId()).orElseThrow().closed()).isTrue();
    assertThat(store.determinations(review.reviewId()))
        .extracting(
            Determination::manager, Determination::tier, Determination::eligibleForExemption)
        .containsExactlyInAnyOrder(
            tuple("manager1", Tier.EXEMPT, true), tuple("admin", Tier.NOT_EXEMPT, false));
  }

  /** The board's determination for one person under review, by a board member who claims that person's task. */
  private void determine(
      AccountabilityReview review, String person, String tier, List<String> clauses) {
    Task task = determinationOf(review, person);
    LifecycleDriver.signIn(engine, "board2");
    try {
      if (task.getAssignee() == null) {
        engine.getTaskService().claim(task.getId(), "board2");
      }
      engine
          .getFormService()
          .submitTaskForm(
              task.getId(),
              Map.of(
                  "tier",
                  tier,
                  "determinationClauses",
                  SpinValues.jsonValue(CanonicalForm.json(clauses)).create(),
                  "determinationRationale",
                  "依据已确认的情形与证据记录作出认定"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** A refused submission leaves the task claimed; hand it back to the board. */
  private void release(AccountabilityReview review, String person) {
    engine.getTaskService().setAssignee(determinationOf(review, person).getId(), null);
  }

  private Task determinationOf(AccountabilityReview review, String person) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(review.reviewId())
        .taskDefinitionKey("Task_BoardDetermination")
        .list()
        .stream()
        .filter(t -> person.equals(engine.getTaskService().getVariable(t.getId(), "manager")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void
      aRejectionADbaTurnsIntoAnApprovalUnderALowerThresholdIsOutOfProcedureAndNamesNobodyOnTheRecord() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    var guaranteeCase =
        driver.toCommittee(
            "manager1",
            DemoSubmissions.intake("无锡越权乙公司", "workingCapitalLoan", 1_000_000, 12),
            "approve");
    String caseId = guaranteeCase.getId();
    String key = guaranteeCase.getBusinessKey();
    // 1,000,000 of working capital: the table gives 3 voters, 2 approvals to carry; one approves,
    // two reject.
    List<String> voters = driver.voters(caseId);
    assertThat(voters).hasSize(3);
    driver.complete(caseId, "Task_CommitteeVote", voters.get(0), DemoSubmissions.vote("approve"));
    driver.complete(caseId, "Task_CommitteeVote", voters.get(1), DemoSubmissions.vote("reject"));
    driver.complete(caseId, "Task_CommitteeVote", voters.get(2), DemoSubmissions.vote("reject"));
    assertThat(procedure(key).status())
        .as("control: a rejection as the votes and the table say")
        .isEqualTo(Status.SATISFIED);

    // A DBA lowers the threshold in both the authority and the decision and makes it an approval:
    // the votes recount
    // as approved under the forged threshold, so only the table, asked again for the case file's
    // amount, tells.
    jdbc.sql("UPDATE committee_authority SET approvals_required = 1 WHERE business_key = ?")
        .param(key)
        .update();
    jdbc.sql(
            "UPDATE committee_decision SET approvals_required = 1, result = 'approved' WHERE business_key = ?")
        .param(key)
        .update();

    DutyFact fact = procedure(key);
    assertThat(fact.status()).isEqualTo(Status.VIOLATED);
    assertThat(fact.explanation())
        .contains("3 voters and 1 approvals")
        .contains("requires 3 and 2")
        .doesNotContain("recount");
    assertThat(fact.responsible()).isNull();
    assertThat(ledger.verify(key).isIntact()).as("the DBA's change is beside the ledger").isTrue();
  }

  @Test
  void aResultADbaChangesAgainstTheVotesIsOutOfProcedure() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    var guaranteeCase =
        driver.toCommittee(
            "manager1",
            DemoSubmissions.intake("无锡越权丙公司", "workingCapitalLoan", 1_000_000, 12),
            "approve");
    String caseId = guaranteeCase.getId();
    List<String> voters = driver.voters(caseId);
    driver.complete(caseId, "Task_CommitteeVote", voters.get(0), DemoSubmissions.vote("approve"));
    driver.complete(caseId, "Task_CommitteeVote", voters.get(1), DemoSubmissions.vote("reject"));
    driver.complete(caseId, "Task_CommitteeVote", voters.get(2), DemoSubmissions.vote("reject"));

    jdbc.sql("UPDATE committee_decision SET result = 'approved' WHERE business_key = ?")
        .param(guaranteeCase.getBusinessKey())
        .update();

    DutyFact fact = procedure(guaranteeCase.getBusinessKey());
    assertThat(fact.status()).isEqualTo(Status.VIOLATED);
    assertThat(fact.explanation())
        .contains("the decision says approved")
        .contains("the votes recount rejected");
  }

  @Test
  void aCaseApprovedAsTheTableAndTheVotesSayIsInProcedure() {
    String key =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "无锡越权丁公司", 1_000_000)
            .getBusinessKey();

    DutyFact fact = procedure(key);
    assertThat(fact.status()).isEqualTo(Status.SATISFIED);
    assertThat(fact.explanation()).contains("approved");
  }

  private DutyFact procedure(String key) {
    return dutyFacts.of(key, ledger.records(key), ClockUtil.getCurrentTime().toInstant()).stream()
        .filter(f -> ApprovalProcedure.CODE.equals(f.code()))
        .findFirst()
        .orElseThrow();
  }
}
