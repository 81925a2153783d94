package com.creditdiligence.audit;

import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.NewEvidence;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.submission.BusinessTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every look at a case's record is itself on the record: who looked at what, when. */
@Component
class AuditTrail {

  private final EvidenceLedger ledger;
  private final BusinessTime time;

  AuditTrail(EvidenceLedger ledger, BusinessTime time) {
    this.ledger = ledger;
    this.time = time;
  }

  /** Appends {@code AUDIT_<WHAT>} to the case's chain, in its own transaction, before the view is served. */
  @Transactional
  public void recordView(
      String businessKey, String user, RecordType what, Map<String, Object> details) {
    if (!what.isAccess()) {
      throw new IllegalArgumentException("Not a read of the case: " + what);
    }
    ledger.append(
        NewEvidence.of(businessKey, what, user, time.now())
            .withFindings(CanonicalForm.json(details))
            .withDocuments(CanonicalForm.json(List.of())));
  }
}
