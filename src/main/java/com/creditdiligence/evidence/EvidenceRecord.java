package com.creditdiligence.evidence;

import java.time.Instant;
import java.util.Optional;

/**
 * One link of a case's evidence chain, as stored (append-only) in evidence_record. {@code recordType} is the code as
 * stored and hashed ({@link RecordType#code()}); {@link #type()} and {@link #is} read it as the enum.
 *
 * <p>{@code canonicalVersion} names the canonical form its hash was computed under ({@link CanonicalForm#V1} for
 * the records written before the process definition id had a column of its own, {@link CanonicalForm#V2} since);
 * a record is verified under its own form, forever. {@code processDefinitionId} is the engine's id of the model
 * version it was made under (null in v1 records, and where no process definition applies).
 */
public record EvidenceRecord(
    long id,
    String businessKey,
    int sequenceNo,
    String recordType,
    String processDefinitionKey,
    String processDefinitionId,
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
    String recordHash,
    String canonicalVersion) {

  /** The type its stored code names; empty for a code this version does not know (the record still verifies). */
  public Optional<RecordType> type() {
    return RecordType.of(recordType);
  }

  /** Whether the record is of that type. */
  public boolean is(RecordType type) {
    return type.code().equals(recordType);
  }

  /**
   * The hash of the record's content under the canonical form it was hashed under ({@link #canonicalVersion}); null
   * for a form this version does not know, which then matches no stored hash.
   */
  public String computeHash() {
    String[] input = hashInput();
    return input == null ? null : CanonicalForm.hashOf(input);
  }

  /** Whether this version of the application knows the canonical form the record names. */
  public boolean hasKnownCanonicalForm() {
    return CanonicalForm.V1.equals(canonicalVersion) || CanonicalForm.V2.equals(canonicalVersion);
  }

  /**
   * The process definition the record names, where its hash covers that: a v2 record's column. A v1 record's hash
   * does not cover the column (v1 rows leave it null), so it is never taken from one.
   */
  public Optional<String> hashedProcessDefinitionId() {
    return CanonicalForm.V2.equals(canonicalVersion)
        ? Optional.ofNullable(processDefinitionId)
        : Optional.empty();
  }

  /** The hash input's fields, in the order {@link CanonicalForm} specifies for the record's version. */
  private String[] hashInput() {
    String sequence = Integer.toString(sequenceNo);
    String recorded = CanonicalForm.time(recordedAt);
    String amends = amendsSequenceNo == null ? null : Integer.toString(amendsSequenceNo);
    if (CanonicalForm.V1.equals(canonicalVersion)) {
      return new String[] {
        CanonicalForm.V1,
        businessKey,
        sequence,
        recordType,
        processDefinitionKey,
        processInstanceId,
        elementId,
        taskId,
        dutyCode,
        clause,
        performer,
        assignee,
        recorded,
        verificationMethod,
        findings,
        documents,
        ruleSetVersion,
        amends,
        amendmentReason,
        previousHash
      };
    }
    if (CanonicalForm.V2.equals(canonicalVersion)) {
      return new String[] {
        CanonicalForm.V2,
        businessKey,
        sequence,
        recordType,
        processDefinitionKey,
        processDefinitionId,
        processInstanceId,
        elementId,
        taskId,
        dutyCode,
        clause,
        performer,
        assignee,
        recorded,
        verificationMethod,
        findings,
        documents,
        ruleSetVersion,
        amends,
        amendmentReason,
        previousHash
      };
    }
    return null;
  }

  static EvidenceRecord link(long id, NewEvidence e, int sequenceNo, String previousHash) {
    EvidenceRecord unsealed =
        new EvidenceRecord(
            id,
            e.businessKey(),
            sequenceNo,
            e.recordType().code(),
            e.processDefinitionKey(),
            e.processDefinitionId(),
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
            null,
            CanonicalForm.VERSION);
    return unsealed.withHash(unsealed.computeHash());
  }

  /**
   * The record as a reader who may not yet see its content gets it: listed, hashed and linked as it is, its
   * findings withheld (a committee vote until the committee has decided). Its hash is then not recomputable
   * from what is shown; the full record is in the ledger, and shown once disclosed.
   */
  public EvidenceRecord withFindingsSealed() {
    return copy(id, CanonicalForm.json(EvidenceView.SEALED), recordHash, canonicalVersion);
  }

  /** The same content, read as hashed under that canonical form (a dossier exported before forms had versions). */
  EvidenceRecord underCanonicalForm(String version) {
    return copy(id, findings, recordHash, version);
  }

  EvidenceRecord withId(long newId) {
    return copy(newId, findings, recordHash, canonicalVersion);
  }

  private EvidenceRecord withHash(String hash) {
    return copy(id, findings, hash, canonicalVersion);
  }

  /** This record with those four parts changed: the one place that lists every component again. */
  private EvidenceRecord copy(long newId, String newFindings, String hash, String version) {
    return new EvidenceRecord(
        newId,
        businessKey,
        sequenceNo,
        recordType,
        processDefinitionKey,
        processDefinitionId,
        processInstanceId,
        elementId,
        taskId,
        dutyCode,
        clause,
        performer,
        assignee,
        recordedAt,
        verificationMethod,
        newFindings,
        documents,
        ruleSetVersion,
        amendsSequenceNo,
        amendmentReason,
        previousHash,
        hash,
        version);
  }
}
