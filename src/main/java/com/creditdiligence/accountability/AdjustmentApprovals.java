package com.creditdiligence.accountability;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * §24: an extension or an increase of the guaranteed amount is a new credit decision, which the manager proposes and
 * does not take alone. The rule book names no approver; the process gives it to the department head
 * (Task_ApproveAdjustment, created as the report is completed). The approval is on record, by someone other than the
 * manager who proposed it and the manager who held the case; pending while it waits. A report from before the process
 * had the step cannot show one, and is not held against its manager. Approving out of procedure falls under §27(七),
 * as APPROVAL_IN_PROCEDURE does. Plain Java over the ledger.
 */
final class AdjustmentApprovals {

  static final String DUTY = "ADJUSTMENT_APPROVED";
  static final String APPROVAL = "Task_ApproveAdjustment";
  static final Set<String> NEW_CREDIT = Set.of("extension", "increaseAmount");

  private AdjustmentApprovals() {}

  static List<DutyFact> of(List<EvidenceRecord> records, Function<Instant, String> managerAt) {
    List<DutyFact> facts = new ArrayList<>();
    for (EvidenceRecord report : records) {
      if (!report.is(RecordType.TASK_COMPLETED)
          || !AdjustmentGrounds.MONITORING_REPORT.equals(report.elementId())) {
        continue;
      }
      String adjustment = DutyFacts.findings(report).path("adjustment").asText("");
      if (NEW_CREDIT.contains(adjustment)) {
        facts.add(judge(records, report, adjustment, managerAt.apply(report.recordedAt())));
      }
    }
    return facts;
  }

  private static DutyFact judge(
      List<EvidenceRecord> records, EvidenceRecord report, String adjustment, String holder) {
    String what =
        "担保调整 adjustment: "
            + AdjustmentGrounds.ADJUSTMENTS.get(adjustment)
            + " proposed by "
            + report.performer()
            + " on "
            + report.recordedAt();
    Optional<EvidenceRecord> created =
        records.stream()
            .filter(
                r ->
                    r.sequenceNo() > report.sequenceNo()
                        && r.is(RecordType.TASK_CREATED)
                        && APPROVAL.equals(r.elementId()))
            .filter(
                r ->
                    report.processInstanceId() == null
                        || report.processInstanceId().equals(r.processInstanceId()))
            .findFirst()
            .filter(
                r ->
                    records.stream()
                        .noneMatch(
                            x ->
                                x.sequenceNo() > report.sequenceNo()
                                    && x.sequenceNo() < r.sequenceNo()
                                    && x.is(RecordType.TASK_COMPLETED)
                                    && AdjustmentGrounds.MONITORING_REPORT.equals(x.elementId())));
    List<Integer> evidence = new ArrayList<>(List.of(report.sequenceNo()));
    if (created.isEmpty()) {
      return fact(
          Status.NOT_APPLICABLE,
          what
              + "; 当时流程无审批步骤 the process in force had no approval step: whether it "
              + "was approved is for the auditor to ask",
          evidence,
          report,
          null,
          holder);
    }
    evidence.add(created.get().sequenceNo());
    Optional<EvidenceRecord> decided =
        ofTask(records, created.get().taskId(), RecordType.TASK_COMPLETED);
    Optional<EvidenceRecord> cancelled =
        ofTask(records, created.get().taskId(), RecordType.TASK_CANCELLED);
    if (decided.isPresent()) {
      EvidenceRecord approval = decided.get();
      evidence.add(approval.sequenceNo());
      String approver = approval.performer();
      if (approver == null || approver.equals(report.performer()) || approver.equals(holder)) {
        return fact(
            Status.VIOLATED,
            what
                + "; 由客户经理本人审批 decided by the case's own manager "
                + approver
                + ", not by someone else",
            evidence,
            report,
            approval.recordedAt(),
            holder);
      }
      String decision = DutyFacts.findings(approval).path("adjustmentDecision").asText("");
      return fact(
          Status.SATISFIED,
          what
              + "; "
              + ("approve".equals(decision) ? "已批准 approved" : "未批准 rejected")
              + " by "
              + approver
              + " on "
              + approval.recordedAt()
              + ": «"
              + DutyFacts.findings(approval).path("adjustmentApprovalOpinion").asText("")
              + "»",
          evidence,
          report,
          approval.recordedAt(),
          holder);
    }
    if (cancelled.isPresent()) {
      evidence.add(cancelled.get().sequenceNo());
      return fact(
          Status.NOT_APPLICABLE,
          what
              + "; 审批已取消 the approval was cancelled before it was decided ("
              + DutyFacts.findings(cancelled.get()).path("reason").asText("")
              + "): the adjustment was never approved, "
              + "whether it was made is for the auditor to ask",
          evidence,
          report,
          null,
          holder);
    }
    return fact(
        Status.PENDING,
        what
            + "; 等待部门负责人审批 waiting for the department head's approval since "
            + created.get().recordedAt(),
        evidence,
        report,
        null,
        holder);
  }

  private static DutyFact fact(
      Status status,
      String explanation,
      List<Integer> evidence,
      EvidenceRecord report,
      Instant doneAt,
      String holder) {
    return new DutyFact(
        DUTY,
        "monitoring",
        "§24",
        "§27(七)",
        status,
        explanation,
        List.copyOf(evidence),
        report.recordedAt(),
        doneAt,
        holder);
  }

  private static Optional<EvidenceRecord> ofTask(
      List<EvidenceRecord> records, String taskId, RecordType type) {
    return records.stream()
        .filter(r -> taskId != null && taskId.equals(r.taskId()) && r.is(type))
        .findFirst();
  }
}
