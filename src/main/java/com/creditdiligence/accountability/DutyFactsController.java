package com.creditdiligence.accountability;

import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.platform.web.ApiProblem;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A case's duty facts as of now: a manager can see their own exposure before anything goes wrong. */
@RestController
class DutyFactsController {

  private final EvidenceLedger ledger;

  DutyFactsController(EvidenceLedger ledger) {
    this.ledger = ledger;
  }

  @GetMapping("/api/cases/{businessKey}/duty-facts")
  List<DutyFact> dutyFacts(@PathVariable String businessKey) {
    List<EvidenceRecord> records = ledger.records(businessKey);
    if (records.isEmpty()) {
      throw ApiProblem.notFound("没有案件 " + businessKey + " No case " + businessKey);
    }
    return DutyFacts.of(records, ClockUtil.getCurrentTime().toInstant());
  }
}
