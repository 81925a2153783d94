package com.creditdiligence.managers;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A customer manager's accountability record («客户经理队伍建设»: the appraisal that carries risk accountability), as the page,
 * the PDF and /api/managers/{id}/record give it: every review that concerned them, with the findings as they finally
 * stand, what they said, what the board deliberated and decided; and a summary per year. Codes come with their names;
 * times are ISO with the business zone's offset, and as shown in that zone.
 */
public record ManagerRecord(
    String manager,
    String managerName,
    String zone,
    String exportedBy,
    String exportedAt,
    int reviews,
    Map<String, Long> outcomes,
    List<Year> years,
    List<Review> history) {

  /** One review as it concerns the manager. {@code finalTier}: the tier of the decision that stands. */
  public record Review(
      String reviewId,
      String businessKey,
      String applicant,
      String product,
      String productName,
      String trigger,
      String triggerName,
      String reason,
      OffsetDateTime openedAt,
      String openedShown,
      OffsetDateTime closedAt,
      String closedShown,
      List<Finding> findings,
      Written auditorSummary,
      List<Written> deliberations,
      Written statement,
      Written appeal,
      List<Decision> determinations,
      String finalTier,
      String finalTierName) {}

  /**
   * A finding against the manager: {@code auditStatus} the auditor's verdict, {@code finalStatus} what it is once the
   * standing decision is taken into account ({@link FindingOutcome}).
   */
  public record Finding(
      int findingNo,
      String clause,
      String clauseName,
      String dutyCode,
      String dutyName,
      String stage,
      String severity,
      String severityName,
      String explanation,
      List<Integer> evidence,
      String auditStatus,
      String statusReason,
      String finalStatus,
      String finalStatusName) {}

  /** Something a person wrote in the review: a statement, appeal grounds, deliberation minutes, the audit summary. */
  public record Written(
      String choice,
      String choiceName,
      String text,
      String by,
      String byName,
      OffsetDateTime at,
      String shown) {}

  /**
   * One decision. {@code eligibleForExemption}: exempt as decided ({@link FindingOutcome#exempt});
   * {@code assessedEligibleFromRecord}: what the §28 assessment of the record alone said when the board decided.
   */
  public record Decision(
      String round,
      String roundName,
      String tier,
      String tierName,
      List<String> clauses,
      List<String> clauseNames,
      String rationale,
      boolean eligibleForExemption,
      boolean assessedEligibleFromRecord,
      String decidedBy,
      String decidedByName,
      OffsetDateTime decidedAt,
      String decidedShown) {}

  /** A year of the record (by when each review opened, in the business zone): cases, findings, outcomes by tier. */
  public record Year(
      int year,
      int cases,
      int reviews,
      int findings,
      int findingsStanding,
      Map<String, Long> outcomes) {}
}
