package com.creditdiligence.desk;

import com.creditdiligence.casefile.CaseStatus;
import java.util.Set;

/**
 * Where a case really stands, as people name it: the case file's status says little before the committee decides (a
 * case being investigated and one at the committee are both REGISTERED), so the steps the engine is waiting in say the
 * rest. Plain Java: the caller gives the status and the engine's active element ids. Names: messages/desk, stage.*.
 */
public enum CaseStage {
  INTAKE,
  INVESTIGATION,
  EVALUATION,
  AT_COMMITTEE,
  IMPLEMENTATION,
  IN_MONITORING,
  AT_RELEASE,
  PROBLEM_HANDLING,
  REJECTED_AT_INTAKE,
  REJECTED_BY_COMMITTEE,
  RELEASED,
  COMPENSATED,
  CLOSED_AFTER_RECOVERY;

  private static final Set<String> COMMITTEE =
      Set.of(
          "Task_DetermineApprovalAuthority",
          "Gateway_CommitteeRound",
          "Task_ConveneCommittee",
          "Task_CommitteeVote",
          "Task_TallyVotes",
          "Task_RecordReservedOpinion");
  private static final Set<String> IMPLEMENTATION_STEPS =
      Set.of("Task_SignContracts", "Task_IssueGuarantee");

  /** The message key of its Chinese and English name. */
  public String messageKey() {
    return "stage." + name();
  }

  public static CaseStage of(CaseStatus status, Set<String> activeElements) {
    switch (status) {
      case REJECTED_AT_INTAKE:
        return REJECTED_AT_INTAKE;
      case REJECTED_BY_COMMITTEE:
        return REJECTED_BY_COMMITTEE;
      case RELEASED:
        return RELEASED;
      case COMPENSATED:
        return COMPENSATED;
      case CLOSED_AFTER_RECOVERY:
        return CLOSED_AFTER_RECOVERY;
      case PROBLEM_HANDLING:
        return PROBLEM_HANDLING;
      default:
        break;
    }
    if (activeElements.contains("CallActivity_ProblemHandling")) {
      return PROBLEM_HANDLING;
    }
    if (activeElements.contains("Task_ReleaseGuarantee")) {
      return AT_RELEASE;
    }
    if (status == CaseStatus.IN_MONITORING) {
      return IN_MONITORING;
    }
    if (activeElements.stream().anyMatch(IMPLEMENTATION_STEPS::contains)
        || status == CaseStatus.COMMITTEE_APPROVED) {
      return IMPLEMENTATION;
    }
    if (activeElements.stream().anyMatch(COMMITTEE::contains)) {
      return AT_COMMITTEE;
    }
    if (activeElements.contains("Task_AnalysisEvaluation")) {
      return EVALUATION;
    }
    if (activeElements.contains("Task_CustomerInvestigation")) {
      return INVESTIGATION;
    }
    return INTAKE;
  }

  /** Still being worked on: a guarantee applied for or in force. */
  public boolean live() {
    return ordinal() <= PROBLEM_HANDLING.ordinal();
  }

  /** A guarantee in force: it carries a five-tier class and belongs to the portfolio. */
  public boolean inForce() {
    return this == IN_MONITORING || this == AT_RELEASE || this == PROBLEM_HANDLING;
  }
}
