package com.creditdiligence.committee;

import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.casefile.StaffGroups;
import com.creditdiligence.submission.BusinessTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Draws the voters of the next committee round: the full committee the approval authority asks for
 * in the first round, one replacement per withdrawn member afterwards. Everything it decides from is
 * recorded (the authority the table gave, the votes, the case file's managers) and everything it decides
 * is recorded too (committee_round, committee_seat); the variables it sets are for the forms to show.
 */
@Component("conveneCommittee")
class ConveneCommittee implements JavaDelegate {

  static final String COMMITTEE_GROUP = StaffGroups.COMMITTEE;

  private final CommitteeVotes votes;
  private final CommitteeSeats seats;
  private final CaseFiles caseFiles;
  private final BusinessTime businessTime;

  ConveneCommittee(
      CommitteeVotes votes, CommitteeSeats seats, CaseFiles caseFiles, BusinessTime businessTime) {
    this.votes = votes;
    this.seats = seats;
    this.caseFiles = caseFiles;
    this.businessTime = businessTime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    String businessKey = execution.getProcessBusinessKey();
    CommitteeTally authority =
        seats
            .authorityOf(processInstanceId)
            .orElseThrow(
                () ->
                    new IllegalStateException("No approval authority recorded for " + businessKey));
    int round = seats.lastRound(processInstanceId) + 1;
    List<CommitteeVote> cast = votes.ofCase(processInstanceId);
    int needed = authority.count(cast).replacementsNeeded();

    List<String> pool =
        execution
            .getProcessEngineServices()
            .getIdentityService()
            .createUserQuery()
            .memberOfGroup(COMMITTEE_GROUP)
            .orderByUserId()
            .asc()
            .list()
            .stream()
            .map(User::getId)
            .toList();
    Set<String> alreadyInvolved = new LinkedHashSet<>(seats.drawnMembers(processInstanceId));
    cast.forEach(vote -> alreadyInvolved.add(vote.memberId()));
    List<String> voters =
        CommitteeMemberSelection.draw(
            pool, caseFiles.ownManagers(businessKey), alreadyInvolved, needed);
    seats.convene(processInstanceId, businessKey, round, authority, voters, businessTime.now());

    execution.setVariable("committeeVotersRequired", authority.votersRequired());
    execution.setVariable("committeeApprovalsRequired", authority.approvalsRequired());
    execution.setVariable("committeeRound", round);
    execution.setVariable("committeeVoters", new ArrayList<>(voters));
  }
}
