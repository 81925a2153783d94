package com.creditdiligence.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.demo.DemoSubmissions;
import com.creditdiligence.demo.TestSubmissions;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.submission.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Duties judged by the record's content: the 附录二 checklist, the analysis report, a change of class (§22). */
class RecordContentTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  private final List<EvidenceRecord> records = new ArrayList<>();

  @Test
  void theDemoInvestigationHasEveryDocumentVerifiedOrJustified() {
    EvidenceRecord investigation =
        completed(
            "Task_CustomerInvestigation",
            "CUSTOMER_INVESTIGATION",
            DemoSubmissions.investigation(false),
            T0);

    DutyFact fact =
        RecordContent.checklistVerified(records, Optional.of(investigation), Optional.empty());

    assertThat(fact.status()).isEqualTo(Status.SATISFIED);
    assertThat(fact.explanation())
        .contains("13 documents", "12 verified saying how", "1 justified as not applicable");
    assertThat(fact.responsible()).isEqualTo("manager1");
  }

  @Test
  void aMediumLongTermCaseNeedsItsExtraDocuments() {
    completed(
        "Task_ApplicationIntake",
        "APPLICATION_INTAKE",
        Map.of("product", "mediumLongTermCredit"),
        T0);
    EvidenceRecord investigation =
        completed(
            "Task_CustomerInvestigation",
            "CUSTOMER_INVESTIGATION",
            DemoSubmissions.investigation(false),
            T0.plusSeconds(60));

    DutyFact fact =
        RecordContent.checklistVerified(records, Optional.of(investigation), Optional.empty());

    assertThat(fact.status()).isEqualTo(Status.VIOLATED);
    assertThat(fact.explanation())
        .contains("docLt1", "no status recorded")
        .doesNotContain("doc01 ");
  }

  @Test
  void anInvestigationThatExistsButLeavesDocumentsUnverifiedIsA27_2Fact() {
    Map<String, Object> values = new HashMap<>(DemoSubmissions.investigation(false));
    values.put("doc04Status", "missing");
    values.put("doc06Method", "");
    values.put("doc03Status", "notApplicable");
    values.put("doc03Note", "不适用 n/a");
    values.put("doc11Status", "toBeSupplied");
    values.put("doc11Note", "");
    EvidenceRecord investigation =
        completed("Task_CustomerInvestigation", "CUSTOMER_INVESTIGATION", values, T0);

    DutyFact fact =
        RecordContent.checklistVerified(records, Optional.of(investigation), Optional.empty());

    assertThat(fact.status()).isEqualTo(Status.VIOLATED);
    assertThat(fact.trigger()).isEqualTo("§27(二)");
    assertThat(fact.explanation())
        .contains(
            "doc04",
            "missing",
            "doc06",
            "verified without saying how",
            "doc03",
            "every applicant has it",
            "doc11",
            "to be supplied without a reason");
  }

  @Test
  void theDemoReportHasEverySection() {
    EvidenceRecord report =
        completed(
            "Task_AnalysisEvaluation",
            "ANALYSIS_REPORT",
            DemoSubmissions.evaluation("approve"),
            T0);

    DutyFact fact = RecordContent.analysisReport(Optional.of(report));

    assertThat(fact.status()).isEqualTo(Status.SATISFIED);
    assertThat(fact.explanation()).contains("§27(一)").doesNotContain("same text");
  }

  @Test
  void aReportWithAnEmptyOrPlaceholderSectionIsIncomplete() {
    Map<String, Object> values = new HashMap<>(DemoSubmissions.evaluation("approveWithConditions"));
    values.put("financialForecast", "");
    values.put("nfIndustry", "..........");
    values.put("recommendedConditions", "");
    values.remove("operatingCashFlow");
    EvidenceRecord report = completed("Task_AnalysisEvaluation", "ANALYSIS_REPORT", values, T0);

    DutyFact fact = RecordContent.analysisReport(Optional.of(report));

    assertThat(fact.status()).isEqualTo(Status.VIOLATED);
    assertThat(fact.trigger()).isEqualTo("§27(一)");
    assertThat(fact.explanation())
        .contains(
            "financialForecast (§16) missing",
            "nfIndustry (§17) says nothing",
            "operatingCashFlow",
            "conditions are not stated");
  }

  @Test
  void copiedSectionsAreNamedForTheAuditorButTheRecordCannotJudgeThem() {
    Map<String, Object> values = new HashMap<>(DemoSubmissions.evaluation("approve"));
    values.put("nfProducts", values.get("nfManagement"));
    EvidenceRecord report = completed("Task_AnalysisEvaluation", "ANALYSIS_REPORT", values, T0);

    DutyFact fact = RecordContent.analysisReport(Optional.of(report));

    assertThat(fact.status()).isEqualTo(Status.SATISFIED);
    assertThat(fact.explanation()).contains("same text", "nfManagement", "nfProducts");
  }

  @Test
  void aWorseClassWithNoReportToTheLeaderOnRecordIsLeftToTheAuditorNotHeldAgainstTheManager() {
    completed(
        "Task_MonitoringReport",
        "MONITORING_REPORT",
        TestSubmissions.monitoringReport("normal", 0, "continueMonitoring"),
        T0);
    completed(
        "Task_MonitoringReport",
        "MONITORING_REPORT",
        TestSubmissions.monitoringReport("substandard", 95, "continueMonitoring"),
        T0.plus(90, ChronoUnit.DAYS));

    List<DutyFact> facts =
        ClassChanges.of(
            records, at -> at.isBefore(T0.plus(60, ChronoUnit.DAYS)) ? "manager1" : "manager2");

    assertThat(facts).hasSize(1);
    assertThat(facts.get(0).status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(facts.get(0).clause()).isEqualTo("§22");
    assertThat(facts.get(0).responsible()).isEqualTo("manager2");
    assertThat(facts.get(0).explanation())
        .contains("to 次级", "cannot be judged from the record", "auditor");
  }

  @Test
  void aWorseClassProposedInAMajorEventReportTheHeadReviewedWasReported() {
    completed(
        "Task_MonitoringReport",
        "MONITORING_REPORT",
        TestSubmissions.monitoringReport("normal", 0, "continueMonitoring"),
        T0);
    completed(
        "Task_MajorEventInvestigation",
        "MAJOR_EVENT_INVESTIGATION",
        TestSubmissions.majorEventInvestigation("substandard"),
        T0.plus(20, ChronoUnit.DAYS));
    EvidenceRecord review =
        completed(
            "Task_ReviewMajorEventReport",
            "MAJOR_EVENT_REVIEW",
            Map.of(),
            T0.plus(21, ChronoUnit.DAYS),
            "head1");
    completed(
        "Task_MonitoringReport",
        "MONITORING_REPORT",
        TestSubmissions.monitoringReport("substandard", 95, "continueMonitoring"),
        T0.plus(30, ChronoUnit.DAYS));
    completed(
        "Task_MonitoringReport",
        "MONITORING_REPORT",
        TestSubmissions.monitoringReport("specialMention", 10, "continueMonitoring"),
        T0.plus(44, ChronoUnit.DAYS));

    List<DutyFact> facts = ClassChanges.of(records, at -> "manager1");

    assertThat(facts)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.SATISFIED);
              assertThat(f.evidence()).contains(review.sequenceNo());
              assertThat(f.explanation()).contains("reviewed by head1");
            });
  }

  @Test
  void noChangeOrABetterClassIsNoDuty() {
    completed(
        "Task_MonitoringReport",
        "MONITORING_REPORT",
        TestSubmissions.monitoringReport("normal", 0, "continueMonitoring"),
        T0);
    completed(
        "Task_MonitoringReport",
        "MONITORING_REPORT",
        TestSubmissions.monitoringReport("normal", 0, "continueMonitoring"),
        T0.plus(90, ChronoUnit.DAYS));

    assertThat(ClassChanges.of(records, at -> "manager1")).isEmpty();
  }

  @Test
  void aMajorEventFollowedByANewAnalysisIsA20FactOfWhoeverHeldTheCaseWhenItFellDue() {
    EvidenceRecord created =
        record(
            "TASK_CREATED",
            "Task_MajorEventInvestigation",
            "task-me",
            Map.of("dueDate", T0.plus(5, ChronoUnit.DAYS).toString()),
            T0,
            "manager1");
    EvidenceRecord done =
        record(
            "TASK_COMPLETED",
            "Task_MajorEventInvestigation",
            "task-me",
            TestSubmissions.majorEventInvestigation("normal"),
            T0.plus(3, ChronoUnit.DAYS),
            "manager1");

    List<DutyFact> facts =
        MajorEventAnalysis.of(
            records, at -> at.isAfter(T0.plus(4, ChronoUnit.DAYS)) ? "manager2" : "manager1");

    assertThat(facts)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.SATISFIED);
              assertThat(f.clause()).isEqualTo("§20");
              assertThat(f.dueAt()).isEqualTo(T0.plus(5, ChronoUnit.DAYS));
              assertThat(f.responsible()).isEqualTo("manager1");
              assertThat(f.evidence()).containsExactly(done.sequenceNo());
            });
    assertThat(created.sequenceNo()).isEqualTo(1);
  }

  @Test
  void aMajorEventWithOnlyAVisitHasNoNewAnalysis() {
    Map<String, Object> copied = new HashMap<>(TestSubmissions.majorEventInvestigation("normal"));
    copied.put("meFreshAnalysis", copied.get("meFindings"));
    record("TASK_COMPLETED", "Task_MajorEventInvestigation", "task-a", copied, T0, "manager1");
    Map<String, Object> empty = new HashMap<>(TestSubmissions.majorEventInvestigation("normal"));
    empty.put("meFreshAnalysis", "");
    record(
        "TASK_COMPLETED",
        "Task_MajorEventInvestigation",
        "task-b",
        empty,
        T0.plusSeconds(60),
        "manager1");

    List<DutyFact> facts = MajorEventAnalysis.of(records, at -> "manager1");

    assertThat(facts)
        .extracting(DutyFact::status)
        .containsExactly(Status.VIOLATED, Status.VIOLATED);
    assertThat(facts.get(0).explanation()).contains("only a visit");
    assertThat(facts.get(1).explanation()).contains("no new analysis");
    assertThat(facts.get(0).trigger()).isEqualTo("§27(七)");
  }

  @Test
  void theFormsMakeAnEmptyFindingImpossibleToSubmit() throws Exception {
    Map<String, JsonNode> report = fields("forms/AnalysisEvaluation.form");
    for (String section : RecordContent.REPORT_SECTIONS.keySet()) {
      assertThat(report.get(section).path("validate").path("required").asBoolean())
          .as(section)
          .isTrue();
      assertThat(report.get(section).path("validate").path("minLength").asInt())
          .as(section)
          .isGreaterThanOrEqualTo(Checks.MIN_FINDING_LENGTH);
    }
    assertThat(
            fields("forms/MajorEventInvestigation.form")
                .get("meFreshAnalysis")
                .path("validate")
                .path("minLength")
                .asInt())
        .isGreaterThanOrEqualTo(Checks.MIN_FINDING_LENGTH);
  }

  private static Map<String, JsonNode> fields(String form) throws Exception {
    Map<String, JsonNode> fields = new HashMap<>();
    collect(JSON.readTree(Files.readString(Path.of(form))), fields);
    return fields;
  }

  private static void collect(JsonNode node, Map<String, JsonNode> fields) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        fields.put(component.path("key").asText(), component);
      }
      collect(component, fields);
    }
  }

  private EvidenceRecord completed(
      String elementId, String dutyCode, Map<String, Object> findings, Instant at) {
    return completed(elementId, dutyCode, findings, at, "manager1");
  }

  private EvidenceRecord completed(
      String elementId,
      String dutyCode,
      Map<String, Object> findings,
      Instant at,
      String performer) {
    String json;
    try {
      json = JSON.writeValueAsString(findings);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    EvidenceRecord record =
        new EvidenceRecord(
            records.size() + 1,
            "GC-TEST",
            records.size() + 1,
            "TASK_COMPLETED",
            "guarantee-lifecycle",
            null,
            "pi-1",
            elementId,
            "task-" + (records.size() + 1),
            dutyCode,
            null,
            performer,
            performer,
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

  private EvidenceRecord record(
      String type,
      String elementId,
      String taskId,
      Map<String, Object> findings,
      Instant at,
      String performer) {
    String json;
    try {
      json = JSON.writeValueAsString(findings);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    EvidenceRecord record =
        new EvidenceRecord(
            records.size() + 1,
            "GC-TEST",
            records.size() + 1,
            type,
            "guarantee-lifecycle",
            null,
            "pi-1",
            elementId,
            taskId,
            null,
            null,
            performer,
            performer,
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
