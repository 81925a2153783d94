package com.creditdiligence.accountability;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.monitoring.RiskClass;
import com.creditdiligence.submission.BusinessDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * §23 客户经理应通过非现场和现场检查: while the guarantee is in monitoring, on-site checks often enough for its class.
 * The monitoring period runs from the guarantee's issue (the completion of Task_IssueGuarantee) until the case leaves
 * monitoring (its problem handling begins, its release begins, or the case ends), and again from a monitoring report
 * created after it came back from problem handling; or until now. An on-site check is an on-site monitoring report
 * ({@code checkMode} onSite, on its {@code checkDate}) or a major-event on-site investigation (Task_MajorEventInvestigation,
 * on its {@code meVisitDate}): both are visits to the customer. Within each period, from its start to the first check and
 * from each check to the next, at most the days the on-site check frequency table (onsite-check-frequency.dmn, the
 * version in force when the gap began) allows for the class in force then: the class of the latest monitoring report
 * recorded by then, normal before any. One fact per gap that fell due: satisfied, or violated with the days late (a
 * gap still open past its due date is a missing check); pending for the current gap; not applicable for a gap the
 * monitoring ended before it fell due. None if the guarantee was never issued. The holder is whoever held the case
 * when the check fell due (or when it was made, if earlier); the evidence, the records bounding the gap. Whether a
 * visit really took place is the auditor's review (§27(一)). Plain Java over the ledger.
 */
public final class OnSiteChecks {

  public static final String DUTY = "ONSITE_CHECK_FREQUENCY";
  static final String ISSUE = "Task_IssueGuarantee";
  static final String MONITORING_REPORT = "Task_MonitoringReport";
  static final String MAJOR_EVENT_INVESTIGATION = "Task_MajorEventInvestigation";
  static final String RELEASE = "Task_ReleaseGuarantee";

  private OnSiteChecks() {}

  /**
   * @param days      the business zone's days, in which checks are dated and gaps fall due
   * @param maxDays   the most days between on-site checks for a class, by the table in force at a moment
   * @param managerAt who held the case at a moment
   */
  public static List<DutyFact> of(
      BusinessDays days,
      List<EvidenceRecord> records,
      BiFunction<RiskClass, Instant, Integer> maxDays,
      Function<Instant, String> managerAt,
      Instant now) {
    List<Check> checks = checks(days, records);
    List<DutyFact> facts = new ArrayList<>();
    for (Period period : periods(records)) {
      Bound opening =
          new Bound(period.start(), days.dayOf(period.start().recordedAt()), "monitoring began");
      List<Check> inPeriod =
          checks.stream()
              .filter(c -> c.record().sequenceNo() > period.start().sequenceNo())
              .filter(
                  c -> period.end() == null || c.record().sequenceNo() < period.end().sequenceNo())
              .filter(c -> !c.day().isBefore(days.dayOf(period.start().recordedAt())))
              .sorted(
                  Comparator.comparing(Check::day).thenComparingInt(c -> c.record().sequenceNo()))
              .toList();
      for (int i = 0; ; i++) {
        Instant openedAt = opening.record().recordedAt();
        RiskClass inForce = classAt(records, openedAt);
        int allowed = maxDays.apply(inForce, openedAt);
        LocalDate dueDay = opening.day().plusDays(allowed);
        Instant dueAt = days.endOf(dueDay);
        String gap =
            "现场检查 on-site check within "
                + allowed
                + " days of "
                + opening.what()
                + " on "
                + opening.day()
                + " (class "
                + inForce.label()
                + "), due "
                + dueDay;
        List<Integer> evidence = new ArrayList<>(List.of(opening.record().sequenceNo()));
        if (i < inPeriod.size()) {
          Check check = inPeriod.get(i);
          evidence.add(check.record().sequenceNo());
          boolean onTime = !check.day().isAfter(dueDay);
          Instant doneAt = days.startOf(check.day());
          facts.add(
              new DutyFact(
                  DUTY,
                  "monitoring",
                  "§23",
                  "§27(三)",
                  onTime ? Status.SATISFIED : Status.VIOLATED,
                  gap
                      + (onTime ? ": 按时 made on " : ": 逾期 made late, on ")
                      + check.day()
                      + " ("
                      + check.what()
                      + ")",
                  List.copyOf(evidence),
                  dueAt,
                  doneAt,
                  managerAt.apply(doneAt.isBefore(dueAt) ? doneAt : dueAt)));
          opening = new Bound(check.record(), check.day(), check.what());
          continue;
        }
        if (period.end() != null) {
          evidence.add(period.end().sequenceNo());
          Instant endedAt = period.end().recordedAt();
          facts.add(
              endedAt.isAfter(dueAt)
                  ? new DutyFact(
                      DUTY,
                      "monitoring",
                      "§23",
                      "§27(三)",
                      Status.VIOLATED,
                      gap
                          + ": 未现场检查 missing: no on-site check until monitoring ended on "
                          + days.dayOf(endedAt),
                      List.copyOf(evidence),
                      dueAt,
                      null,
                      managerAt.apply(dueAt))
                  : new DutyFact(
                      DUTY,
                      "monitoring",
                      "§23",
                      "§27(三)",
                      Status.NOT_APPLICABLE,
                      gap
                          + ": 监测在到期前结束 monitoring ended on "
                          + days.dayOf(endedAt)
                          + ", before it fell due",
                      List.copyOf(evidence),
                      dueAt,
                      null,
                      managerAt.apply(endedAt)));
        } else if (now.isAfter(dueAt)) {
          facts.add(
              new DutyFact(
                  DUTY,
                  "monitoring",
                  "§23",
                  "§27(三)",
                  Status.VIOLATED,
                  gap + ": 未现场检查 missing: none on record by " + days.dayOf(now),
                  List.copyOf(evidence),
                  dueAt,
                  null,
                  managerAt.apply(dueAt)));
        } else {
          facts.add(
              new DutyFact(
                  DUTY,
                  "monitoring",
                  "§23",
                  "§27(三)",
                  Status.PENDING,
                  gap + ": 尚未到期 not yet due",
                  List.copyOf(evidence),
                  dueAt,
                  null,
                  managerAt.apply(now)));
        }
        break;
      }
    }
    return facts;
  }

  /** A check or the start of monitoring: what a gap runs from. */
  private record Bound(EvidenceRecord record, LocalDate day, String what) {}

  /** An on-site visit on record: its day, and which record says so. */
  private record Check(EvidenceRecord record, LocalDate day, String what) {}

  /** A stretch of monitoring: from its first record to the one that ended it (null: still in monitoring). */
  private record Period(EvidenceRecord start, EvidenceRecord end) {}

  private static List<Period> periods(List<EvidenceRecord> records) {
    List<Period> periods = new ArrayList<>();
    EvidenceRecord start = null;
    boolean issued = false;
    for (EvidenceRecord r : records) {
      if (!issued) {
        if (completion(r, ISSUE)) {
          issued = true;
          start = r;
        }
        continue;
      }
      if (start == null) {
        if (r.is(RecordType.TASK_CREATED) && MONITORING_REPORT.equals(r.elementId())) {
          start = r;
        }
        continue;
      }
      if (leavesMonitoring(r)) {
        periods.add(new Period(start, r));
        start = null;
      }
    }
    if (start != null) {
      periods.add(new Period(start, null));
    }
    return periods;
  }

  private static boolean leavesMonitoring(EvidenceRecord r) {
    return r.is(RecordType.PROCESS_STARTED) && "problem-guarantee".equals(r.processDefinitionKey())
        || r.is(RecordType.TASK_CREATED) && RELEASE.equals(r.elementId())
        || r.is(RecordType.PROCESS_ENDED) && "guarantee-lifecycle".equals(r.processDefinitionKey());
  }

  private static List<Check> checks(BusinessDays days, List<EvidenceRecord> records) {
    List<Check> checks = new ArrayList<>();
    for (EvidenceRecord r : records) {
      if (completion(r, MONITORING_REPORT)) {
        var findings = DutyFacts.findings(r);
        if ("onSite".equals(findings.path("checkMode").asText(""))) {
          days.dayWritten(findings.path("checkDate").asText(""))
              .ifPresent(d -> checks.add(new Check(r, d, "on-site monitoring report")));
        }
      } else if (completion(r, MAJOR_EVENT_INVESTIGATION)) {
        days.dayWritten(DutyFacts.findings(r).path("meVisitDate").asText(""))
            .ifPresent(d -> checks.add(new Check(r, d, "major-event on-site investigation")));
      }
    }
    return checks;
  }

  /** The class of the latest monitoring report recorded by then; normal before any. */
  private static RiskClass classAt(List<EvidenceRecord> records, Instant at) {
    RiskClass inForce = RiskClass.normal;
    for (EvidenceRecord r : records) {
      if (completion(r, MONITORING_REPORT) && !r.recordedAt().isAfter(at)) {
        inForce =
            RiskClass.fromCode(DutyFacts.findings(r).path("riskClass").asText("")).orElse(inForce);
      }
    }
    return inForce;
  }

  private static boolean completion(EvidenceRecord r, String elementId) {
    return r.is(RecordType.TASK_COMPLETED) && elementId.equals(r.elementId());
  }
}
