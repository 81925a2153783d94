package com.creditdiligence.committee;

import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.submission.BusinessTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The committee's facts for the model's expressions ({@code ${committeeRecord.approved(execution)}}):
 * the authority, the drawn members, the replacements still needed, the decision and whether it differs
 * from the manager's recommendation, all read from the committee's and the case file's tables by the
 * process instance the engine holds. A process variable of the same name decides nothing.
 */
@Component("committeeRecord")
public class CommitteeRecord {

  private final CommitteeSeats seats;
  private final CommitteeVotes votes;
  private final CommitteeDecisions decisions;
  private final CaseFiles caseFiles;
  private final BusinessTime businessTime;

  CommitteeRecord(
      CommitteeSeats seats,
      CommitteeVotes votes,
      CommitteeDecisions decisions,
      CaseFiles caseFiles,
      BusinessTime businessTime) {
    this.seats = seats;
    this.votes = votes;
    this.decisions = decisions;
    this.caseFiles = caseFiles;
    this.businessTime = businessTime;
  }

  /**
   * End of the approval-authority table: keeps what it gave, with the case file's product and amount it
   * was given (the task's input mapping), before anyone could write the result variable.
   */
  public void authorityDetermined(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> authority =
        (Map<String, Object>) execution.getVariable("approvalAuthority");
    String businessKey = execution.getProcessBusinessKey();
    CaseFile file =
        caseFiles
            .find(businessKey)
            .orElseThrow(() -> new IllegalStateException("No case file " + businessKey));
    seats.recordAuthority(
        execution.getProcessInstanceId(),
        businessKey,
        file.product(),
        file.amount(),
        new CommitteeTally(
            ((Number) authority.get("votersRequired")).intValue(),
            ((Number) authority.get("approvalsRequired")).intValue()),
        businessTime.now());
  }

  /** The members drawn in the latest round, in seat order: the vote's multi-instance collection. */
  public List<String> drawn(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    return new ArrayList<>(
        seats.ofLastRound(processInstanceId).stream().map(CommitteeSeats.Seat::memberId).toList());
  }

  /** The member of the seat this vote instance was created for (its loop counter, set by the engine). */
  public String seatedMember(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    int seat = ((Number) execution.getVariable("loopCounter")).intValue();
    return seats.ofLastRound(processInstanceId).get(seat).memberId();
  }

  /** How many withdrawn members are still to be replaced, counted from the votes against the recorded authority. */
  public int replacementsNeeded(DelegateExecution execution) {
    return tally(execution.getProcessInstanceId())
        .count(votes.ofCase(execution.getProcessInstanceId()))
        .replacementsNeeded();
  }

  /** Whether the recorded decision approves (with or without conditions). */
  public boolean approved(DelegateExecution execution) {
    return !CommitteeTally.REJECTED.equals(decision(execution).result());
  }

  /** Whether the recorded decision differs from the recommendation of the manager's accepted evaluation. */
  public boolean differsFromRecommendation(DelegateExecution execution) {
    CommitteeDecisions.Recorded decision = decision(execution);
    return CommitteeTally.differs(decision.recommendation(), decision.result());
  }

  CommitteeTally tally(String processInstanceId) {
    return seats
        .tallyOfLastRound(processInstanceId)
        .orElseThrow(
            () -> new IllegalStateException("No committee was convened for " + processInstanceId));
  }

  private CommitteeDecisions.Recorded decision(DelegateExecution execution) {
    return decisions
        .ofProcess(execution.getProcessInstanceId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No committee decision recorded for " + execution.getProcessInstanceId()));
  }
}
