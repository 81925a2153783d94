package com.creditdiligence.committee;

import com.creditdiligence.platform.FormFieldDefaults;
import com.creditdiligence.platform.SignedIn;
import com.creditdiligence.submission.BusinessTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A vote task's seat and vote. On creation (in the transaction that drew the members, before anyone can
 * touch the task) the task is bound to its seat in committee_seat; on completion of the (already
 * validated) task the vote is kept in committee_vote as the seat's member's, whoever the task's
 * assignee or a committeeMember variable says. The vote's variables are local to the task (see the
 * BPMN's input mapping), so no other member reads them from the process.
 */
@Component("committeeVoteRecorder")
class CommitteeVoteRecorder implements TaskListener {

  private final CommitteeVotes votes;
  private final CommitteeSeats seats;
  private final BusinessTime businessTime;

  CommitteeVoteRecorder(CommitteeVotes votes, CommitteeSeats seats, BusinessTime businessTime) {
    this.votes = votes;
    this.seats = seats;
    this.businessTime = businessTime;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      String processInstanceId = task.getProcessInstanceId();
      int seat = ((Number) task.getExecution().getVariable("loopCounter")).intValue();
      seats.bindTask(processInstanceId, seats.lastRound(processInstanceId), seat, task.getId());
      return;
    }
    CommitteeSeats.Seat seat =
        seats
            .ofTask(task.getId())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Vote task " + task.getId() + " has no seat on the committee"));
    boolean conflict = Boolean.TRUE.equals(task.getVariable("conflictOfInterest"));
    String submittedBy = SignedIn.userId(task.getProcessEngineServices().getIdentityService());
    votes.add(
        new CommitteeVote(
            task.getProcessInstanceId(),
            seat.businessKey(),
            seat.round(),
            task.getId(),
            seat.memberId(),
            submittedBy,
            conflict,
            conflict ? text(task, "conflictDescription") : null,
            conflict ? null : text(task, "vote"),
            conflict ? null : text(task, "voteConditions"),
            conflict ? null : text(task, "voteRationale"),
            businessTime.now()));
    // Kept now in committee_vote and the ledger, both sealed until the decision. The engine would
    // otherwise hold
    // the values on the finished vote's execution until the round ends, where whoever may read the
    // case's
    // runtime variables (a department head) reads them.
    CommitteeVoteRule.SPEC
        .fields()
        .forEach(
            field ->
                task.getExecution().setVariableLocal(field.name(), FormFieldDefaults.empty(field)));
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
