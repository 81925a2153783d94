package com.creditdiligence.committee;

import com.creditdiligence.evidence.EvidenceDisclosure;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** Votes are sealed: no one reads a member's vote in the ledger before the committee's decision exists. */
@Component
class SealedVotes implements EvidenceDisclosure {

  private final CommitteeDecisions decisions;

  SealedVotes(CommitteeDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public Predicate<EvidenceRecord> sealedIn(String businessKey) {
    boolean decided = decisions.minutesOf(businessKey).isPresent();
    return record -> !decided && record.is(RecordType.VOTE_CAST);
  }
}
