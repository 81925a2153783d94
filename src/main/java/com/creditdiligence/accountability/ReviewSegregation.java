package com.creditdiligence.accountability;

import com.creditdiligence.submission.Refusal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Who may act in a review, checked against the authenticated user (never the assignee, which anyone
 * with task access can change): the case's managers never audit or decide their own review; the
 * auditor does not sit on the board for it; an appeal goes to board members who did not decide first.
 * Plain Java: the caller says who is who.
 */
final class ReviewSegregation {

  private ReviewSegregation() {}

  static List<Refusal> auditor(String performer, boolean isAuditor, Collection<String> answerable) {
    List<Refusal> refusals = signedIn(performer);
    if (!refusals.isEmpty()) {
      return refusals;
    }
    if (!isAuditor) {
      refusals.add(
          new Refusal(
              null,
              "只有稽核人员可以进行问责审查 Only an auditor may review accountability; "
                  + performer
                  + " is not one"));
    }
    if (answerable.contains(performer)) {
      refusals.add(
          new Refusal(
              null,
              "经办或表决本案者不得审查本案 "
                  + performer
                  + " managed this case or voted on it, and may not review it"));
    }
    return refusals;
  }

  static List<Refusal> board(
      String performer, boolean isBoardMember, Collection<String> answerable, String auditor) {
    List<Refusal> refusals = signedIn(performer);
    if (!refusals.isEmpty()) {
      return refusals;
    }
    if (!isBoardMember) {
      refusals.add(
          new Refusal(
              null,
              "只有问责委员会成员可以评议或认定 Only an accountability board member may deliberate "
                  + "or decide; "
                  + performer
                  + " is not one"));
    }
    if (answerable.contains(performer)) {
      refusals.add(
          new Refusal(
              null,
              "经办或表决本案者不得认定本案责任 "
                  + performer
                  + " managed this case or voted on it, and may not decide its review"));
    }
    if (performer.equals(auditor)) {
      refusals.add(
          new Refusal(
              null,
              "审查本案的稽核人员不得参与认定 "
                  + performer
                  + " audited this review and may not sit on its board"));
    }
    return refusals;
  }

  static List<Refusal> appealBoard(
      String performer,
      boolean isBoardMember,
      Collection<String> answerable,
      String auditor,
      String firstDecider) {
    List<Refusal> refusals = board(performer, isBoardMember, answerable, auditor);
    if (performer != null && performer.equals(firstDecider)) {
      refusals.add(
          new Refusal(
              null,
              "申诉须由未参与原认定的委员复核 The appeal is decided by a board member who did not "
                  + "decide the first time; "
                  + performer
                  + " did"));
    }
    return refusals;
  }

  /** Only the manager concerned speaks for themself (申辩, 申诉). */
  static List<Refusal> managerConcerned(String performer, String manager) {
    List<Refusal> refusals = signedIn(performer);
    if (refusals.isEmpty() && !performer.equals(manager)) {
      refusals.add(
          new Refusal(
              null,
              "只有被审查的客户经理本人可以申辩或申诉 Only "
                  + manager
                  + " may make this statement or appeal; "
                  + performer
                  + " may not"));
    }
    return refusals;
  }

  private static List<Refusal> signedIn(String performer) {
    List<Refusal> refusals = new ArrayList<>();
    if (performer == null) {
      refusals.add(
          new Refusal(null, "此步骤须由登录用户提交 This step must be submitted by a signed-in user"));
    }
    return refusals;
  }
}
