package com.creditdiligence.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A record as the API shows it: findings as structure, with the amendments that point to it. */
public record EvidenceView(
    int id,
    String recordType,
    Instant recordedAt,
    String processDefinitionKey,
    String processDefinitionId,
    String processInstanceId,
    String elementId,
    String taskId,
    String dutyCode,
    String clause,
    String performer,
    String assignee,
    String verificationMethod,
    Object findings,
    Object documents,
    String ruleSetVersion,
    Integer amends,
    String amendmentReason,
    List<Integer> amendedBy,
    String previousHash,
    String recordHash,
    String canonicalVersion) {

  static final Map<String, String> SEALED =
      Map.of("sealed", "表决结果公布前保密 Sealed until all members have voted");

  public static List<EvidenceView> of(
      List<EvidenceRecord> records, Predicate<EvidenceRecord> sealed) {
    Map<Integer, List<Integer>> amendedBy =
        records.stream()
            .filter(r -> r.amendsSequenceNo() != null)
            .collect(
                Collectors.groupingBy(
                    EvidenceRecord::amendsSequenceNo,
                    Collectors.mapping(EvidenceRecord::sequenceNo, Collectors.toList())));
    return records.stream()
        .map(r -> of(r, amendedBy.getOrDefault(r.sequenceNo(), List.of()), sealed.test(r)))
        .toList();
  }

  public static EvidenceView of(EvidenceRecord r, List<Integer> amendedBy, boolean sealed) {
    return new EvidenceView(
        r.sequenceNo(),
        r.recordType(),
        r.recordedAt(),
        r.processDefinitionKey(),
        r.processDefinitionId(),
        r.processInstanceId(),
        r.elementId(),
        r.taskId(),
        r.dutyCode(),
        r.clause(),
        r.performer(),
        r.assignee(),
        r.verificationMethod(),
        sealed ? SEALED : Amendments.parse(r.findings()),
        DocumentsJson.parse(r.documents()),
        r.ruleSetVersion(),
        r.amendsSequenceNo(),
        r.amendmentReason(),
        amendedBy,
        r.previousHash(),
        r.recordHash(),
        r.canonicalVersion());
  }
}
