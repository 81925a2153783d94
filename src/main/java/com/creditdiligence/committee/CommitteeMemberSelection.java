package com.creditdiligence.committee;

import java.util.Collection;
import java.util.List;

/**
 * Draws the voters of a committee round from the committee pool: never the case's own customer
 * manager, never a member who already acted on the case (voted, or withdrew for a conflict).
 * The pool's order decides (by user id), so that who is drawn can be explained afterwards.
 */
final class CommitteeMemberSelection {

  private CommitteeMemberSelection() {}

  static List<String> draw(
      List<String> pool, String caseManager, Collection<String> alreadyActed, int needed) {
    return draw(pool, caseManager == null ? List.of() : List.of(caseManager), alreadyActed, needed);
  }

  /** {@code caseManagers}: whoever the case file names as its manager and whoever applied for it. */
  static List<String> draw(
      List<String> pool,
      Collection<String> caseManagers,
      Collection<String> alreadyActed,
      int needed) {
    List<String> eligible =
        pool.stream()
            .filter(member -> !caseManagers.contains(member))
            .filter(member -> !alreadyActed.contains(member))
            .toList();
    if (eligible.size() < needed) {
      throw new CommitteePoolExhaustedException(needed, eligible.size());
    }
    return eligible.subList(0, needed);
  }

  /** Not enough members left to form the committee: an administrator must add members, then retry. */
  static class CommitteePoolExhaustedException extends RuntimeException {
    CommitteePoolExhaustedException(int needed, int available) {
      super(
          "担保审查委员会可用委员不足:需要 "
              + needed
              + " 名,仅有 "
              + available
              + " 名 Not enough committee members who are neither the case manager nor already involved: need "
              + needed
              + ", available "
              + available
              + ". Add members to group 'committee' and retry the job.");
    }
  }
}
