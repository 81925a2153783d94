package com.creditdiligence.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.demo.TestSubmissions;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.monitoring.RiskClass;
import com.creditdiligence.submission.BusinessDays;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** §23: on-site checks at least as often as the class in force allows, from the issue through monitoring. */
class OnSiteChecksTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The business zone, not the server's: checks are dated, and gaps fall due, in Beijing time. */
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private static final BusinessDays DAYS = new BusinessDays(BEIJING);
  private static final LocalDate D0 = LocalDate.of(2026, 3, 2);

  /** The proposal of onsite-check-frequency.dmn: the fact reads whatever the table in force says. */
  private static final BiFunction<RiskClass, Instant, Integer> TABLE =
      (riskClass, at) ->
          switch (riskClass) {
            case normal -> 180;
            case specialMention -> 90;
            default -> 30;
          };

  private final List<EvidenceRecord> records = new ArrayList<>();

  @Test
  void aGuaranteeNeverIssuedHasNoOnSiteCheckDuty() {
    record("TASK_COMPLETED", "guarantee-lifecycle", "Task_AnalysisEvaluation", Map.of(), at(0));

    assertThat(OnSiteChecks.of(DAYS, records, TABLE, at -> "manager1", at(400))).isEmpty();
  }

  @Test
  void anOnSiteReportWithinTheNormalClassesHalfYearSatisfiesTheDutyAndTheNextGapIsPending() {
    EvidenceRecord issue = issued();
    EvidenceRecord report = monitoringReport("normal", "onSite", D0.plusDays(170), at(171));

    List<DutyFact> facts = OnSiteChecks.of(DAYS, records, TABLE, at -> "manager1", at(200));

    assertThat(facts)
        .extracting(DutyFact::status)
        .containsExactly(Status.SATISFIED, Status.PENDING);
    DutyFact first = facts.get(0);
    assertThat(first.code()).isEqualTo(OnSiteChecks.DUTY);
    assertThat(first.clause()).isEqualTo("§23");
    assertThat(first.trigger()).isEqualTo("§27(三)");
    assertThat(first.evidence()).containsExactly(issue.sequenceNo(), report.sequenceNo());
    assertThat(first.dueAt()).isEqualTo(endOf(D0.plusDays(180)));
    assertThat(first.responsible()).isEqualTo("manager1");
    assertThat(facts.get(1).dueAt()).isEqualTo(endOf(D0.plusDays(170 + 180)));
    assertThat(facts.get(1).evidence()).containsExactly(report.sequenceNo());
  }

  @Test
  void
      afterASubstandardClassTheNextOnSiteCheckIsDueWithinThirtyDaysAndALateOneIsA27_3FactOfWhoeverHeldTheCaseThen() {
    issued();
    EvidenceRecord substandard = monitoringReport("substandard", "onSite", D0.plusDays(10), at(10));
    monitoringReport("substandard", "offSite", D0.plusDays(30), at(30));
    EvidenceRecord late = monitoringReport("substandard", "onSite", D0.plusDays(55), at(55));

    List<DutyFact> facts =
        OnSiteChecks.of(
            DAYS, records, TABLE, at -> at.isBefore(at(35)) ? "manager1" : "manager2", at(60));

    DutyFact gap = facts.get(1);
    assertThat(facts.get(0).status()).isEqualTo(Status.SATISFIED);
    assertThat(gap.status()).isEqualTo(Status.VIOLATED);
    assertThat(gap.dueAt()).isEqualTo(endOf(D0.plusDays(40)));
    assertThat(gap.evidence()).containsExactly(substandard.sequenceNo(), late.sequenceNo());
    assertThat(gap.responsible()).isEqualTo("manager2");
    assertThat(gap.explanation())
        .contains("within 30 days", "次级", "made late, on " + D0.plusDays(55));
    assertThat(DraftFindings.daysLate(gap, at(60))).isEqualTo(15);
  }

  @Test
  void aMajorEventOnSiteInvestigationCountsAsAnOnSiteCheck() {
    issued();
    Map<String, Object> investigation =
        new HashMap<>(TestSubmissions.majorEventInvestigation("normal"));
    investigation.put("meVisitDate", D0.plusDays(100).toString());
    EvidenceRecord visit =
        record(
            "TASK_COMPLETED",
            "guarantee-lifecycle",
            "Task_MajorEventInvestigation",
            investigation,
            at(101));
    monitoringReport("normal", "offSite", D0.plusDays(150), at(150));

    List<DutyFact> facts = OnSiteChecks.of(DAYS, records, TABLE, at -> "manager1", at(200));

    assertThat(facts)
        .extracting(DutyFact::status)
        .containsExactly(Status.SATISFIED, Status.PENDING);
    assertThat(facts.get(0).evidence()).contains(visit.sequenceNo());
    assertThat(facts.get(0).explanation()).contains("major-event on-site investigation");
  }

  @Test
  void offSiteReportsAloneLeaveTheOnSiteCheckMissingOnceTheHalfYearIsOver() {
    issued();
    monitoringReport("normal", "offSite", D0.plusDays(90), at(90));
    monitoringReport("normal", "offSite", D0.plusDays(180), at(180));

    List<DutyFact> facts = OnSiteChecks.of(DAYS, records, TABLE, at -> "manager1", at(200));

    assertThat(facts)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.VIOLATED);
              assertThat(f.explanation()).contains("missing");
              assertThat(f.dueAt()).isEqualTo(endOf(D0.plusDays(180)));
              assertThat(f.doneAt()).isNull();
            });
  }

  @Test
  void
      aGapTheMonitoringEndedBeforeItFellDueIsNoDutyAndMonitoringResumedAfterRecoveryStartsAFreshGap() {
    issued();
    EvidenceRecord transfer =
        record(
            "PROCESS_STARTED", "problem-guarantee", "StartEvent_ProblemHandling", Map.of(), at(50));
    record("PROCESS_ENDED", "problem-guarantee", "End_ProblemRecovered", Map.of(), at(60));
    EvidenceRecord resumed =
        record("TASK_CREATED", "guarantee-lifecycle", "Task_MonitoringReport", Map.of(), at(60));

    List<DutyFact> facts = OnSiteChecks.of(DAYS, records, TABLE, at -> "manager1", at(100));

    assertThat(facts)
        .extracting(DutyFact::status)
        .containsExactly(Status.NOT_APPLICABLE, Status.PENDING);
    assertThat(facts.get(0).evidence()).endsWith(transfer.sequenceNo());
    assertThat(facts.get(1).evidence()).containsExactly(resumed.sequenceNo());
    assertThat(facts.get(1).dueAt()).isEqualTo(endOf(D0.plusDays(60 + 180)));
  }

  private EvidenceRecord issued() {
    return record("TASK_COMPLETED", "guarantee-lifecycle", "Task_IssueGuarantee", Map.of(), at(0));
  }

  private EvidenceRecord monitoringReport(
      String riskClass, String checkMode, LocalDate checkDate, Instant at) {
    Map<String, Object> values =
        new HashMap<>(TestSubmissions.monitoringReport(riskClass, 0, "continueMonitoring"));
    values.put("checkMode", checkMode);
    values.put("checkDate", checkDate.toString());
    return record("TASK_COMPLETED", "guarantee-lifecycle", "Task_MonitoringReport", values, at);
  }

  private static Instant at(int days) {
    return D0.plusDays(days).atTime(10, 0).atZone(BEIJING).toInstant();
  }

  private static Instant endOf(LocalDate day) {
    return day.atTime(LocalTime.of(23, 59, 59)).atZone(BEIJING).toInstant();
  }

  private EvidenceRecord record(
      String type, String processKey, String elementId, Map<String, Object> findings, Instant at) {
    String json;
    try {
      json = JSON.writeValueAsString(findings);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    int n = records.size() + 1;
    EvidenceRecord record =
        new EvidenceRecord(
            n,
            "GC-TEST",
            n,
            type,
            processKey,
            null,
            "pi-" + processKey,
            elementId,
            "task-" + n,
            null,
            null,
            "manager1",
            "manager1",
            at,
            null,
            json,
            null,
            null,
            null,
            null,
            null,
            null,
            CanonicalForm.VERSION);
    records.add(record);
    return record;
  }
}
