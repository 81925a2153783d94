package com.creditdiligence.evidence;

import java.time.Instant;
import java.util.Optional;

/**
 * The columns of an evidence record that say what happened, when, by whom and under which duty: what a
 * timeline shows, without the record's values, documents and hashes ({@link EvidenceLedger#summaries}).
 */
public record EvidenceSummary(
    int sequenceNo,
    String recordType,
    String processDefinitionKey,
    String elementId,
    String performer,
    String assignee,
    String dutyCode,
    String clause,
    Instant recordedAt) {

  public static EvidenceSummary of(EvidenceRecord r) {
    return new EvidenceSummary(
        r.sequenceNo(),
        r.recordType(),
        r.processDefinitionKey(),
        r.elementId(),
        r.performer(),
        r.assignee(),
        r.dutyCode(),
        r.clause(),
        r.recordedAt());
  }

  /** The type its stored code names; empty for a code this version does not know. */
  public Optional<RecordType> type() {
    return RecordType.of(recordType);
  }

  public boolean is(RecordType type) {
    return type.code().equals(recordType);
  }
}
