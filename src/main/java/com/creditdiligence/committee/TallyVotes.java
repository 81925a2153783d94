package com.creditdiligence.committee;

import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.casefile.CaseStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * After each round: either asks for replacements of withdrawn members, or computes the decision,
 * writes the minutes and tells the process whether it differs from the manager's recommendation.
 */
@Component("tallyVotes")
class TallyVotes implements JavaDelegate {

  private final CommitteeVotes votes;
  private final CommitteeDecisions decisions;
  private final CaseFiles caseFiles;

  TallyVotes(CommitteeVotes votes, CommitteeDecisions decisions, CaseFiles caseFiles) {
    this.votes = votes;
    this.decisions = decisions;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CommitteeTally tally = new CommitteeTally((Integer) execution.getVariable("committeeVotersRequired"),
        (Integer) execution.getVariable("committeeApprovalsRequired"));
    List<CommitteeVote> cast = votes.ofCase(execution.getProcessInstanceId());
    CommitteeTally.Outcome outcome = tally.count(cast);
    execution.setVariable("committeeReplacementsNeeded", outcome.replacementsNeeded());
    if (!outcome.complete()) {
      return;
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String businessKey = execution.getProcessBusinessKey();
    String recommendation = (String) execution.getVariable("recommendation");
    String minutes = CommitteeMinutes.write(new CommitteeMinutes.CaseSummary(businessKey,
            (String) execution.getVariable("applicantName"), (String) execution.getVariable("product"),
            new BigDecimal(execution.getVariable("amount").toString()), (String) execution.getVariable("caseManager"),
            recommendation),
        tally, outcome, cast, now);
    decisions.add(execution.getProcessInstanceId(), businessKey, tally, outcome, minutes, now);
    execution.setVariable("committeeResult", outcome.result());
    execution.setVariable("committeeConditions", outcome.conditions());
    execution.setVariable("committeeMinutes", minutes);
    execution.setVariable("decisionDiffersFromRecommendation", CommitteeTally.differs(recommendation, outcome.result()));
    boolean rejected = CommitteeTally.REJECTED.equals(outcome.result());
    caseFiles.changeStatus(businessKey, rejected ? CaseStatus.REJECTED_BY_COMMITTEE : CaseStatus.COMMITTEE_APPROVED,
        rejected ? "担保审查委员会否决 Rejected by the committee" : null, now);
  }
}
