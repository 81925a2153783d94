package com.creditdiligence.accountability;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.submission.BusinessDays;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * §26 调查采取现场方式进行……客户经理应及时报告尽职调查结果: the customer investigation (Task_CustomerInvestigation) is the
 * report of the diligence investigation's results. Its on-site findings say something, and it is recorded within
 * N days of the on-site visit (the end of the N-th day after the visit date; N is
 * {@code credit-diligence.deadlines.investigation-report-days}). That there was a visit at all is
 * ONSITE_BEFORE_EVALUATION's (§10 §26); without one there is no visit to report on time. A report late or empty of
 * findings is a 重大疏漏 in the record of the investigation: §27(一). The holder is whoever held the case when the
 * report fell due (or when it was made, if earlier). Plain Java over the ledger.
 */
final class InvestigationResults {

  static final String DUTY = "INVESTIGATION_RESULTS_REPORTED";

  private InvestigationResults() {}

  static List<DutyFact> of(
      BusinessDays days,
      List<EvidenceRecord> records,
      int reportDays,
      Function<Instant, String> managerAt) {
    Optional<EvidenceRecord> investigation =
        records.stream()
            .filter(
                r ->
                    r.is(RecordType.TASK_COMPLETED)
                        && "CUSTOMER_INVESTIGATION".equals(r.dutyCode()))
            .findFirst();
    if (investigation.isEmpty()) {
      return List.of();
    }
    EvidenceRecord report = investigation.get();
    JsonNode findings = DutyFacts.findings(report);
    Optional<LocalDate> visited = days.dayWritten(findings.path("onSiteVisitDate").asText(""));
    String results = findings.path("onSiteVisitFindings").asText("").strip();
    List<Integer> evidence = List.of(report.sequenceNo());
    if (visited.isEmpty()) {
      return List.of(
          new DutyFact(
              DUTY,
              "investigation",
              "§26",
              "§27(一)",
              Status.NOT_APPLICABLE,
              "未记录实地调查,无调查结果可报告 no on-site visit recorded, so no results of one to report: the missing visit is "
                  + "ONSITE_BEFORE_EVALUATION's",
              evidence,
              null,
              report.recordedAt(),
              managerAt.apply(report.recordedAt())));
    }
    Instant dueAt = days.startOf(visited.get().plusDays(reportDays + 1L));
    boolean onTime = !report.recordedAt().isAfter(dueAt);
    boolean said = !RecordContent.isTrivial(results);
    String visit =
        "实地调查 on-site visit on "
            + visited.get()
            + ", 调查结果报告 results reported "
            + report.recordedAt()
            + " (due within "
            + reportDays
            + " days, by "
            + dueAt
            + ")";
    String explanation;
    if (onTime && said) {
      explanation =
          visit + ": «" + results + "»; whether they are true is the auditor's review (§27(一))";
    } else {
      explanation =
          visit
              + ": "
              + (onTime ? "" : "逾期报告 reported late; ")
              + (said ? "" : "调查结果无实质内容 the findings say nothing: «" + results + "»");
    }
    Instant heldAt = report.recordedAt().isBefore(dueAt) ? report.recordedAt() : dueAt;
    return List.of(
        new DutyFact(
            DUTY,
            "investigation",
            "§26",
            "§27(一)",
            onTime && said ? Status.SATISFIED : Status.VIOLATED,
            explanation.strip(),
            evidence,
            dueAt,
            said ? report.recordedAt() : null,
            managerAt.apply(heldAt)));
  }
}
