package com.creditdiligence.committee;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Counts a case's votes against the approval authority: how many members must vote and how many
 * approvals carry the decision. A member who declared a conflict does not count and must be
 * replaced. Conditions proposed by approving members become conditions of the approval.
 */
record CommitteeTally(int votersRequired, int approvalsRequired) {

  static final String APPROVED = "approved";
  static final String APPROVED_WITH_CONDITIONS = "approvedWithConditions";
  static final String REJECTED = "rejected";

  Outcome count(List<CommitteeVote> votes) {
    List<CommitteeVote> counted = votes.stream().filter(CommitteeVote::counts).toList();
    int replacementsNeeded = Math.max(0, votersRequired - counted.size());
    int approvals = (int) counted.stream().filter(CommitteeVote::approves).count();
    int rejections = counted.size() - approvals;
    List<CommitteeVote> conditional =
        counted.stream()
            .filter(v -> CommitteeVote.APPROVE_WITH_CONDITIONS.equals(v.vote()))
            .toList();
    String result;
    if (replacementsNeeded > 0) {
      result = null;
    } else if (approvals < approvalsRequired) {
      result = REJECTED;
    } else {
      result = conditional.isEmpty() ? APPROVED : APPROVED_WITH_CONDITIONS;
    }
    String conditions =
        APPROVED_WITH_CONDITIONS.equals(result)
            ? conditional.stream()
                .map(v -> v.memberId() + ": " + v.conditions())
                .collect(Collectors.joining("\n"))
            : null;
    return new Outcome(replacementsNeeded, approvals, rejections, result, conditions);
  }

  /** {@code result} is null while replacements are still needed. */
  record Outcome(
      int replacementsNeeded, int approvals, int rejections, String result, String conditions) {

    boolean complete() {
      return replacementsNeeded == 0;
    }
  }

  /** The recommendation values mirror the decision values: approve ↔ approved, and so on. */
  static boolean differs(String recommendation, String result) {
    String expected =
        switch (recommendation) {
          case CommitteeVote.APPROVE -> APPROVED;
          case CommitteeVote.APPROVE_WITH_CONDITIONS -> APPROVED_WITH_CONDITIONS;
          case CommitteeVote.REJECT -> REJECTED;
          default -> throw new IllegalArgumentException("Unknown recommendation " + recommendation);
        };
    return !expected.equals(result);
  }
}
