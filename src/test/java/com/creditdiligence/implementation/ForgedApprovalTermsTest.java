package com.creditdiligence.implementation;

import static com.creditdiligence.ProcessAssertions.assertThat;
import static com.creditdiligence.demo.DemoSubmissions.contracts;
import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.issue;
import static com.creditdiligence.demo.DemoSubmissions.vote;
import static com.creditdiligence.demo.TestSubmissions.reservedOpinion;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.ProcessAssertions;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.platform.SubmissionRefusedException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The guarantee is issued within what the record approved, whatever amount or result a submission carries. */
@ApplicationTest
class ForgedApprovalTermsTest {

  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;

  LifecycleDriver driver;

  @BeforeEach
  void setUp() {
    driver = new LifecycleDriver(engine);
    ProcessAssertions.init(engine);
  }

  @Test
  void aForgedAmountDoesNotRaiseTheApprovedAmount() {
    ProcessInstance guaranteeCase = approved("常州保函甲公司", "approve");
    String id = guaranteeCase.getId();
    driver.complete(id, "Task_SignContracts", "manager1", contracts(false));

    Map<String, Object> letter = issue(5_000_000);
    letter.put("amount", 5_000_000);
    assertThatThrownBy(() -> driver.complete(id, "Task_IssueGuarantee", "manager1", letter))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("may not exceed the approved amount 1000000");

    driver.complete(id, "Task_IssueGuarantee", "manager1", issue(1_000_000));
    assertThat(guaranteeCase).isWaitingAt("Task_MonitoringReport");
    org.assertj.core.api.Assertions.assertThat(
            ledger.verify(guaranteeCase.getBusinessKey()).isIntact())
        .isTrue();
  }

  @Test
  void aForgedCommitteeResultDoesNotWaiveTheApprovalsConditions() {
    ProcessInstance guaranteeCase =
        driver.toCommittee(
            "manager1", intake("常州条件乙公司", "workingCapitalLoan", 1_000_000, 12), "approve");
    String id = guaranteeCase.getId();
    driver.complete(id, "Task_CommitteeVote", "committee1", vote("approveWithConditions"));
    driver.complete(id, "Task_CommitteeVote", "committee2", vote("approve"));
    driver.complete(id, "Task_CommitteeVote", "committee3", vote("approve"));
    Map<String, Object> opinion = reservedOpinion(false);
    opinion.put("committeeResult", "approved");
    driver.complete(id, "Task_RecordReservedOpinion", "manager1", opinion);

    Map<String, Object> signed = contracts(false);
    signed.put("committeeResult", "approved");
    assertThatThrownBy(() -> driver.complete(id, "Task_SignContracts", "manager1", signed))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("Every condition of the approval must be fulfilled first");
  }

  private ProcessInstance approved(String applicant, String recommendation) {
    ProcessInstance guaranteeCase =
        driver.toCommittee(
            "manager1", intake(applicant, "workingCapitalLoan", 1_000_000, 12), recommendation);
    driver
        .voters(guaranteeCase.getId())
        .forEach(
            member ->
                driver.complete(
                    guaranteeCase.getId(), "Task_CommitteeVote", member, vote("approve")));
    return guaranteeCase;
  }
}
