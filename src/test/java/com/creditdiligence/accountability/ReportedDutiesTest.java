package com.creditdiligence.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.demo.DemoSubmissions;
import com.creditdiligence.demo.TestSubmissions;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.submission.BusinessDays;
import com.creditdiligence.submission.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Duties of §12, §14, §24 and §26 judged from a ledger alone: the results of the investigation reported in time after
 * the visit, a major event visited, reported in writing and to the leader, a change of the customer's information
 * re-verified from the customer's written report, an adjustment grounded in repayment capacity and cash flow.
 */
class ReportedDutiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The business zone, not the server's: visits are dated, and reports fall due, in Beijing time. */
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final BusinessDays DAYS = new BusinessDays(ZONE);
  private static final LocalDate VISIT = LocalDate.of(2026, 3, 2);
  private static final Instant T0 = VISIT.atTime(9, 0).atZone(ZONE).toInstant();
  private static final String REPORT_CITATION =
      "[{\"reference\":\"sha256:"
          + "ab".repeat(32)
          + "\",\"fileName\":"
          + "\"股权变更书面报告.pdf\",\"mediaType\":\"application/pdf\",\"size\":1024,\"sha256\":\""
          + "ab".repeat(32)
          + "\"}]";

  private final List<EvidenceRecord> records = new ArrayList<>();

  @Nested
  class InvestigationResultsReported26 {

    @Test
    void resultsRecordedWithinTheDaysAfterTheVisitAreReportedInTime() {
      investigation(
          VISIT,
          "生产线满负荷运转,库存与账面一致 Lines running at capacity; stock matches the books",
          T0.plus(5, ChronoUnit.DAYS));

      DutyFact fact = single(InvestigationResults.of(DAYS, records, 5, at -> "manager1"));

      assertThat(fact.status()).isEqualTo(Status.SATISFIED);
      assertThat(fact.clause()).isEqualTo("§26");
      assertThat(fact.dueAt()).isEqualTo(VISIT.plusDays(6).atStartOfDay(ZONE).toInstant());
      assertThat(fact.responsible()).isEqualTo("manager1");
      assertThat(fact.explanation()).contains("2026-03-02", "Lines running at capacity");
    }

    @Test
    void resultsRecordedLaterThanThatAreA27_1FactOfWhoeverHeldTheCaseWhenTheyFellDue() {
      Instant dueAt = VISIT.plusDays(4).atStartOfDay(ZONE).toInstant();
      investigation(
          VISIT,
          "生产线满负荷运转,库存与账面一致 Lines running at capacity; stock matches the books",
          T0.plus(8, ChronoUnit.DAYS));

      DutyFact fact =
          single(
              InvestigationResults.of(
                  DAYS, records, 3, at -> at.isAfter(dueAt) ? "manager2" : "manager1"));

      assertThat(fact.status()).isEqualTo(Status.VIOLATED);
      assertThat(fact.trigger()).isEqualTo("§27(一)");
      assertThat(fact.dueAt()).isEqualTo(dueAt);
      assertThat(fact.responsible()).isEqualTo("manager1");
      assertThat(fact.explanation()).contains("reported late");
      assertThat(DraftFindings.daysLate(fact, T0.plus(90, ChronoUnit.DAYS))).isEqualTo(5);
    }

    @Test
    void findingsThatSayNothingReportNoResultsHoweverPromptly() {
      investigation(VISIT, "..........", T0.plus(1, ChronoUnit.DAYS));

      DutyFact fact = single(InvestigationResults.of(DAYS, records, 5, at -> "manager1"));

      assertThat(fact.status()).isEqualTo(Status.VIOLATED);
      assertThat(fact.explanation())
          .contains("the findings say nothing")
          .doesNotContain("reported late");
      assertThat(fact.doneAt()).isNull();
    }

    @Test
    void withoutAVisitThereIsNothingToReportInTimeAndTheMissingVisitIsAnotherDutys() {
      investigation(
          null, "生产线满负荷运转,库存与账面一致 Lines running at capacity; stock matches the books", T0);

      DutyFact fact = single(InvestigationResults.of(DAYS, records, 5, at -> "manager1"));

      assertThat(fact.status()).isEqualTo(Status.NOT_APPLICABLE);
      assertThat(fact.explanation()).contains("ONSITE_BEFORE_EVALUATION");
    }

    @Test
    void beforeTheInvestigationThereIsNoFact() {
      assertThat(InvestigationResults.of(DAYS, records, 5, at -> "manager1")).isEmpty();
    }
  }

  @Nested
  class EmergencyReportedToTheLeader14 {

    @Test
    void anEmergencyVisitedInTimeReportedInWritingAndReviewedByTheHeadSatisfies14() {
      EvidenceRecord review =
          majorEvent("emergency", VISIT.plusDays(2), visitedOn(VISIT.plusDays(2)), true);

      DutyFact fact =
          single(
              EmergencyReports.of(DAYS, records, at -> "manager1", T0.plus(30, ChronoUnit.DAYS)));

      assertThat(fact.status()).isEqualTo(Status.SATISFIED);
      assertThat(fact.clause()).isEqualTo("§14");
      assertThat(fact.trigger()).isEqualTo("§27(四)");
      assertThat(fact.evidence()).contains(review.sequenceNo());
      assertThat(fact.explanation()).contains("reviewed by head1", "Reported in writing");
    }

    @Test
    void aLateVisitIsTheOnSiteDutysLatenessAndIsNotCountedAgainHere() {
      Map<String, Object> values = visitedOn(VISIT.plusDays(7));
      majorEvent("emergency", VISIT.plusDays(8), values, true);

      DutyFact fact =
          single(
              EmergencyReports.of(DAYS, records, at -> "manager1", T0.plus(30, ChronoUnit.DAYS)));

      // The report reached the leader: §14's own part is done; the late visit is
      // ONSITE_AFTER_MAJOR_EVENT's finding.
      assertThat(fact.status()).isEqualTo(Status.SATISFIED);
      assertThat(fact.explanation()).contains("reviewed by head1");
    }

    @Test
    void aWrittenReportThatSaysNothingIsNoWrittenReport() {
      Map<String, Object> values = visitedOn(VISIT.plusDays(2));
      values.put("meWrittenReport", "好好好好好好好好好好");
      majorEvent("emergency", VISIT.plusDays(2), values, true);

      DutyFact fact =
          single(
              EmergencyReports.of(DAYS, records, at -> "manager1", T0.plus(30, ChronoUnit.DAYS)));

      assertThat(fact.status()).isEqualTo(Status.VIOLATED);
      assertThat(fact.explanation()).contains("the written report says nothing");
      assertThat(fact.doneAt()).isNull();
    }

    @Test
    void aReportWaitingForTheHeadIsPendingAndAnyMajorEventIsHeldToTheSameStepsUnder22() {
      majorEvent("majorLitigation", VISIT.plusDays(2), visitedOn(VISIT.plusDays(2)), false);

      DutyFact fact =
          single(
              EmergencyReports.of(DAYS, records, at -> "manager1", T0.plus(30, ChronoUnit.DAYS)));

      assertThat(fact.status()).isEqualTo(Status.PENDING);
      assertThat(fact.clause()).isEqualTo("§14 §22");
      assertThat(fact.explanation()).contains("waiting for the department head's review");
    }

    @Test
    void noInvestigationRecordedIsOnSiteAfterMajorEventsBreachNotCountedTwice() {
      record(
          "EVENT_RECEIVED",
          null,
          null,
          Map.of("message", "Message_MajorEvent", "majorEventKind", "emergency"),
          T0,
          null,
          null);
      record(
          "TASK_CREATED",
          "Task_MajorEventInvestigation",
          "task-me",
          Map.of("dueDate", due().toString()),
          T0,
          "manager1",
          null);

      assertThat(
              single(
                      EmergencyReports.of(
                          DAYS, records, at -> "manager1", T0.plus(1, ChronoUnit.DAYS)))
                  .status())
          .isEqualTo(Status.PENDING);
      assertThat(
              single(
                      EmergencyReports.of(
                          DAYS, records, at -> "manager1", T0.plus(30, ChronoUnit.DAYS)))
                  .status())
          .isEqualTo(Status.NOT_APPLICABLE);
    }
  }

  @Nested
  class CustomerChangeReverified12 {

    @Test
    void aChangeOfOwnershipWithTheCustomersWrittenReportVerifiedAndReRecordedSatisfies12() {
      majorEvent(
          "organisationChange", VISIT.plusDays(2), customerChange(true), false, REPORT_CITATION);

      DutyFact fact =
          single(CustomerChanges.of(records, at -> "manager1", T0.plus(30, ChronoUnit.DAYS)));

      assertThat(fact.status()).isEqualTo(Status.SATISFIED);
      assertThat(fact.clause()).isEqualTo("§12");
      assertThat(fact.explanation())
          .contains(
              "股权变更书面报告.pdf sha256:abababababab", "business registry", "re-entered in the file");
    }

    @Test
    void aChangeWithoutTheCustomersReportOrNotReRecordedIsA27_2Fact() {
      majorEvent("organisationChange", VISIT.plusDays(2), customerChange(false), false, "[]");

      DutyFact fact =
          single(CustomerChanges.of(records, at -> "manager1", T0.plus(30, ChronoUnit.DAYS)));

      assertThat(fact.status()).isEqualTo(Status.VIOLATED);
      assertThat(fact.trigger()).isEqualTo("§27(二)");
      assertThat(fact.explanation())
          .contains("no written report of the customer's cited", "not recorded as re-entered");
    }

    @Test
    void otherMajorEventsAreNoChangeOfTheCustomersInformation() {
      majorEvent("majorLitigation", VISIT.plusDays(2), visitedOn(VISIT.plusDays(2)), true);

      assertThat(CustomerChanges.of(records, at -> "manager1", T0.plus(30, ChronoUnit.DAYS)))
          .isEmpty();
    }

    private Map<String, Object> customerChange(boolean reRecorded) {
      Map<String, Object> values = visitedOn(VISIT.plusDays(2));
      values.put("meChangeReverification", "已与工商登记核对 Checked against the business registry");
      values.put("meFileReRecorded", reRecorded);
      return values;
    }
  }

  @Nested
  class AdjustmentGrounded24 {

    @Test
    void anAdjustmentGroundedInRepaymentCapacityAndCashFlowSatisfies24() {
      Map<String, Object> values =
          TestSubmissions.monitoringReport("specialMention", 10, "continueMonitoring");
      values.put("adjustment", "extension");
      values.put(
          "adjustmentNote",
          "经营现金流季节性回落,展期三个月后可覆盖本息 Seasonal dip in operating cash flow; "
              + "three months cover principal and interest");
      completed("Task_MonitoringReport", values, T0, "manager1", null);

      DutyFact fact = single(AdjustmentGrounds.of(records, at -> "manager1"));

      assertThat(fact.status()).isEqualTo(Status.SATISFIED);
      assertThat(fact.clause()).isEqualTo("§24");
      assertThat(fact.explanation()).contains("展期 extension", "Seasonal dip");
    }

    @Test
    void anAdjustmentWithAPlaceholderForGroundsIsA27_7Fact() {
      Map<String, Object> values =
          TestSubmissions.monitoringReport("normal", 0, "continueMonitoring");
      values.put("adjustment", "increaseAmount");
      values.put("adjustmentNote", "----------");
      completed("Task_MonitoringReport", values, T0, "manager1", null);

      DutyFact fact = single(AdjustmentGrounds.of(records, at -> "manager2"));

      assertThat(fact.status()).isEqualTo(Status.VIOLATED);
      assertThat(fact.trigger()).isEqualTo("§27(七)");
      assertThat(fact.responsible()).isEqualTo("manager2");
      assertThat(fact.explanation()).contains("no grounds in repayment capacity and cash flow");
    }

    @Test
    void noAdjustmentIsNoDuty() {
      completed(
          "Task_MonitoringReport",
          TestSubmissions.monitoringReport("normal", 0, "continueMonitoring"),
          T0,
          "manager1",
          null);

      assertThat(AdjustmentGrounds.of(records, at -> "manager1")).isEmpty();
    }
  }

  @Nested
  class AdjustmentApproved24 {

    @Test
    void anExtensionApprovedByTheDepartmentHeadIsApprovedOnRecord() {
      EvidenceRecord report =
          completed(
              "Task_MonitoringReport",
              TestSubmissions.adjustedMonitoringReport("extension"),
              T0,
              "manager1",
              null);
      record("TASK_CREATED", "Task_ApproveAdjustment", "task-approval", Map.of(), T0, null, null);
      EvidenceRecord approval =
          record(
              "TASK_COMPLETED",
              "Task_ApproveAdjustment",
              "task-approval",
              TestSubmissions.adjustmentApproval("approve"),
              T0.plus(1, ChronoUnit.DAYS),
              "head1",
              null);

      DutyFact fact = single(AdjustmentApprovals.of(records, at -> "manager1"));

      assertThat(fact.status()).isEqualTo(Status.SATISFIED);
      assertThat(fact.clause()).isEqualTo("§24");
      assertThat(fact.evidence()).contains(report.sequenceNo(), approval.sequenceNo());
      assertThat(fact.explanation())
          .contains("已批准 approved by head1", "The cash-flow forecast holds");
    }

    @Test
    void anIncreaseDecidedByTheCasesOwnManagerIsA27_7Fact() {
      completed(
          "Task_MonitoringReport",
          TestSubmissions.adjustedMonitoringReport("increaseAmount"),
          T0,
          "manager1",
          null);
      record("TASK_CREATED", "Task_ApproveAdjustment", "task-approval", Map.of(), T0, null, null);
      record(
          "TASK_COMPLETED",
          "Task_ApproveAdjustment",
          "task-approval",
          TestSubmissions.adjustmentApproval("approve"),
          T0.plus(1, ChronoUnit.DAYS),
          "manager1",
          null);

      DutyFact fact = single(AdjustmentApprovals.of(records, at -> "manager1"));

      assertThat(fact.status()).isEqualTo(Status.VIOLATED);
      assertThat(fact.trigger()).isEqualTo("§27(七)");
      assertThat(fact.explanation()).contains("decided by the case's own manager manager1");
    }

    @Test
    void anApprovalWaitingIsPendingAndAReportFromBeforeTheStepIsNotHeldAgainstItsManager() {
      completed(
          "Task_MonitoringReport",
          TestSubmissions.adjustedMonitoringReport("extension"),
          T0,
          "manager1",
          null);
      record("TASK_CREATED", "Task_ApproveAdjustment", "task-approval", Map.of(), T0, null, null);
      completed(
          "Task_MonitoringReport",
          TestSubmissions.adjustedMonitoringReport("increaseAmount"),
          T0.plus(90, ChronoUnit.DAYS),
          "manager1",
          null);

      List<DutyFact> facts = AdjustmentApprovals.of(records, at -> "manager1");

      assertThat(facts)
          .extracting(DutyFact::status)
          .containsExactly(Status.PENDING, Status.NOT_APPLICABLE);
      assertThat(facts.get(1).explanation()).contains("had no approval step");
    }

    @Test
    void aReductionEarlyRepaymentOrTheWatchListNeedsNoApproval() {
      completed(
          "Task_MonitoringReport",
          TestSubmissions.adjustedMonitoringReport("reduceAmount"),
          T0,
          "manager1",
          null);
      completed(
          "Task_MonitoringReport",
          TestSubmissions.adjustedMonitoringReport("watchList"),
          T0,
          "manager1",
          null);

      assertThat(AdjustmentApprovals.of(records, at -> "manager1")).isEmpty();
      assertThat(AdjustmentGrounds.of(records, at -> "manager1")).hasSize(2);
    }
  }

  @Test
  void theFormsAskForWhatTheseDutiesJudgeWhereTheyApply() throws Exception {
    JsonNode investigation = field("forms/MajorEventInvestigation.form", "meChangeReverification");
    assertThat(investigation.path("validate").path("required").asBoolean()).isTrue();
    assertThat(investigation.path("validate").path("minLength").asInt())
        .isGreaterThanOrEqualTo(Checks.MIN_FINDING_LENGTH);
    JsonNode customerChange =
        JSON
            .readTree(Files.readString(Path.of("forms/MajorEventInvestigation.form")))
            .findParents("id")
            .stream()
            .filter(c -> c.path("id").asText().equals("Group_me_CustomerChange"))
            .findFirst()
            .orElseThrow();
    assertThat(customerChange.path("conditional").path("hide").asText())
        .isEqualTo("=majorEventKind != \"organisationChange\"");
    assertThat(customerChange.findValues("key"))
        .extracting(JsonNode::asText)
        .containsExactly("meChangeReverification", "meFileReRecorded");
    JsonNode grounds = field("forms/MonitoringReport.form", "adjustmentNote");
    assertThat(grounds.path("validate").path("required").asBoolean()).isTrue();
    assertThat(grounds.path("validate").path("minLength").asInt())
        .isGreaterThanOrEqualTo(Checks.MIN_FINDING_LENGTH);
    assertThat(grounds.path("conditional").path("hide").asText()).contains("\"none\"");
  }

  private static JsonNode field(String form, String key) throws Exception {
    List<JsonNode> found =
        JSON.readTree(Files.readString(Path.of(form))).findParents("key").stream()
            .filter(c -> key.equals(c.path("key").asText()))
            .toList();
    assertThat(found).as("%s in %s", key, form).hasSize(1);
    return found.get(0);
  }

  // ---- a ledger, as the engine writes it

  private void investigation(LocalDate visit, String findings, Instant at) {
    Map<String, Object> values = new HashMap<>(DemoSubmissions.investigation(false));
    values.put("onSiteVisitDate", visit == null ? "" : visit.toString());
    values.put("onSiteVisitFindings", findings);
    EvidenceRecord record = completed("Task_CustomerInvestigation", values, at, "manager1", null);
    records.set(
        records.size() - 1,
        new EvidenceRecord(
            record.id(),
            record.businessKey(),
            record.sequenceNo(),
            record.recordType(),
            record.processDefinitionKey(),
            null,
            record.processInstanceId(),
            record.elementId(),
            record.taskId(),
            "CUSTOMER_INVESTIGATION",
            record.clause(),
            record.performer(),
            record.assignee(),
            record.recordedAt(),
            null,
            record.findings(),
            null,
            null,
            null,
            null,
            null,
            null,
            CanonicalForm.VERSION));
  }

  /** The event received on T0, the investigation due five days later and done on {@code doneOn}, its review. */
  private EvidenceRecord majorEvent(
      String kind, LocalDate doneOn, Map<String, Object> values, boolean reviewed) {
    return majorEvent(kind, doneOn, values, reviewed, "[]");
  }

  private EvidenceRecord majorEvent(
      String kind,
      LocalDate doneOn,
      Map<String, Object> values,
      boolean reviewed,
      String documents) {
    record(
        "EVENT_RECEIVED",
        null,
        null,
        Map.of("message", "Message_MajorEvent", "majorEventKind", kind),
        T0,
        null,
        null);
    record(
        "TASK_CREATED",
        "Task_MajorEventInvestigation",
        "task-me",
        Map.of("dueDate", due().toString()),
        T0,
        "manager1",
        null);
    Instant done = doneOn.atTime(17, 0).atZone(ZONE).toInstant();
    record(
        "TASK_COMPLETED",
        "Task_MajorEventInvestigation",
        "task-me",
        values,
        done,
        "manager1",
        documents);
    EvidenceRecord created =
        record(
            "TASK_CREATED",
            "Task_ReviewMajorEventReport",
            "task-review",
            Map.of(),
            done,
            null,
            null);
    return reviewed
        ? record(
            "TASK_COMPLETED",
            "Task_ReviewMajorEventReport",
            "task-review",
            TestSubmissions.majorEventReview("normal"),
            done.plus(1, ChronoUnit.DAYS),
            "head1",
            null)
        : created;
  }

  /** The demo's investigation of a major event, visited on that day. */
  private static Map<String, Object> visitedOn(LocalDate visit) {
    Map<String, Object> values = TestSubmissions.majorEventInvestigation("normal");
    values.put("meVisitDate", visit.toString());
    return values;
  }

  private static Instant due() {
    return VISIT
        .plusDays(5)
        .atTime(LocalTime.MAX)
        .truncatedTo(ChronoUnit.SECONDS)
        .atZone(ZONE)
        .toInstant();
  }

  private EvidenceRecord completed(
      String elementId,
      Map<String, Object> findings,
      Instant at,
      String performer,
      String documents) {
    return record(
        "TASK_COMPLETED",
        elementId,
        "task-" + (records.size() + 1),
        findings,
        at,
        performer,
        documents);
  }

  private EvidenceRecord record(
      String type,
      String elementId,
      String taskId,
      Map<String, Object> findings,
      Instant at,
      String performer,
      String documents) {
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
            documents,
            null,
            null,
            null,
            null,
            null,
            CanonicalForm.VERSION);
    records.add(record);
    return record;
  }

  private static DutyFact single(List<DutyFact> facts) {
    assertThat(facts).hasSize(1);
    return facts.get(0);
  }
}
