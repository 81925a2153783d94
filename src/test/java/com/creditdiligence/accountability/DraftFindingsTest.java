package com.creditdiligence.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.demo.DemoSubmissions;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.platform.TaskRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Violated duties become draft §27 findings, judged by the rules in force when the duty fell due. */
@ApplicationTest
class DraftFindingsTest {

  @Autowired TaskRules steps;
  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;
  @Autowired RuleBook rules;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aMonitoringReportMissingForTenDaysIsAMinor27_3FindingAndTheManagerMayBeReduced() {
    String key =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "苏州问责甲公司", 1_000_000)
            .getBusinessKey();
    Instant due = firstReportDue(key);

    DraftFindings.Assessment assessment = assess(key, due.plus(10, ChronoUnit.DAYS));

    assertThat(assessment.findings())
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.clause()).isEqualTo("§27(三)");
              assertThat(finding.severity()).isEqualTo("minor");
              assertThat(finding.manager()).isEqualTo("manager1");
              assertThat(finding.ruleVersion()).startsWith("Decision_Section27Finding:v");
            });
    assertThat(assessment.managers())
        .singleElement()
        .satisfies(
            manager -> {
              assertThat(manager.minorFindings()).isOne();
              assertThat(manager.suggestedTier()).isEqualTo("reducible");
            });
  }

  @Test
  void aStricterTableDeployedLaterDoesNotJudgeWorkDoneBeforeIt() throws IOException {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String oldCase = driver.issuedGuarantee("manager1", "苏州问责乙公司", 1_000_000).getBusinessKey();
    Instant oldDue = firstReportDue(oldCase);
    String before =
        assess(oldCase, oldDue.plus(20, ChronoUnit.DAYS)).findings().get(0).ruleVersion();

    // Twenty days after that report fell due, the business makes lateness over 3 days a major
    // fault.
    ClockUtil.setCurrentTime(Date.from(oldDue.plus(20, ChronoUnit.DAYS)));
    String stricter =
        Files.readString(Path.of("bpmn/rules/section27-finding.dmn"))
            .replace("&lt;= 30", "&lt;= 3")
            .replace("&gt; 30", "&gt; 3");
    engine
        .getRepositoryService()
        .createDeployment()
        .name("stricter §27 table")
        .addString("section27-finding.dmn", stricter)
        .deploy();
    String newCase = driver.issuedGuarantee("manager2", "苏州问责丙公司", 1_000_000).getBusinessKey();
    Instant newDue = firstReportDue(newCase);

    DraftFindings.Finding oldFinding =
        assess(oldCase, oldDue.plus(20, ChronoUnit.DAYS)).findings().get(0);
    DraftFindings.Finding newFinding =
        assess(newCase, newDue.plus(20, ChronoUnit.DAYS)).findings().get(0);

    assertThat(oldFinding.severity()).isEqualTo("minor");
    assertThat(oldFinding.ruleVersion()).isEqualTo(before);
    assertThat(newFinding.severity()).isEqualTo("major");
    assertThat(newFinding.ruleVersion()).isNotEqualTo(before);
  }

  @Test
  void aDutyTheTableInForceDidNotNameYetIsJudgedByTheFirstVersionThatNamesIt() throws IOException {
    Instant before = Instant.now().minus(30, ChronoUnit.DAYS);
    String withNewDuty =
        Files.readString(Path.of("bpmn/rules/section27-finding.dmn"))
            .replace("\"CLASS_CHANGE_REPORTED\"", "\"CLASS_CHANGE_REPORTED\",\"DUTY_NAMED_LATER\"");
    engine
        .getRepositoryService()
        .createDeployment()
        .name("§27 table naming a later duty")
        .addString("section27-finding.dmn", withNewDuty)
        .deploy();

    RuleBook.Judgement judgement = rules.section27("DUTY_NAMED_LATER", 0, before);

    assertThat(judgement.clause()).isEqualTo("§27(三)");
    assertThat(judgement.severity()).isEqualTo("minor");
    assertThat(rules.section27("MONITORING_REPORT_ON_TIME", 10, before).ruleVersion())
        .isNotEqualTo(judgement.ruleVersion());
  }

  @Test
  void anInvestigationRecordedWithoutTheRelatedPartyCheckIsA27_2Finding() {
    // The form refuses this today (§8 is checked at submission); a record from before that rule, or
    // imported, is still judged: the duty fact is derived from what the record says, not assumed.
    Instant investigated = Instant.parse("2026-03-02T09:00:00Z");
    // Otherwise a diligent investigation and report (their content is judged too:
    // CHECKLIST_VERIFIED,
    // ANALYSIS_REPORT_COMPLETE).
    java.util.Map<String, Object> investigation =
        new java.util.HashMap<>(DemoSubmissions.investigation(false));
    investigation.put("onSiteVisitDate", "2026-03-01");
    investigation.put("relatedPartyCheckDone", false);
    List<EvidenceRecord> records =
        List.of(
            completion(1, "CUSTOMER_INVESTIGATION", investigated, json(investigation)),
            completion(
                2,
                "ANALYSIS_REPORT",
                investigated.plus(2, ChronoUnit.DAYS),
                json(DemoSubmissions.evaluation("approve"))));

    DraftFindings.Assessment assessment =
        DraftFindings.of(
            DutyFacts.of(records, steps.withDeadlines(), investigated.plus(3, ChronoUnit.DAYS)),
            rules,
            investigated.plus(3, ChronoUnit.DAYS));

    assertThat(assessment.findings())
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.dutyCode()).isEqualTo("RELATED_PARTY_CHECK");
              assertThat(finding.clause()).isEqualTo("§27(二)");
              assertThat(finding.manager()).isEqualTo("manager1");
              assertThat(finding.evidence()).containsExactly(1);
            });
  }

  private static String json(java.util.Map<String, Object> values) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(values);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static EvidenceRecord completion(
      int sequenceNo, String dutyCode, Instant at, String findings) {
    return new EvidenceRecord(
        sequenceNo,
        "GA-TEST-000001",
        sequenceNo,
        "TASK_COMPLETED",
        "guarantee-lifecycle",
        null,
        "p1",
        "Task_" + dutyCode,
        "t" + sequenceNo,
        dutyCode,
        "§",
        "manager1",
        "manager1",
        at,
        null,
        findings,
        "[]",
        "v1",
        null,
        null,
        "0",
        "0",
        CanonicalForm.VERSION);
  }

  private DraftFindings.Assessment assess(String key, Instant at) {
    return DraftFindings.of(
        DutyFacts.of(ledger.records(key), steps.withDeadlines(), at), rules, at);
  }

  private Instant firstReportDue(String key) {
    Task report =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(key)
            .taskDefinitionKey("Task_MonitoringReport")
            .singleResult();
    return report.getDueDate().toInstant();
  }
}
