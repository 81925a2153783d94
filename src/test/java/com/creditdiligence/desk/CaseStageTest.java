package com.creditdiligence.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.casefile.CaseStatus;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A case is named by where it really stands: the steps it waits in say more than a status of REGISTERED. */
class CaseStageTest {

  @Test
  void beforeTheCommitteeDecidesTheWaitingStepSaysTheStage() {
    assertThat(CaseStage.of(CaseStatus.REGISTERED, Set.of("Task_CustomerInvestigation")))
        .isEqualTo(CaseStage.INVESTIGATION);
    assertThat(CaseStage.of(CaseStatus.REGISTERED, Set.of("Task_AnalysisEvaluation")))
        .isEqualTo(CaseStage.EVALUATION);
    assertThat(
            CaseStage.of(
                CaseStatus.REGISTERED, Set.of("guarantee-lifecycle", "Task_CommitteeVote")))
        .isEqualTo(CaseStage.AT_COMMITTEE);
    assertThat(CaseStage.of(CaseStatus.REGISTERED, Set.of("Task_RecordReservedOpinion")))
        .isEqualTo(CaseStage.AT_COMMITTEE);
    assertThat(CaseStage.of(CaseStatus.REGISTERED, Set.of())).isEqualTo(CaseStage.INTAKE);
  }

  @Test
  void afterApprovalAndInForceTheStatusAndTheStepsAgree() {
    assertThat(CaseStage.of(CaseStatus.COMMITTEE_APPROVED, Set.of("Task_SignContracts")))
        .isEqualTo(CaseStage.IMPLEMENTATION);
    assertThat(
            CaseStage.of(
                CaseStatus.IN_MONITORING,
                Set.of("SubProcess_PostGuarantee", "Task_MonitoringReport")))
        .isEqualTo(CaseStage.IN_MONITORING);
    assertThat(CaseStage.of(CaseStatus.IN_MONITORING, Set.of("Task_ReleaseGuarantee")))
        .isEqualTo(CaseStage.AT_RELEASE);
    assertThat(CaseStage.of(CaseStatus.IN_MONITORING, Set.of("CallActivity_ProblemHandling")))
        .isEqualTo(CaseStage.PROBLEM_HANDLING);
    assertThat(CaseStage.IN_MONITORING.inForce()).isTrue();
    assertThat(CaseStage.AT_COMMITTEE.inForce()).isFalse();
  }

  @Test
  void anEndedCaseIsNamedByHowItEnded() {
    assertThat(CaseStage.of(CaseStatus.REJECTED_AT_INTAKE, Set.of()))
        .isEqualTo(CaseStage.REJECTED_AT_INTAKE);
    assertThat(CaseStage.of(CaseStatus.COMPENSATED, Set.of())).isEqualTo(CaseStage.COMPENSATED);
    assertThat(CaseStage.of(CaseStatus.CLOSED_AFTER_RECOVERY, Set.of()))
        .isEqualTo(CaseStage.CLOSED_AFTER_RECOVERY);
    assertThat(CaseStage.COMPENSATED.live()).isFalse();
    assertThat(CaseStage.PROBLEM_HANDLING.live()).isTrue();
  }
}
