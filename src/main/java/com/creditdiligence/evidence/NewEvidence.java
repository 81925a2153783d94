package com.creditdiligence.evidence;

import java.time.Instant;

/**
 * What a step hands to the ledger; the ledger adds the case's sequence number and the hash chain.
 * {@code findings} and {@code documents} are canonical JSON ({@link CanonicalForm#json}).
 *
 * <p>Made with {@link #of} and the {@code with…} steps, each naming what it sets, rather than by position:
 * {@code NewEvidence.of(key, RecordType.DOCUMENT_FILED, user, at).withDocuments(json)}.
 */
public record NewEvidence(
    String businessKey,
    RecordType recordType,
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
    String amendmentReason) {

  /** A record of the case by the performer at that time, with no findings ({@code {}}) and no documents ({@code []}). */
  public static NewEvidence of(
      String businessKey, RecordType type, String performer, Instant recordedAt) {
    return new NewEvidence(
        businessKey,
        type,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        performer,
        null,
        recordedAt,
        null,
        "{}",
        "[]",
        null,
        null,
        null);
  }

  /** The process instance it happened in, and that process's key. */
  public NewEvidence withProcess(String definitionKey, String instanceId) {
    return new NewEvidence(
        businessKey,
        recordType,
        definitionKey,
        processDefinitionId,
        instanceId,
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
        amendmentReason);
  }

  /**
   * The engine's id of the process definition it happened under ({@code guarantee-lifecycle:3:abc…}): the very
   * version of the model, which the replay draws.
   */
  public NewEvidence withDefinition(String definitionId) {
    return new NewEvidence(
        businessKey,
        recordType,
        processDefinitionKey,
        definitionId,
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
        amendmentReason);
  }

  /** The BPMN element it happened at, and the task (null where it is no task). */
  public NewEvidence withStep(String element, String task) {
    return new NewEvidence(
        businessKey,
        recordType,
        processDefinitionKey,
        processDefinitionId,
        processInstanceId,
        element,
        task,
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
        amendmentReason);
  }

  /** The duty it evidences and the rule book's articles. */
  public NewEvidence withDuty(String code, String articles) {
    return new NewEvidence(
        businessKey,
        recordType,
        processDefinitionKey,
        processDefinitionId,
        processInstanceId,
        elementId,
        taskId,
        code,
        articles,
        performer,
        assignee,
        recordedAt,
        verificationMethod,
        findings,
        documents,
        ruleSetVersion,
        amendsSequenceNo,
        amendmentReason);
  }

  public NewEvidence withAssignee(String user) {
    return new NewEvidence(
        businessKey,
        recordType,
        processDefinitionKey,
        processDefinitionId,
        processInstanceId,
        elementId,
        taskId,
        dutyCode,
        clause,
        performer,
        user,
        recordedAt,
        verificationMethod,
        findings,
        documents,
        ruleSetVersion,
        amendsSequenceNo,
        amendmentReason);
  }

  /** How the work was verified (§10, §11, §23). */
  public NewEvidence withVerification(String method) {
    return new NewEvidence(
        businessKey,
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
        method,
        findings,
        documents,
        ruleSetVersion,
        amendsSequenceNo,
        amendmentReason);
  }

  /** The findings, as canonical JSON. */
  public NewEvidence withFindings(String json) {
    return new NewEvidence(
        businessKey,
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
        json,
        documents,
        ruleSetVersion,
        amendsSequenceNo,
        amendmentReason);
  }

  /** The documents cited, as canonical JSON. */
  public NewEvidence withDocuments(String json) {
    return new NewEvidence(
        businessKey,
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
        findings,
        json,
        ruleSetVersion,
        amendsSequenceNo,
        amendmentReason);
  }

  /** The models in force (process version, deployment). */
  public NewEvidence withRuleSetVersion(String version) {
    return new NewEvidence(
        businessKey,
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
        findings,
        documents,
        version,
        amendsSequenceNo,
        amendmentReason);
  }

  /** §19: the record this one corrects, and why. */
  public NewEvidence amending(int sequenceNo, String reason) {
    return new NewEvidence(
        businessKey,
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
        findings,
        documents,
        ruleSetVersion,
        sequenceNo,
        reason);
  }
}
