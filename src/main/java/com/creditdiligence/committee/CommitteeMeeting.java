package com.creditdiligence.committee;

import java.time.Instant;
import java.util.List;

/**
 * A committee decision as its tables hold it, for a document that renders it for people: the authority, each
 * member's act in the order cast, the counted result, and the minutes as they were generated and stored (the record,
 * which a document keeps beside its rendering).
 *
 * @param recommendation the manager's recommendation the decision was compared with ({@code approve}, …)
 * @param result         {@code approved}, {@code approvedWithConditions} or {@code rejected}
 * @param votes          every member's act, conflicts declared included, oldest first
 * @param minutes        the stored text of the minutes, unchanged
 */
public record CommitteeMeeting(
    String processInstanceId,
    int votersRequired,
    int approvalsRequired,
    int approvals,
    int rejections,
    String result,
    String recommendation,
    List<CommitteeVote> votes,
    Instant decidedAt,
    String minutes) {

  /** Whether the decision differs from the manager's recommendation. */
  public boolean differsFromRecommendation() {
    return recommendation != null
        && result != null
        && CommitteeTally.differs(recommendation, result);
  }

  /** The approving members' conditions, which became the approval's conditions. */
  public List<CommitteeVote> conditional() {
    return votes.stream()
        .filter(v -> v.counts() && CommitteeVote.APPROVE_WITH_CONDITIONS.equals(v.vote()))
        .toList();
  }
}
