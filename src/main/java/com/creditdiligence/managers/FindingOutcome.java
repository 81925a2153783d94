package com.creditdiligence.managers;

import com.creditdiligence.accountability.Determination;
import com.creditdiligence.accountability.ReviewFinding;
import com.creditdiligence.accountability.Tier;
import java.util.List;
import java.util.Optional;

/**
 * A finding's status once the review has decided, so that the record never shows a finding «成立» beside a final
 * «应免责»: the auditor's verdict (confirmed, rejected, still a draft), then what the standing decision on the manager
 * made of a confirmed one — exempted in the first determination, cleared or lightened on appeal. Plain Java.
 * Names: messages/desk, finding.*.
 */
public final class FindingOutcome {

  public static final String EXEMPTED = "EXEMPTED";
  public static final String CLEARED_ON_APPEAL = "CLEARED_ON_APPEAL";
  public static final String REDUCED_ON_APPEAL = "REDUCED_ON_APPEAL";

  private FindingOutcome() {}

  /** The manager's decisions in the order they were made: the first determination, then the appeal's, if any. */
  public static String of(ReviewFinding finding, List<Determination> decisions) {
    if (!finding.confirmed()) {
      return finding.status();
    }
    Optional<Determination> standing = standing(decisions);
    if (standing.isEmpty()) {
      return ReviewFinding.CONFIRMED;
    }
    boolean onAppeal = Determination.APPEAL.equals(standing.get().round());
    if (standing.get().tier() == Tier.EXEMPT) {
      return onAppeal ? CLEARED_ON_APPEAL : EXEMPTED;
    }
    Optional<Determination> first =
        decisions.stream().filter(d -> Determination.FIRST.equals(d.round())).findFirst();
    if (onAppeal && first.isPresent() && first.get().tier().heavierThan(standing.get().tier())) {
      return REDUCED_ON_APPEAL;
    }
    return ReviewFinding.CONFIRMED;
  }

  /** The decision that stands: the appeal's when there was one, else the first. */
  public static Optional<Determination> standing(List<Determination> decisions) {
    return decisions.stream()
        .filter(d -> Determination.APPEAL.equals(d.round()))
        .findFirst()
        .or(
            () ->
                decisions.stream().filter(d -> Determination.FIRST.equals(d.round())).findFirst());
  }

  /**
   * Whether the manager is exempt as decided: the §28 assessment the record alone supported when the board decided,
   * or the board's own exempting decision (an appeal may show grounds the record alone did not).
   */
  public static boolean exempt(Determination decision) {
    return decision.tier() == Tier.EXEMPT;
  }
}
