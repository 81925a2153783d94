package com.creditdiligence.evidence;

import java.time.Instant;

/** Test data: a linked, sealed record of a case, as the ledger would write it (for generators outside this package). */
public final class EvidenceRecords {

  private EvidenceRecords() {
  }

  public static EvidenceRecord link(String businessKey, int sequenceNo, String previousHash) {
    return EvidenceRecord.link(sequenceNo, new NewEvidence(businessKey, "TASK_COMPLETED", "guarantee-lifecycle", "pi",
        "Task_CustomerInvestigation", "task", "CUSTOMER_INVESTIGATION", "§5–§14", "manager1", "manager1", Instant.now(),
        "onSite×12", "{\"doc01Method\":\"onSite\",\"doc01Status\":\"verified\",\"onSiteVisitFindings\":"
        + "\"生产线满负荷运转,库存与账面一致 Lines running at capacity; stock matches the books\"}", "[]",
        "guarantee-lifecycle:v1 (2026.1) deployment d", null, null), sequenceNo, previousHash);
  }
}
