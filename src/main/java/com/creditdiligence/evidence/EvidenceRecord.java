package com.creditdiligence.evidence;

import java.time.Instant;
import java.util.Optional;

/**
 * One link of a case's evidence chain, as stored (append-only) in evidence_record. {@code recordType} is the code as
 * stored and hashed ({@link RecordType#code()}); {@link #type()} and {@link #is} read it as the enum.
 */
public record EvidenceRecord(
    long id,
    String businessKey,
    int sequenceNo,
    String recordType,
    String processDefinitionKey,
    String processInstanceId,
    String elementId,
    String taskId,
    String dutyCode,
    String clause,
    String performer,
    String assignee,
    Instant recordedAt,
    String verificationMethod,
    String findings,
    String documents,
    String ruleSetVersion,
    Integer amendsSequenceNo,
    String amendmentReason,
    String previousHash,
    String recordHash) {

  /** The type its stored code names; empty for a code this version does not know (the record still verifies). */
  public Optional<RecordType> type() {
    return RecordType.of(recordType);
  }

  /** Whether the record is of that type. */
  public boolean is(RecordType type) {
    return type.code().equals(recordType);
  }

  public String computeHash() {
    return CanonicalForm.hashOf(hashInput());
  }

  private String[] hashInput() {
    return new String[] {
      CanonicalForm.VERSION,
      businessKey,
      Integer.toString(sequenceNo),
      recordType,
      processDefinitionKey,
      processInstanceId,
      elementId,
      taskId,
      dutyCode,
      clause,
      performer,
      assignee,
      CanonicalForm.time(recordedAt),
      verificationMethod,
      findings,
      documents,
      ruleSetVersion,
      amendsSequenceNo == null ? null : Integer.toString(amendsSequenceNo),
      amendmentReason,
      previousHash
    };
  }

  static EvidenceRecord link(long id, NewEvidence e, int sequenceNo, String previousHash) {
    EvidenceRecord unsealed =
        new EvidenceRecord(
            id,
            e.businessKey(),
            sequenceNo,
            e.recordType().code(),
            e.processDefinitionKey(),
            e.processInstanceId(),
            e.elementId(),
            e.taskId(),
            e.dutyCode(),
            e.clause(),
            e.performer(),
            e.assignee(),
            e.recordedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
            e.verificationMethod(),
            e.findings(),
            e.documents(),
            e.ruleSetVersion(),
            e.amendsSequenceNo(),
            e.amendmentReason(),
            previousHash,
            null);
    return unsealed.withHash(unsealed.computeHash());
  }

  /**
   * The record as a reader who may not yet see its content gets it: listed, hashed and linked as it is, its
   * findings withheld (a committee vote until the committee has decided). Its hash is then not recomputable
   * from what is shown; the full record is in the ledger, and shown once disclosed.
   */
  public EvidenceRecord withFindingsSealed() {
    return new EvidenceRecord(
        id,
        businessKey,
        sequenceNo,
        recordType,
        processDefinitionKey,
        processInstanceId,
        elementId,
        taskId,
        dutyCode,
        clause,
        performer,
        assignee,
        recordedAt,
        verificationMethod,
        CanonicalForm.json(EvidenceView.SEALED),
        documents,
        ruleSetVersion,
        amendsSequenceNo,
        amendmentReason,
        previousHash,
        recordHash);
  }

  EvidenceRecord withId(long newId) {
    return new EvidenceRecord(
        newId,
        businessKey,
        sequenceNo,
        recordType,
        processDefinitionKey,
        processInstanceId,
        elementId,
        taskId,
        dutyCode,
        clause,
        performer,
        assignee,
        recordedAt,
        verificationMethod,
        findings,
        documents,
        ruleSetVersion,
        amendsSequenceNo,
        amendmentReason,
        previousHash,
        recordHash);
  }

  private EvidenceRecord withHash(String hash) {
    return new EvidenceRecord(
        id,
        businessKey,
        sequenceNo,
        recordType,
        processDefinitionKey,
        processInstanceId,
        elementId,
        taskId,
        dutyCode,
        clause,
        performer,
        assignee,
        recordedAt,
        verificationMethod,
        findings,
        documents,
        ruleSetVersion,
        amendsSequenceNo,
        amendmentReason,
        previousHash,
        hash);
  }
}
