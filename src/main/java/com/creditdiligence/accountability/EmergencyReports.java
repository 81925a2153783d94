package com.creditdiligence.accountability;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.submission.BusinessDays;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * §14 当客户发生突发事件时,客户经理应实地调查,并及时向领导进行汇报后形成书面报告: a dated visit (its timeliness is
 * ONSITE_AFTER_MAJOR_EVENT's), a written report that says something, and the report on the leader's desk: the department head's review recorded (pending while it waits).
 *
 * <p>Applied to every major event, not only those reported as 突发事件 {@code emergency}: §27(四) holds the manager
 * to the same on-site duty for 重大变化 and 突发事件 alike, §22 asks every change of the customer's situation to be
 * reported to the leader, and the process asks the same three steps of every major event. An emergency cites §14;
 * any other kind §14 §22. Plain Java over the ledger.
 */
final class EmergencyReports {

  static final String DUTY = "EMERGENCY_REPORTED_TO_LEADER";

  private EmergencyReports() {}

  static List<DutyFact> of(
      BusinessDays days,
      List<EvidenceRecord> records,
      Function<Instant, String> managerAt,
      Instant now) {
    List<DutyFact> facts = new ArrayList<>();
    for (MajorEventHandlings handling : MajorEventHandlings.of(records)) {
      facts.add(judge(days, handling, managerAt, now));
    }
    return facts;
  }

  private static DutyFact judge(
      BusinessDays days, MajorEventHandlings h, Function<Instant, String> managerAt, Instant now) {
    String clause = "emergency".equals(h.kind()) ? "§14" : "§14 §22";
    String event = "重大事项 major event (" + h.kind() + ") received " + h.event().recordedAt();
    Instant dueAt = h.dueAt();
    String holder = managerAt.apply(h.heldAt());
    if (h.done().isEmpty()) {
      if (h.cancelled().isPresent()) {
        return fact(
            clause,
            Status.NOT_APPLICABLE,
            event
                + "; 调查任务已取消 the investigation was cancelled ("
                + DutyFacts.findings(h.cancelled().get()).path("reason").asText("")
                + ")",
            h,
            dueAt,
            null,
            holder);
      }
      if (dueAt != null && now.isAfter(dueAt)) {
        return fact(
            clause,
            Status.NOT_APPLICABLE,
            event
                + "; 未记录调查 no investigation recorded: that breach is "
                + "ONSITE_AFTER_MAJOR_EVENT's, there is no visit or report to judge",
            h,
            dueAt,
            null,
            holder);
      }
      return fact(
          clause,
          Status.PENDING,
          event + "; 调查尚未完成 the investigation is due " + dueAt,
          h,
          dueAt,
          null,
          holder);
    }
    EvidenceRecord done = h.done().get();
    JsonNode findings = DutyFacts.findings(done);
    Optional<LocalDate> visited = days.dayWritten(findings.path("meVisitDate").asText(""));
    LocalDate dueDay = dueAt == null ? null : days.dayOf(dueAt);
    String report = findings.path("meWrittenReport").asText("").strip();
    List<String> problems = new ArrayList<>();
    // The visit's timeliness is ONSITE_AFTER_MAJOR_EVENT's: a visit made late is recorded late (its
    // date cannot be
    // in the future), so judging it here again would count one lateness twice.
    if (visited.isEmpty()) {
      problems.add("未记录实地调查日期 no visit date recorded");
    }
    if (RecordContent.isTrivial(report)) {
      problems.add("书面报告无实质内容 the written report says nothing: «" + report + "»");
    }
    if (!problems.isEmpty()) {
      // A visit without a date or a report that says nothing is one never made.
      return fact(
          clause,
          Status.VIOLATED,
          event + "; " + String.join("; ", problems),
          h,
          dueAt,
          null,
          holder);
    }
    String visit =
        event
            + "; 实地调查 visited on "
            + visited.get()
            + " (due "
            + dueDay
            + "), 书面报告 written report «"
            + report
            + "» submitted "
            + done.recordedAt();
    if (h.reviewDone().isPresent()) {
      EvidenceRecord review = h.reviewDone().get();
      return fact(
          clause,
          Status.SATISFIED,
          visit
              + "; 已向领导汇报 reported to the leader: reviewed by "
              + review.performer()
              + " on "
              + review.recordedAt(),
          h,
          dueAt,
          done.recordedAt(),
          holder);
    }
    if (h.reviewCancelled().isPresent()) {
      return fact(
          clause,
          Status.NOT_APPLICABLE,
          visit
              + "; 部门负责人审阅已取消,记录中无法判断领导是否已知悉 the department "
              + "head's review was cancelled ("
              + DutyFacts.findings(h.reviewCancelled().get()).path("reason").asText("")
              + ") before it was recorded: whether the leader read it is for the auditor to ask",
          h,
          dueAt,
          done.recordedAt(),
          holder);
    }
    if (h.reviewCreated().isPresent()) {
      return fact(
          clause,
          Status.PENDING,
          visit
              + "; 等待部门负责人审阅 waiting for the department head's review since "
              + h.reviewCreated().get().recordedAt(),
          h,
          dueAt,
          done.recordedAt(),
          holder);
    }
    return fact(
        clause,
        Status.VIOLATED,
        visit + "; 未向领导汇报 no report to the leader on record",
        h,
        dueAt,
        null,
        holder);
  }

  private static DutyFact fact(
      String clause,
      Status status,
      String explanation,
      MajorEventHandlings h,
      Instant dueAt,
      Instant doneAt,
      String holder) {
    return new DutyFact(
        DUTY,
        "monitoring",
        clause,
        "§27(四)",
        status,
        explanation,
        h.evidence(),
        dueAt,
        doneAt,
        holder);
  }
}
