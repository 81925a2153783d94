package com.creditdiligence.accountability;

import java.time.Instant;
import java.util.List;

/**
 * One finding of a review against one manager: drafted from a violated duty fact, or added by the
 * auditor (the clauses only a person can judge), then confirmed or rejected with a reason.
 *
 * @param origin   {@code DUTY_FACT} or {@code AUDITOR}
 * @param evidence sequence numbers of the ledger records the finding rests on
 * @param status   {@code DRAFT}, {@code CONFIRMED} or {@code REJECTED}
 */
public record ReviewFinding(
    String reviewId,
    int findingNo,
    String manager,
    String origin,
    String dutyCode,
    String stage,
    String clause,
    String severity,
    String explanation,
    List<Integer> evidence,
    Instant dueAt,
    String ruleVersion,
    String status,
    String statusReason,
    String judgedBy) {

  /** A finding the auditor added (the other origin is DUTY_FACT, a draft from the duty facts). */
  public static final String BY_AUDITOR = "AUDITOR";

  public static final String DRAFT = "DRAFT";
  public static final String CONFIRMED = "CONFIRMED";
  public static final String REJECTED = "REJECTED";

  /** A draft from a duty fact (origin {@code DUTY_FACT}), numbered within its review, not yet judged by anyone. */
  static ReviewFinding draftOf(String reviewId, int findingNo, DraftFindings.Finding draft) {
    return new ReviewFinding(
        reviewId,
        findingNo,
        draft.manager(),
        "DUTY_FACT",
        draft.dutyCode(),
        draft.stage(),
        draft.clause(),
        draft.severity(),
        draft.explanation(),
        draft.evidence(),
        draft.dueAt(),
        draft.ruleVersion(),
        DRAFT,
        null,
        null);
  }

  public boolean confirmed() {
    return CONFIRMED.equals(status);
  }

  /** One line a board member or the manager can read in a form. */
  public String summary() {
    return "F"
        + findingNo
        + " "
        + clause
        + " ["
        + severity
        + "] "
        + manager
        + " · "
        + stage
        + " · "
        + explanation
        + " · 证据 evidence #"
        + String.join(", #", evidence.stream().map(String::valueOf).toList());
  }
}
