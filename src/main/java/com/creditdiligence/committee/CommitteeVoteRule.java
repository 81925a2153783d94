package com.creditdiligence.committee;

import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Stage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 担保决策: a vote is named and reasoned; a member with a conflict of interest withdraws instead,
 * saying why. Only the member drawn for the seat may act on its vote, and never the case's own manager
 * or whoever applied for it. Who was drawn and who manages the case are the record's (committee_seat,
 * case_file), whatever the task's assignee or a committeeMember or caseManager value says.
 */
@Component
class CommitteeVoteRule implements TaskRule {

  static final Set<String> VOTES =
      Set.of(CommitteeVote.APPROVE, CommitteeVote.APPROVE_WITH_CONDITIONS, CommitteeVote.REJECT);

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_CommitteeVote",
              "Form_CommitteeVote",
              Stage.COMMITTEE,
              new Duty("COMMITTEE_VOTE", "担保决策", RecordType.VOTE_CAST.code()))
          .flag("conflictOfInterest")
          .text("conflictDescription")
          .choice("vote")
          .text("voteConditions", "voteRationale")
          .build();

  private final CommitteeSeats seats;
  private final CaseFiles caseFiles;

  CommitteeVoteRule(CommitteeSeats seats, CaseFiles caseFiles) {
    this.seats = seats;
    this.caseFiles = caseFiles;
  }

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    Checks checks = new Checks(s);
    Optional<CommitteeSeats.Seat> seat = seats.ofTask(s.taskId());
    if (seat.isEmpty()) {
      return checks
          .refuse("vote", "此表决任务没有选定的委员 This vote task has no drawn member on record")
          .refusals();
    }
    String performer = s.performer();
    if (performer != null && caseFiles.ownManagers(seat.get().businessKey()).contains(performer)) {
      return checks
          .refuse("vote", "客户经理不得对本人经办的案件表决 The case's customer manager may not vote on it")
          .refusals();
    }
    if (performer != null && !performer.equals(seat.get().memberId())) {
      return checks
          .refuse("vote", "只有被指定的委员本人可以表决 Only the member drawn for this vote may cast it")
          .refusals();
    }
    if (s.isTrue("conflictOfInterest")) {
      return checks.requireFinding("conflictDescription", "利益冲突说明 Conflict of interest").refusals();
    }
    checks
        .requireOneOf("vote", VOTES, "表决意见 Vote")
        .requireFinding("voteRationale", "表决理由 Rationale");
    if (s.text("vote").filter(CommitteeVote.APPROVE_WITH_CONDITIONS::equals).isPresent()) {
      checks.requireFinding("voteConditions", "附加条件 Conditions");
    }
    return checks.refusals();
  }
}
