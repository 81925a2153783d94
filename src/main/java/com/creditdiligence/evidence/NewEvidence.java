package com.creditdiligence.evidence;

import java.time.Instant;

/**
 * What a step hands to the ledger; the ledger adds the case's sequence number and the hash chain.
 * {@code findings} and {@code documents} are canonical JSON ({@link CanonicalForm#json}).
 */
public record NewEvidence(
    String businessKey,
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
    String amendmentReason) {
}
