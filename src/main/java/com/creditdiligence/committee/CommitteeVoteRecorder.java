package com.creditdiligence.committee;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * On completion of an (already validated) vote task: keeps the member's vote in committee_vote.
 * The vote's variables are local to the task (see the BPMN's input mapping), so no other member
 * reads them from the process.
 */
@Component("committeeVoteRecorder")
class CommitteeVoteRecorder implements TaskListener {

  private final CommitteeVotes votes;

  CommitteeVoteRecorder(CommitteeVotes votes) {
    this.votes = votes;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean conflict = Boolean.TRUE.equals(task.getVariable("conflictOfInterest"));
    String submittedBy = Optional.ofNullable(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
        .map(Authentication::getUserId).orElse(null);
    votes.add(new CommitteeVote(task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey(),
        (Integer) task.getVariable("committeeRound"), task.getId(), task.getAssignee(), submittedBy, conflict,
        conflict ? text(task, "conflictDescription") : null,
        conflict ? null : text(task, "vote"),
        conflict ? null : text(task, "voteConditions"),
        conflict ? null : text(task, "voteRationale"),
        ClockUtil.getCurrentTime().toInstant()));
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
