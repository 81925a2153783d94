package com.creditdiligence.committee;

import com.creditdiligence.submission.BusinessTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Writes the minutes of a committee decision from the votes themselves: generated, never typed. Times in the business
 * zone, which the last line names.
 */
final class CommitteeMinutes {

  private CommitteeMinutes() {}

  record CaseSummary(
      String businessKey,
      String applicantName,
      String product,
      BigDecimal amount,
      String caseManager,
      String recommendation) {}

  static String write(
      CaseSummary summary,
      CommitteeTally tally,
      CommitteeTally.Outcome outcome,
      List<CommitteeVote> votes,
      Instant decidedAt,
      BusinessTime time) {
    StringBuilder minutes = new StringBuilder();
    minutes
        .append("担保审查委员会会议纪要 Guarantee committee minutes — ")
        .append(summary.businessKey())
        .append('\n')
        .append("申请人 Applicant: ")
        .append(summary.applicantName())
        .append(";品种 Product: ")
        .append(summary.product())
        .append(";金额 Amount: ")
        .append(summary.amount().toPlainString())
        .append(" 元\n")
        .append("客户经理 Customer manager: ")
        .append(summary.caseManager())
        .append(";建议 Recommendation: ")
        .append(label(summary.recommendation()))
        .append('\n')
        .append("审批权限 Approval authority: ")
        .append(tally.votersRequired())
        .append(" 名委员表决,至少 ")
        .append(tally.approvalsRequired())
        .append(" 票同意 members vote, ")
        .append(tally.approvalsRequired())
        .append(" approvals carry\n");
    for (CommitteeVote vote : votes) {
      minutes
          .append("- ")
          .append(vote.memberId())
          .append(" (")
          .append(time.shown(vote.castAt()))
          .append("): ");
      if (vote.conflictDeclared()) {
        minutes
            .append("回避(利益冲突) withdrew, conflict of interest — ")
            .append(vote.conflictDescription());
      } else {
        minutes.append(label(vote.vote())).append(" — 理由 rationale: ").append(vote.rationale());
        if (vote.conditions() != null && !vote.conditions().isBlank()) {
          minutes.append(" — 条件 conditions: ").append(vote.conditions());
        }
      }
      minutes.append('\n');
    }
    minutes
        .append("结果 Result: 同意 ")
        .append(outcome.approvals())
        .append(" 票 approvals, 否决 ")
        .append(outcome.rejections())
        .append(" 票 rejections → ")
        .append(label(outcome.result()));
    if (outcome.conditions() != null) {
      minutes.append("\n附加条件 Conditions:\n").append(outcome.conditions());
    }
    minutes.append("\n决议时间 Decided at: ").append(time.shownWithZone(decidedAt)).append('\n');
    return minutes.toString();
  }

  static String label(String value) {
    if (value == null) {
      return "—";
    }
    return switch (value) {
      case CommitteeVote.APPROVE -> "同意 Approve";
      case CommitteeVote.APPROVE_WITH_CONDITIONS -> "附条件同意 Approve with conditions";
      case CommitteeVote.REJECT -> "否决 Reject";
      case CommitteeTally.APPROVED -> "通过 Approved";
      case CommitteeTally.APPROVED_WITH_CONDITIONS -> "附条件通过 Approved with conditions";
      case CommitteeTally.REJECTED -> "否决 Rejected";
      default -> value;
    };
  }
}
