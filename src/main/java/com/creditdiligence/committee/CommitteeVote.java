package com.creditdiligence.committee;

import java.time.Instant;

/**
 * One member's act on a case: a named vote with its rationale, or a declared conflict of interest
 * (which excuses the member and calls for a replacement).
 */
public record CommitteeVote(
    String processInstanceId,
    String businessKey,
    int round,
    String taskId,
    String memberId,
    String submittedBy,
    boolean conflictDeclared,
    String conflictDescription,
    String vote,
    String conditions,
    String rationale,
    Instant castAt) {

  public static final String APPROVE = "approve";
  public static final String APPROVE_WITH_CONDITIONS = "approveWithConditions";
  public static final String REJECT = "reject";

  boolean counts() {
    return !conflictDeclared;
  }

  boolean approves() {
    return counts() && (APPROVE.equals(vote) || APPROVE_WITH_CONDITIONS.equals(vote));
  }
}
