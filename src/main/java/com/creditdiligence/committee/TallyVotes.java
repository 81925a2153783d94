package com.creditdiligence.committee;

import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.casefile.CaseStatus;
import com.creditdiligence.submission.BusinessTime;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After each round: either asks for replacements of withdrawn members, or computes the decision and
 * writes the minutes. It counts the recorded votes against the authority recorded for the round, and
 * writes the minutes from the case file (applicant, product, amount, manager, the recommendation of the
 * accepted evaluation); the decision goes to committee_decision, which the gateways read. The variables
 * it sets are for the forms to show, and decide nothing.
 */
@Component("tallyVotes")
class TallyVotes implements JavaDelegate {

  private final CommitteeVotes votes;
  private final CommitteeDecisions decisions;
  private final CommitteeRecord record;
  private final CaseFiles caseFiles;
  private final BusinessTime businessTime;

  TallyVotes(
      CommitteeVotes votes,
      CommitteeDecisions decisions,
      CommitteeRecord record,
      CaseFiles caseFiles,
      BusinessTime businessTime) {
    this.votes = votes;
    this.decisions = decisions;
    this.record = record;
    this.caseFiles = caseFiles;
    this.businessTime = businessTime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CommitteeTally tally = record.tally(execution.getProcessInstanceId());
    List<CommitteeVote> cast = votes.ofCase(execution.getProcessInstanceId());
    CommitteeTally.Outcome outcome = tally.count(cast);
    execution.setVariable("committeeReplacementsNeeded", outcome.replacementsNeeded());
    if (!outcome.complete()) {
      return;
    }
    Instant now = businessTime.now();
    String businessKey = execution.getProcessBusinessKey();
    CaseFile file =
        caseFiles
            .find(businessKey)
            .orElseThrow(() -> new IllegalStateException("No case file " + businessKey));
    String recommendation =
        caseFiles
            .recommendationOf(businessKey)
            .orElseThrow(
                () -> new IllegalStateException("No recommendation recorded for " + businessKey));
    String minutes =
        CommitteeMinutes.write(
            new CommitteeMinutes.CaseSummary(
                businessKey,
                file.applicantName(),
                file.product(),
                file.amount(),
                file.caseManager(),
                recommendation),
            tally,
            outcome,
            cast,
            now,
            businessTime);
    decisions.add(
        execution.getProcessInstanceId(),
        businessKey,
        tally,
        outcome,
        recommendation,
        minutes,
        now);
    execution.setVariable("committeeResult", outcome.result());
    execution.setVariable("committeeConditions", outcome.conditions());
    execution.setVariable("committeeMinutes", minutes);
    execution.setVariable(
        "decisionDiffersFromRecommendation",
        CommitteeTally.differs(recommendation, outcome.result()));
    boolean rejected = CommitteeTally.REJECTED.equals(outcome.result());
    caseFiles.changeStatus(
        businessKey,
        rejected ? CaseStatus.REJECTED_BY_COMMITTEE : CaseStatus.COMMITTEE_APPROVED,
        rejected ? "担保审查委员会否决 Rejected by the committee" : null,
        now);
  }
}
