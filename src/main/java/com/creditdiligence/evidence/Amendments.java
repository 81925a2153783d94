package com.creditdiligence.evidence;

import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.submission.Rejection;
import com.creditdiligence.submission.TaskRule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * §19: a submitted report is never edited in place. A principled change is a new, signed record that
 * names the record it amends, with the reason; the original stays exactly as it was. Only the report's
 * author amends it, or, once the case was handed over, the case's current manager amends a report its
 * manager of the time made: nobody corrects another person's review, vote or decision.
 */
@Service
public class Amendments {

  /** The records that carry a person's submitted findings can be amended; a vote cannot be. */
  static final Set<RecordType> AMENDABLE =
      Set.of(RecordType.TASK_COMPLETED, RecordType.PROCESS_STARTED);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EvidenceLedger ledger;
  private final CaseFiles caseFiles;
  private final List<TaskRule> steps;

  Amendments(EvidenceLedger ledger, CaseFiles caseFiles, List<TaskRule> steps) {
    this.ledger = ledger;
    this.caseFiles = caseFiles;
    this.steps = List.copyOf(steps);
  }

  @Transactional
  public EvidenceRecord amend(
      String businessKey,
      int sequenceNo,
      String reason,
      Map<String, Object> changes,
      String amendedBy,
      Instant at) {
    EvidenceRecord original =
        ledger
            .record(businessKey, sequenceNo)
            .orElseThrow(
                () ->
                    Rejection.notFound(
                        "案件 "
                            + businessKey
                            + " 没有第 "
                            + sequenceNo
                            + " 条证据 No evidence record "
                            + sequenceNo
                            + " in case "
                            + businessKey));
    if (original.type().filter(AMENDABLE::contains).isEmpty()) {
      throw Rejection.invalid(
          "id",
          "只能修正提交的工作记录,不能修正 "
              + original.recordType()
              + " Only submitted findings can be amended, not a "
              + original.recordType()
              + " record");
    }
    if (!mayAmend(amendedBy, original)) {
      throw Rejection.notPermitted(
          "只有记录的作者(或案件移交后的现任客户经理)可以修正此记录,"
              + "第 "
              + sequenceNo
              + " 条由 "
              + original.performer()
              + " 提交 Only the record's author, or after a handover the "
              + "case's current manager, may amend it; record "
              + sequenceNo
              + " was made by "
              + original.performer());
    }
    Map<String, Object> findings = parse(original.findings());
    // A field of the step's own form may be amended even where the form left it out (hidden, as a
    // document's
    // method is until the document is verified): that is how a document to be supplied is recorded
    // verified.
    List<String> formFields =
        steps.stream()
            .filter(rule -> rule.elementId().equals(original.elementId()))
            .findFirst()
            .map(rule -> rule.spec().fieldNames())
            .orElse(List.of());
    for (String field : changes.keySet()) {
      if (!findings.containsKey(field) && !formFields.contains(field)) {
        throw Rejection.invalid(
            "changes." + field, "原记录没有字段 " + field + " The original record has no field " + field);
      }
    }
    return ledger.append(
        NewEvidence.of(businessKey, RecordType.AMENDMENT, amendedBy, at)
            .withProcess(original.processDefinitionKey(), original.processInstanceId())
            .withDefinition(original.hashedProcessDefinitionId().orElse(null))
            .withStep(original.elementId(), original.taskId())
            .withDuty(original.dutyCode(), "§19")
            .withFindings(CanonicalForm.json(new TreeMap<>(changes)))
            .withRuleSetVersion(original.ruleSetVersion())
            .amending(sequenceNo, reason.trim()));
  }

  private boolean mayAmend(String user, EvidenceRecord original) {
    if (user.equals(original.performer())) {
      return true;
    }
    String businessKey = original.businessKey();
    boolean currentManager =
        caseFiles.find(businessKey).map(file -> file.caseManager().equals(user)).orElse(false);
    boolean byManagerOfTheTime =
        caseFiles
            .managerAt(businessKey, original.recordedAt())
            .map(manager -> manager.equals(original.performer()))
            .orElse(false);
    return currentManager && byManagerOfTheTime;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String findings) {
    try {
      return findings == null ? Map.of() : JSON.readValue(findings, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored findings are not JSON", e);
    }
  }
}
