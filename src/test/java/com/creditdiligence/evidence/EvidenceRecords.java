package com.creditdiligence.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test data: a linked, sealed record of a case, as the ledger would write it (for generators outside this package). */
public final class EvidenceRecords {

  private EvidenceRecords() {}

  public static EvidenceRecord link(String businessKey, int sequenceNo, String previousHash) {
    return EvidenceRecord.link(
        sequenceNo,
        new NewEvidence(
            businessKey,
            RecordType.TASK_COMPLETED,
            "guarantee-lifecycle",
            "guarantee-lifecycle:1:d",
            "pi",
            "Task_CustomerInvestigation",
            "task",
            "CUSTOMER_INVESTIGATION",
            "§5–§14",
            "manager1",
            "manager1",
            Instant.now(),
            "onSite×12",
            "{\"doc01Method\":\"onSite\",\"doc01Status\":\"verified\",\"onSiteVisitFindings\":"
                + "\"生产线满负荷运转,库存与账面一致 Lines running at capacity; stock matches the books\"}",
            "[]",
            "guarantee-lifecycle:v1 (2026.1) deployment d",
            null,
            null),
        sequenceNo,
        previousHash);
  }

  /**
   * The record's content in the order the canonical hash input of its version lists it (see {@link CanonicalForm}),
   * written out here apart from {@link EvidenceRecord#computeHash()}, so that a test can recompute the hash another
   * way.
   */
  public static List<String> hashFields(EvidenceRecord r) {
    List<String> fields =
        new ArrayList<>(
            Arrays.asList(
                r.canonicalVersion(),
                r.businessKey(),
                Integer.toString(r.sequenceNo()),
                r.recordType(),
                r.processDefinitionKey(),
                r.processInstanceId(),
                r.elementId(),
                r.taskId(),
                r.dutyCode(),
                r.clause(),
                r.performer(),
                r.assignee(),
                CanonicalForm.time(r.recordedAt()),
                r.verificationMethod(),
                r.findings(),
                r.documents(),
                r.ruleSetVersion(),
                r.amendsSequenceNo() == null ? null : Integer.toString(r.amendsSequenceNo()),
                r.amendmentReason(),
                r.previousHash()));
    switch (r.canonicalVersion()) {
      case "credit-diligence-ledger-v1" -> {}
      case "credit-diligence-ledger-v2" -> fields.add(5, r.processDefinitionId());
      default -> throw new IllegalArgumentException(r.canonicalVersion());
    }
    return fields;
  }
}
