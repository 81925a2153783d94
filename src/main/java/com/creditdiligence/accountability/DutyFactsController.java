package com.creditdiligence.accountability;

import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Rejection;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A case's duty facts as of now (a manager can see their own exposure before anything goes wrong), and the draft findings. */
@RestController
class DutyFactsController {

  private final EvidenceLedger ledger;
  private final RuleBook rules;
  private final CaseAccess access;
  private final CaseDutyFacts dutyFacts;
  private final BusinessTime businessTime;

  DutyFactsController(
      EvidenceLedger ledger,
      RuleBook rules,
      CaseAccess access,
      CaseDutyFacts dutyFacts,
      BusinessTime businessTime) {
    this.dutyFacts = dutyFacts;
    this.access = access;
    this.ledger = ledger;
    this.rules = rules;
    this.businessTime = businessTime;
  }

  @GetMapping("/api/cases/{businessKey}/duty-facts")
  List<DutyFact> dutyFacts(@PathVariable String businessKey) {
    return dutyFacts.of(businessKey, records(businessKey), businessTime.now());
  }

  /** What an accountability review would start from today: draft §27 findings and suggested tiers. */
  @GetMapping("/api/cases/{businessKey}/draft-findings")
  DraftFindings.Assessment draftFindings(@PathVariable String businessKey) {
    Instant now = businessTime.now();
    return DraftFindings.of(dutyFacts.of(businessKey, records(businessKey), now), rules, now);
  }

  private List<EvidenceRecord> records(String businessKey) {
    access.read(businessKey);
    List<EvidenceRecord> records = ledger.records(businessKey);
    if (records.isEmpty()) {
      throw Rejection.notFound("没有案件 " + businessKey + " No case " + businessKey);
    }
    return records;
  }
}
