package com.creditdiligence.accountability;

import static com.creditdiligence.demo.TestSubmissions.majorEventInvestigation;
import static com.creditdiligence.demo.TestSubmissions.overdueReview;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.platform.TaskRules;
import com.creditdiligence.submission.BusinessTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Duty facts come from the ledger alone, attach to whoever held the case, and name their §27 trigger. */
@ApplicationTest
class DutyFactsTest {

  @Autowired TaskRules steps;
  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;
  @Autowired CaseDutyFacts dutyFacts;
  @Autowired CaseEvents events;
  @Autowired Http http;
  @Autowired BusinessTime businessTime;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aDiligentCaseHasItsInvestigationFactsSatisfiedAndItsFirstReportPending() {
    String key =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "苏州尽职甲公司", 1_000_000)
            .getBusinessKey();

    List<DutyFact> facts = DutyFacts.of(ledger.records(key), steps.withDeadlines(), Instant.now());

    assertThat(facts)
        .filteredOn(f -> f.stage().equals("investigation"))
        .extracting(DutyFact::status)
        .containsOnly(Status.SATISFIED);
    assertThat(fact(facts, "ONSITE_BEFORE_EVALUATION").explanation())
        .startsWith("实地调查于 ")
        .contains("on-site visit on ");
    assertThat(fact(facts, "CHECKLIST_VERIFIED").explanation()).contains("12 verified saying how");
    assertThat(fact(facts, "ANALYSIS_REPORT_COMPLETE").status()).isEqualTo(Status.SATISFIED);
    assertThat(fact(facts, "ANALYSIS_REPORT_COMPLETE").explanation()).doesNotContain("same text");
    assertThat(fact(facts, "MONITORING_REPORT_ON_TIME").status()).isEqualTo(Status.PENDING);
    assertThat(fact(facts, "MONITORING_REPORT_ON_TIME").responsible()).isEqualTo("manager1");
  }

  @Test
  void aMonitoringReportOverdueIsA27_3FactOfWhoeverHeldTheCaseWhenItFellDue() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "苏州尽职乙公司", 1_000_000).getBusinessKey();
    String caseId =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(key)
            .processDefinitionKey("guarantee-lifecycle")
            .singleResult()
            .getId();
    Job overdueTimer =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(caseId)
            .timers()
            .singleResult();

    // First report: missed by manager1; the head hands the case to manager2 after it fell due.
    ClockUtil.setCurrentTime(
        Date.from(overdueTimer.getDuedate().toInstant().plus(1, ChronoUnit.DAYS)));
    engine.getManagementService().executeJob(overdueTimer.getId());
    driver.completeInCase(key, "Task_ReviewOverdueReport", "head1", overdueReview("manager2"));

    List<DutyFact> facts =
        DutyFacts.of(
            ledger.records(key), steps.withDeadlines(), ClockUtil.getCurrentTime().toInstant());

    DutyFact missed = fact(facts, "MONITORING_REPORT_ON_TIME");
    assertThat(missed.status()).isEqualTo(Status.VIOLATED);
    assertThat(missed.trigger()).isEqualTo("§27(三)");
    assertThat(missed.explanation()).startsWith("未完成").contains("missing: due ");
    assertThat(missed.responsible()).isEqualTo("manager1");
    assertThat(missed.dueAt()).isEqualTo(overdueTimer.getDuedate().toInstant());
  }

  @Test
  void anOnSiteInvestigationWithinFiveDaysOfAMajorEventSatisfiesTheDutyAndALateOneIsA27_4Fact() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "苏州尽职丙公司", 1_000_000).getBusinessKey();
    events.majorEvent(key, "majorLitigation", "被起诉 Sued", businessTime.today(), Instant.now());
    driver.completeInCase(
        key, "Task_MajorEventInvestigation", "manager1", majorEventInvestigation("normal"));
    events.majorEvent(
        key, "crossDefault", "他行逾期 Overdue at another bank", businessTime.today(), Instant.now());
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(6, ChronoUnit.DAYS)));
    var late = majorEventInvestigation("specialMention");
    late.put("meVisitDate", businessTime.today().toString()); // the clock is six days on
    driver.completeInCase(key, "Task_MajorEventInvestigation", "manager1", late);

    List<DutyFact> onSite =
        DutyFacts.of(
                ledger.records(key), steps.withDeadlines(), ClockUtil.getCurrentTime().toInstant())
            .stream()
            .filter(f -> f.code().equals("ONSITE_AFTER_MAJOR_EVENT"))
            .toList();

    assertThat(onSite)
        .extracting(DutyFact::status)
        .containsExactly(Status.SATISFIED, Status.VIOLATED);
    assertThat(onSite.get(1).trigger()).isEqualTo("§27(四)");
    assertThat(onSite.get(1).explanation()).startsWith("逾期完成").contains("done late, on ");
  }

  @Test
  void
      aCaseRejectedAtIntakeOwesNoInvestigationItsDutiesAreNotApplicableCitingTheEndNotPendingForEver() {
    var application =
        com.creditdiligence.demo.DemoSubmissions.intake("陈某某", "workingCapitalLoan", 500_000, 12);
    application.put("applicantType", "naturalPerson");
    application.put("creditRecord", "adverse");
    String key = new LifecycleDriver(engine).apply("manager1", application).getBusinessKey();
    int end =
        ledger.records(key).stream()
            .filter(r -> r.recordType().equals("PROCESS_ENDED"))
            .mapToInt(com.creditdiligence.evidence.EvidenceRecord::sequenceNo)
            .findFirst()
            .orElseThrow();

    List<DutyFact> facts =
        dutyFacts.of(key, ledger.records(key), ClockUtil.getCurrentTime().toInstant());

    assertThat(facts)
        .filteredOn(f -> f.stage().equals("investigation"))
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
              assertThat(f.evidence()).containsExactly(end);
              assertThat(f.explanation()).contains("End_RejectedAtIntake");
            });
    assertThat(facts).noneMatch(f -> f.status() == Status.PENDING);
  }

  @Test
  void theDutyFactsOfACaseAreServedOverTheApi() throws Exception {
    String key =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "苏州尽职丁公司", 1_000_000)
            .getBusinessKey();

    JsonNode facts = http.get("/api/cases/" + key + "/duty-facts").as("manager1").send().json();

    assertThat(facts.findValuesAsText("code"))
        .contains(
            "CHECKLIST_VERIFIED",
            "ONSITE_BEFORE_EVALUATION",
            "RELATED_PARTY_CHECK",
            "ANALYSIS_REPORT_COMPLETE",
            "MONITORING_REPORT_ON_TIME",
            "AMENDMENTS_ONLY");
  }

  private static DutyFact fact(List<DutyFact> facts, String code) {
    return facts.stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
  }
}
