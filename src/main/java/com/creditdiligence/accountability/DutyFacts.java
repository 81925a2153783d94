package com.creditdiligence.accountability;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.submission.TaskSpec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Derives a case's duty facts (SPEC "Duty facts") from its evidence ledger alone, so that they can be
 * computed at any time, years later, whatever Camunda's history still holds. Plain Java.
 */
public final class DutyFacts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DutyFacts() {}

  /** From the ledger alone: the approval procedure is judged from the administrators' interventions only. */
  public static List<DutyFact> of(
      List<EvidenceRecord> records, List<TaskSpec> timedSteps, Instant now) {
    return of(records, timedSteps, ApprovalRecord.NOT_CONSULTED, now);
  }

  /**
   * From the ledger and the committee's record of the approval (the approval-procedure duty reads both).
   * {@code timedSteps}: the steps whose spec carries a deadline duty (done by the task's due date).
   */
  public static List<DutyFact> of(
      List<EvidenceRecord> records,
      List<TaskSpec> timedSteps,
      ApprovalRecord approval,
      Instant now) {
    Ledger ledger = new Ledger(records);
    List<DutyFact> facts = new ArrayList<>();
    Optional<EvidenceRecord> investigation = ledger.completion("CUSTOMER_INVESTIGATION");
    Optional<EvidenceRecord> evaluation = ledger.completion("ANALYSIS_REPORT");
    facts.add(RecordContent.checklistVerified(records, investigation, evaluation));
    facts.add(onSiteBeforeEvaluation(investigation, evaluation));
    facts.add(relatedPartyCheck(investigation, evaluation));
    facts.add(RecordContent.analysisReport(evaluation));
    facts.addAll(ApprovalProcedure.of(records, approval));
    for (TaskSpec step : timedSteps) {
      TaskSpec.Deadline deadline = step.deadline().orElseThrow();
      facts.addAll(
          ledger.deadlines(
              step.elementId(),
              deadline.dutyCode(),
              step.stage().code(),
              deadline.clause(),
              deadline.section27(),
              now));
    }
    facts.add(
        new DutyFact(
            "AMENDMENTS_ONLY",
            "evaluation",
            "§19",
            "—",
            Status.SATISFIED,
            "结构性保证:台账不可原地修改,更改均为修正记录 structural: the ledger cannot be edited in place; changes are amendment records",
            List.of(),
            null,
            null,
            null));
    return facts;
  }

  /**
   * A duty still pending when the case's lifecycle has ended (rejected at intake, by the committee, released, closed)
   * can no longer fall due: it is not applicable, citing the end, not pending for ever.
   */
  static List<DutyFact> noLongerDue(List<EvidenceRecord> records, List<DutyFact> facts) {
    Optional<EvidenceRecord> end =
        records.stream()
            .filter(
                r ->
                    r.is(RecordType.PROCESS_ENDED)
                        && "guarantee-lifecycle".equals(r.processDefinitionKey()))
            .findFirst();
    if (end.isEmpty()) {
      return facts;
    }
    return facts.stream()
        .map(
            f ->
                f.status() != Status.PENDING
                    ? f
                    : new DutyFact(
                        f.code(),
                        f.stage(),
                        f.clause(),
                        f.trigger(),
                        Status.NOT_APPLICABLE,
                        "案件已于 "
                            + end.get().recordedAt()
                            + " 结束("
                            + end.get().elementId()
                            + "),此义务不再到期 the case ended at "
                            + end.get().elementId()
                            + " before this duty fell due: "
                            + f.explanation(),
                        List.of(end.get().sequenceNo()),
                        f.dueAt(),
                        null,
                        f.responsible()))
        .collect(Collectors.toList());
  }

  private static DutyFact beforeEvaluation(
      String code,
      String stage,
      String clause,
      Optional<EvidenceRecord> investigation,
      Optional<EvidenceRecord> evaluation,
      String what) {
    if (investigation.isPresent()) {
      return new DutyFact(
          code,
          stage,
          clause,
          "§27(二)",
          Status.SATISFIED,
          what,
          List.of(investigation.get().sequenceNo()),
          null,
          investigation.get().recordedAt(),
          investigation.get().performer());
    }
    return evaluation
        .map(
            e ->
                new DutyFact(
                    code,
                    stage,
                    clause,
                    "§27(二)",
                    Status.VIOLATED,
                    "未经记录在案的调查即作评价 evaluated without a recorded investigation",
                    List.of(e.sequenceNo()),
                    e.recordedAt(),
                    null,
                    e.performer()))
        .orElse(
            new DutyFact(
                code,
                stage,
                clause,
                "§27(二)",
                Status.PENDING,
                "调查尚未完成 the investigation is not done yet",
                List.of(),
                null,
                null,
                null));
  }

  private static DutyFact onSiteBeforeEvaluation(
      Optional<EvidenceRecord> investigation, Optional<EvidenceRecord> evaluation) {
    DutyFact checklist =
        beforeEvaluation(
            "ONSITE_BEFORE_EVALUATION",
            "investigation",
            "§10 §26",
            investigation,
            evaluation,
            "评价前至少一次实地调查 at least one on-site visit before the evaluation");
    if (investigation.isEmpty()) {
      return checklist;
    }
    String visited = findings(investigation.get()).path("onSiteVisitDate").asText("");
    boolean onSite = !visited.isEmpty();
    return new DutyFact(
        checklist.code(),
        checklist.stage(),
        checklist.clause(),
        checklist.trigger(),
        onSite ? Status.SATISFIED : Status.VIOLATED,
        onSite
            ? "实地调查于 " + visited + " on-site visit on " + visited
            : "未记录实地调查 no on-site visit recorded",
        checklist.evidence(),
        checklist.dueAt(),
        checklist.doneAt(),
        checklist.responsible());
  }

  private static DutyFact relatedPartyCheck(
      Optional<EvidenceRecord> investigation, Optional<EvidenceRecord> evaluation) {
    DutyFact base =
        beforeEvaluation(
            "RELATED_PARTY_CHECK",
            "investigation",
            "§8",
            investigation,
            evaluation,
            "已核查集团及关联方 group and related parties checked");
    if (investigation.isEmpty()) {
      return base;
    }
    boolean done = findings(investigation.get()).path("relatedPartyCheckDone").asBoolean(false);
    return new DutyFact(
        base.code(),
        base.stage(),
        base.clause(),
        base.trigger(),
        done ? Status.SATISFIED : Status.VIOLATED,
        done ? "已记录关联方核查 related-party check recorded" : "未记录关联方核查 no related-party check recorded",
        base.evidence(),
        base.dueAt(),
        base.doneAt(),
        base.responsible());
  }

  static JsonNode findings(EvidenceRecord record) {
    try {
      return JSON.readTree(record.findings() == null ? "{}" : record.findings());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable findings in record " + record.sequenceNo(), e);
    }
  }

  /** The case's records, read for facts. */
  private record Ledger(List<EvidenceRecord> records) {

    Optional<EvidenceRecord> completion(String dutyCode) {
      return records.stream()
          .filter(r -> r.is(RecordType.TASK_COMPLETED) && dutyCode.equals(r.dutyCode()))
          .findFirst();
    }

    /**
     * A task with a due date (a monitoring report, an on-site investigation, preservation measures):
     * done by then, done late, missing, or not yet due. The responsible manager is whoever held the
     * task when it fell due.
     */
    List<DutyFact> deadlines(
        String taskKey, String code, String stage, String clause, String trigger, Instant now) {
      List<DutyFact> facts = new ArrayList<>();
      for (EvidenceRecord created : records) {
        if (!created.is(RecordType.TASK_CREATED) || !taskKey.equals(created.elementId())) {
          continue;
        }
        String due = findings(created).path("dueDate").asText(null);
        if (due == null) {
          continue;
        }
        Instant dueAt = Instant.parse(due);
        String holder = holderAt(created.taskId(), dueAt);
        Optional<EvidenceRecord> done = ofTask(created.taskId(), RecordType.TASK_COMPLETED);
        Optional<EvidenceRecord> cancelled = ofTask(created.taskId(), RecordType.TASK_CANCELLED);
        List<Integer> evidence = new ArrayList<>(List.of(created.sequenceNo()));
        Status status;
        String explanation;
        if (done.isPresent()) {
          evidence.add(done.get().sequenceNo());
          boolean onTime = !done.get().recordedAt().isAfter(dueAt);
          status = onTime ? Status.SATISFIED : Status.VIOLATED;
          explanation =
              (onTime ? "按期完成,完成于 " : "逾期完成,完成于 ")
                  + done.get().recordedAt()
                  + ",期限 "
                  + dueAt
                  + " "
                  + (onTime ? "done on " : "done late, on ")
                  + done.get().recordedAt()
                  + ", due "
                  + dueAt;
        } else if (cancelled.isPresent() && !cancelled.get().recordedAt().isAfter(dueAt)) {
          evidence.add(cancelled.get().sequenceNo());
          status = Status.NOT_APPLICABLE;
          explanation =
              "到期前已不再需要 no longer required before it fell due ("
                  + findings(cancelled.get()).path("reason").asText("")
                  + ")";
        } else if (now.isAfter(dueAt)) {
          status = Status.VIOLATED;
          explanation = "未完成,期限 " + dueAt + " missing: due " + dueAt;
        } else {
          status = Status.PENDING;
          explanation = "未到期,期限 " + dueAt + " due " + dueAt;
        }
        facts.add(
            new DutyFact(
                code,
                stage,
                clause,
                trigger,
                status,
                explanation,
                evidence,
                dueAt,
                done.map(EvidenceRecord::recordedAt).orElse(null),
                holder));
      }
      return facts;
    }

    Optional<EvidenceRecord> ofTask(String taskId, RecordType recordType) {
      return records.stream()
          .filter(r -> taskId.equals(r.taskId()) && r.is(recordType))
          .findFirst();
    }

    /** Whoever the task was assigned to at that moment, from the ledger's assignment records. */
    String holderAt(String taskId, Instant at) {
      return records.stream()
          .filter(
              r ->
                  taskId.equals(r.taskId())
                      && (r.is(RecordType.TASK_ASSIGNED) || r.is(RecordType.TASK_CREATED)))
          .filter(r -> !r.recordedAt().isAfter(at) && r.assignee() != null)
          .max(Comparator.comparingInt(EvidenceRecord::sequenceNo))
          .map(EvidenceRecord::assignee)
          .orElse(null);
    }
  }
}
