package com.creditdiligence.accountability;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.monitoring.RiskClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * §22 结合客户情况变化应及时向领导报告: each monitoring report that puts the guarantee in a worse class than the one
 * before (normal before the first) is a change of class the leader must hear of. The monitoring report has no field
 * for a report to the leader; what the record shows is a major-event investigation proposing a class at least as bad,
 * reviewed by the department head (Task_ReviewMajorEventReport), between the previous report and this one. With none,
 * the change was recorded but no report of it to the leader is. The holder is whoever held the case when the worse
 * class was recorded. Plain Java over the ledger.
 */
final class ClassChanges {

  static final String DUTY = "CLASS_CHANGE_REPORTED";
  static final String MONITORING_REPORT = "Task_MonitoringReport";
  static final String MAJOR_EVENT_INVESTIGATION = "Task_MajorEventInvestigation";
  static final String MAJOR_EVENT_REVIEW = "Task_ReviewMajorEventReport";

  private ClassChanges() {}

  static List<DutyFact> of(List<EvidenceRecord> records, Function<Instant, String> managerAt) {
    List<DutyFact> facts = new ArrayList<>();
    RiskClass previous = RiskClass.normal;
    Instant since = Instant.MIN;
    for (EvidenceRecord report : completions(records, MONITORING_REPORT)) {
      Optional<RiskClass> current =
          RiskClass.fromCode(DutyFacts.findings(report).path("riskClass").asText(""));
      if (current.isEmpty()) {
        continue;
      }
      if (previous.isBetterThan(current.get())) {
        facts.add(judge(records, report, previous, current.get(), since, managerAt));
      }
      previous = current.get();
      since = report.recordedAt();
    }
    return facts;
  }

  private static DutyFact judge(
      List<EvidenceRecord> records,
      EvidenceRecord report,
      RiskClass from,
      RiskClass to,
      Instant since,
      Function<Instant, String> managerAt) {
    String change =
        "风险分类由 "
            + from.label()
            + " 调整为 "
            + to.label()
            + " class changed from "
            + from.label()
            + " to "
            + to.label()
            + " on "
            + report.recordedAt();
    Optional<EvidenceRecord[]> reported = reportToLeader(records, to, since, report.recordedAt());
    List<Integer> evidence = new ArrayList<>(List.of(report.sequenceNo()));
    String holder = managerAt.apply(report.recordedAt());
    if (reported.isPresent()) {
      evidence.add(reported.get()[0].sequenceNo());
      evidence.add(reported.get()[1].sequenceNo());
      return new DutyFact(
          DUTY,
          "monitoring",
          "§22",
          "§27(三)",
          Status.SATISFIED,
          change
              + "; reported to the leader: the major-event report proposing it was reviewed by "
              + reported.get()[1].performer()
              + " on "
              + reported.get()[1].recordedAt(),
          List.copyOf(evidence),
          report.recordedAt(),
          reported.get()[1].recordedAt(),
          holder);
    }
    // Not a breach on the record: the monitoring report has no field for a report to the leader, so
    // a manager who
    // reported the worse class by word or in writing outside the workflow cannot show it here.
    // Recording the change
    // is itself diligence; whether it reached the leader is for the auditor to ask, and the fact
    // says so.
    return new DutyFact(
        DUTY,
        "monitoring",
        "§22",
        "§27(三)",
        Status.NOT_APPLICABLE,
        change
            + "; 记录中无法判断是否已向领导报告,由稽核核实 whether it was reported to the leader cannot be judged from "
            + "the record (no department head's review of a report proposing it, and the monitoring report has no "
            + "field for one): for the auditor to ask",
        List.copyOf(evidence),
        report.recordedAt(),
        null,
        holder);
  }

  /** A major-event investigation proposing a class no better than {@code to}, and the head's review after it. */
  private static Optional<EvidenceRecord[]> reportToLeader(
      List<EvidenceRecord> records, RiskClass to, Instant since, Instant until) {
    for (EvidenceRecord investigation : completions(records, MAJOR_EVENT_INVESTIGATION)) {
      if (!investigation.recordedAt().isAfter(since) || investigation.recordedAt().isAfter(until)) {
        continue;
      }
      Optional<RiskClass> proposed =
          RiskClass.fromCode(
              DutyFacts.findings(investigation).path("meProposedRiskClass").asText(""));
      if (proposed.isEmpty() || proposed.get().isBetterThan(to)) {
        continue;
      }
      Optional<EvidenceRecord> review =
          completions(records, MAJOR_EVENT_REVIEW).stream()
              .filter(
                  r ->
                      r.sequenceNo() > investigation.sequenceNo() && !r.recordedAt().isAfter(until))
              .filter(
                  r ->
                      investigation.processInstanceId() == null
                          || investigation.processInstanceId().equals(r.processInstanceId()))
              .findFirst();
      if (review.isPresent()) {
        return Optional.of(new EvidenceRecord[] {investigation, review.get()});
      }
    }
    return Optional.empty();
  }

  private static List<EvidenceRecord> completions(List<EvidenceRecord> records, String elementId) {
    return records.stream()
        .filter(r -> r.is(RecordType.TASK_COMPLETED) && elementId.equals(r.elementId()))
        .toList();
  }
}
