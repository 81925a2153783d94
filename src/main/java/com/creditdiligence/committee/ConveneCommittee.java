package com.creditdiligence.committee;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Draws the voters of the next committee round: the full committee the approval authority asks for
 * in the first round, one replacement per withdrawn member afterwards.
 */
@Component("conveneCommittee")
class ConveneCommittee implements JavaDelegate {

  static final String COMMITTEE_GROUP = "committee";

  private final CommitteeVotes votes;

  ConveneCommittee(CommitteeVotes votes) {
    this.votes = votes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> authority = (Map<String, Object>) execution.getVariable("approvalAuthority");
    int votersRequired = ((Number) authority.get("votersRequired")).intValue();
    int approvalsRequired = ((Number) authority.get("approvalsRequired")).intValue();
    Integer previousRound = (Integer) execution.getVariable("committeeRound");
    int round = previousRound == null ? 1 : previousRound + 1;
    int needed = round == 1 ? votersRequired : (Integer) execution.getVariable("committeeReplacementsNeeded");

    List<String> pool = execution.getProcessEngineServices().getIdentityService().createUserQuery()
        .memberOfGroup(COMMITTEE_GROUP).orderByUserId().asc().list().stream().map(User::getId).toList();
    List<String> alreadyActed = votes.ofCase(execution.getProcessInstanceId()).stream().map(CommitteeVote::memberId).toList();
    List<String> voters = CommitteeMemberSelection.draw(pool, (String) execution.getVariable("caseManager"),
        alreadyActed, needed);

    execution.setVariable("committeeVotersRequired", votersRequired);
    execution.setVariable("committeeApprovalsRequired", approvalsRequired);
    execution.setVariable("committeeRound", round);
    execution.setVariable("committeeVoters", new ArrayList<>(voters));
  }
}
