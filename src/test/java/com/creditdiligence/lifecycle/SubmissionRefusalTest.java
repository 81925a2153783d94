package com.creditdiligence.lifecycle;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.investigation;
import static com.creditdiligence.demo.DemoSubmissions.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.platform.SubmissionRefusedException;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The server refuses what the rules forbid, however the completion arrives, and keeps nothing of it. */
@ApplicationTest
class SubmissionRefusalTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseFiles caseFiles;
  @Autowired Http http;

  LifecycleDriver driver;

  @BeforeEach
  void setUp() {
    driver = new LifecycleDriver(engine);
  }

  @Test
  void anInvestigationWithAMissingDocumentIsRefusedAndNothingOfItIsKept() {
    ProcessInstance guaranteeCase =
        driver.apply("manager1", intake("苏州丁公司", "workingCapitalLoan", 2_000_000, 12));
    Map<String, Object> values = investigation(false);
    values.put("doc04Status", "missing");

    assertThatThrownBy(
            () ->
                driver.complete(
                    guaranteeCase.getId(), "Task_CustomerInvestigation", "manager1", values))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("Audited financial statements")
        .hasMessageContaining("is missing — verify it or accept it to be supplied (§9)");

    assertThat(driver.taskOf(guaranteeCase.getId(), "Task_CustomerInvestigation", "manager1"))
        .isNotNull();
    assertThat(engine.getRuntimeService().getVariables(guaranteeCase.getId()))
        .doesNotContainKeys("doc04Status", "onSiteVisitFindings");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(guaranteeCase.getId())
                .variableName("onSiteVisitFindings")
                .count())
        .isZero();
  }

  @Test
  void anInvestigationWithoutAnOnSiteVisitIsRefused() {
    ProcessInstance guaranteeCase =
        driver.apply("manager1", intake("苏州戊公司", "workingCapitalLoan", 2_000_000, 12));
    Map<String, Object> values = investigation(false);
    values.remove("onSiteVisitDate");
    values.put("onSiteVisitFindings", "好");

    assertThatThrownBy(
            () ->
                driver.complete(
                    guaranteeCase.getId(), "Task_CustomerInvestigation", "manager1", values))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("On-site visit date (§10) 必须填写有效日期 must be a valid date")
        .hasMessageContaining("On-site findings (§10) 过于简略");
  }

  @Test
  void aDocumentMarkedNotApplicableNeedsAReason() {
    ProcessInstance guaranteeCase =
        driver.apply("manager1", intake("苏州己公司", "workingCapitalLoan", 2_000_000, 12));
    Map<String, Object> values = investigation(false);
    values.put("doc10Status", "notApplicable");
    values.put("doc10Note", " ");

    assertThatThrownBy(
            () ->
                driver.complete(
                    guaranteeCase.getId(), "Task_CustomerInvestigation", "manager1", values))
        .hasMessageContaining(
            "Resolution on profit distribution: 不适用须说明理由 not applicable needs a reason");
  }

  @Test
  void aRefusalThroughEngineRestIsA400WithTheRulesOwnWords() {
    ProcessInstance guaranteeCase =
        driver.apply("manager1", intake("苏州庚公司", "workingCapitalLoan", 2_000_000, 12));
    driver.complete(
        guaranteeCase.getId(), "Task_CustomerInvestigation", "manager1", investigation(false));
    Task evaluationTask =
        driver.taskOf(guaranteeCase.getId(), "Task_AnalysisEvaluation", "manager1");
    String body =
        """
        {"variables": {"recommendation": {"value": "approve", "type": "String"},
                       "financialAnalysis": {"value": "ok", "type": "String"}}}""";

    Http.Answer response =
        http.post("/engine-rest/task/" + evaluationTask.getId() + "/submit-form")
            .as("manager1")
            .json(body)
            .send();

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"message\":\"提交未被接受 Submission refused")
        .doesNotContain("Cannot submit")
        .contains("财务预测 Financial forecast (§16) 必须填写 is required")
        .contains("Counter-guarantor eligibility and capacity (§18) 必须填写 is required");
    assertThat(engine.getTaskService().createTaskQuery().taskId(evaluationTask.getId()).count())
        .isOne();
    assertThat(engine.getRuntimeService().getVariables(guaranteeCase.getId()))
        .doesNotContainKey("recommendation");
  }

  @Test
  void theCasesOwnManagerCannotCastAVoteOnIt() {
    ProcessInstance guaranteeCase = atCommittee();
    Task voteTask = driver.taskOf(guaranteeCase.getId(), "Task_CommitteeVote", "committee1");

    // Camunda's grants keep the manager away from a committee member's task altogether...
    LifecycleDriver.signIn(engine, "manager1");
    try {
      assertThatThrownBy(
              () -> engine.getFormService().submitTaskForm(voteTask.getId(), vote("approve")))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    // ...and should someone give them access to it, the vote's own rule still refuses, and says
    // why.
    engine.getTaskService().addCandidateUser(voteTask.getId(), "manager1");
    LifecycleDriver.signIn(engine, "manager1");
    try {
      assertThatThrownBy(
              () -> engine.getFormService().submitTaskForm(voteTask.getId(), vote("approve")))
          .isInstanceOf(SubmissionRefusedException.class)
          .hasMessageContaining("The case's customer manager may not vote on it");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void aVoteWithoutRationaleIsRefused() {
    ProcessInstance guaranteeCase = atCommittee();
    Map<String, Object> values = vote("reject");
    values.put("voteRationale", "");

    assertThatThrownBy(
            () ->
                driver.complete(guaranteeCase.getId(), "Task_CommitteeVote", "committee2", values))
        .hasMessageContaining("表决理由 Rationale 必须填写 is required");
  }

  @Test
  void anIntakeFormWithABadCreditCodeStartsNoCase() {
    int casesBefore = caseFiles.all().size();
    long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().count();
    Map<String, Object> values = intake("苏州辛公司", "workingCapitalLoan", 2_000_000, 12);
    values.put("unifiedSocialCreditCode", "123");
    values.put("amount", 0);

    assertThatThrownBy(() -> driver.apply("manager1", values))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("unified social credit code must be 18 digits")
        .hasMessageContaining("Amount 不得小于 must not be less than 1");
    assertThat(caseFiles.all()).hasSize(casesBefore);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count())
        .isEqualTo(instancesBefore);
  }

  private ProcessInstance atCommittee() {
    ProcessInstance guaranteeCase =
        driver.toCommittee(
            "manager1", intake("苏州壬公司", "workingCapitalLoan", 2_000_000, 12), "approve");
    return guaranteeCase;
  }
}
