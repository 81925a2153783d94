package com.creditdiligence.evidence;

import static com.creditdiligence.demo.DemoSubmissions.contracts;
import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.investigation;
import static com.creditdiligence.demo.DemoSubmissions.issue;
import static com.creditdiligence.demo.DemoSubmissions.vote;
import static com.creditdiligence.demo.TestSubmissions.monitoringReport;
import static com.creditdiligence.demo.TestSubmissions.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.LifecycleDriver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every step leaves its evidence in the case's chain, whichever way it is completed, and nothing else does. */
@ApplicationTest
class EvidenceLedgerTest {

  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;
  @Autowired JdbcClient jdbc;
  @Autowired Http http;

  LifecycleDriver driver;

  @BeforeEach
  void setUp() {
    driver = new LifecycleDriver(engine);
  }

  @Test
  void everyStepOfAReleasedGuaranteeLeavesItsRecordInOneIntactChain() {
    ProcessInstance guaranteeCase =
        driver.toCommittee(
            "manager1", intake("苏州证据一公司", "workingCapitalLoan", 3_000_000, 12), "approve");
    String id = guaranteeCase.getId();
    driver
        .voters(id)
        .forEach(member -> driver.complete(id, "Task_CommitteeVote", member, vote("approve")));
    driver.complete(id, "Task_SignContracts", "manager1", contracts(false));
    driver.complete(id, "Task_IssueGuarantee", "manager1", issue(3_000_000));
    driver.complete(
        id,
        "Task_MonitoringReport",
        "manager1",
        monitoringReport("normal", 0, "releaseAtMaturity"));
    driver.complete(id, "Task_ReleaseGuarantee", "manager1", release());

    List<EvidenceRecord> records = ledger.records(guaranteeCase.getBusinessKey());

    assertThat(records)
        .filteredOn(r -> r.dutyCode() != null)
        .extracting(
            EvidenceRecord::recordType,
            EvidenceRecord::elementId,
            EvidenceRecord::dutyCode,
            EvidenceRecord::performer)
        .containsExactly(
            tuple(
                "PROCESS_STARTED",
                "StartEvent_ApplicationReceived",
                "INTAKE_REGISTRATION",
                "manager1"),
            tuple(
                "TASK_COMPLETED",
                "Task_CustomerInvestigation",
                "CUSTOMER_INVESTIGATION",
                "manager1"),
            tuple("TASK_COMPLETED", "Task_AnalysisEvaluation", "ANALYSIS_REPORT", "manager1"),
            tuple("VOTE_CAST", "Task_CommitteeVote", "COMMITTEE_VOTE", "committee1"),
            tuple("VOTE_CAST", "Task_CommitteeVote", "COMMITTEE_VOTE", "committee2"),
            tuple("VOTE_CAST", "Task_CommitteeVote", "COMMITTEE_VOTE", "committee3"),
            tuple("TASK_COMPLETED", "Task_SignContracts", "CONTRACTS_AND_COLLATERAL", "manager1"),
            tuple("TASK_COMPLETED", "Task_IssueGuarantee", "GUARANTEE_ISSUED", "manager1"),
            tuple("TASK_COMPLETED", "Task_MonitoringReport", "MONITORING_REPORT", "manager1"),
            tuple("TASK_COMPLETED", "Task_ReleaseGuarantee", "GUARANTEE_RELEASED", "manager1"));
    assertThat(records)
        .extracting(EvidenceRecord::recordType)
        .contains("TASK_CREATED", "TASK_ASSIGNED")
        .last()
        .isEqualTo("PROCESS_ENDED");
    assertThat(records)
        .extracting(EvidenceRecord::sequenceNo)
        .containsExactlyElementsOf(
            java.util.stream.IntStream.rangeClosed(1, records.size()).boxed().toList());
    assertThat(ledger.verify(guaranteeCase.getBusinessKey()).isIntact()).isTrue();

    EvidenceRecord investigationRecord =
        records.stream()
            .filter(r -> "CUSTOMER_INVESTIGATION".equals(r.dutyCode()))
            .findFirst()
            .orElseThrow();
    assertThat(investigationRecord.clause()).isEqualTo("§5–§14");
    assertThat(investigationRecord.verificationMethod())
        .startsWith("creditBureau×1, onSite×11; on-site visit ");
    assertThat(investigationRecord.findings())
        .contains("\"doc04Status\":\"verified\"")
        .contains("\"onSiteVisitFindings\":")
        .doesNotContain("applicantName");
    var definition =
        engine.getRepositoryService().getProcessDefinition(guaranteeCase.getProcessDefinitionId());
    assertThat(investigationRecord.ruleSetVersion())
        .isEqualTo(
            "guarantee-lifecycle:v"
                + definition.getVersion()
                + " ("
                + definition.getVersionTag()
                + ") deployment "
                + definition.getDeploymentId());
  }

  @Test
  void aCompletionThroughEngineRestIsRecordedWithTheAuthenticatedUser() {
    ProcessInstance guaranteeCase =
        driver.apply("manager2", intake("苏州证据二公司", "workingCapitalLoan", 1_000_000, 12));
    Task task = driver.taskOf(guaranteeCase.getId(), "Task_CustomerInvestigation", "manager2");
    String body =
        """
        {"variables": {%s}}"""
            .formatted(restVariables(investigation(false)));

    Http.Answer response =
        http.post("/engine-rest/task/" + task.getId() + "/complete")
            .as("manager2")
            .json(body)
            .send();

    assertThat(response.status()).isEqualTo(204);
    assertThat(ledger.records(guaranteeCase.getBusinessKey()))
        .filteredOn(r -> task.getId().equals(r.taskId()))
        .extracting(EvidenceRecord::recordType, EvidenceRecord::performer)
        .contains(tuple("TASK_COMPLETED", "manager2"));
  }

  @Test
  void delegatingAndClaimingATaskAreRecordedWithWhoDidIt() {
    ProcessInstance guaranteeCase =
        driver.apply("manager1", intake("苏州证据委托公司", "workingCapitalLoan", 1_000_000, 12));
    Task task = driver.taskOf(guaranteeCase.getId(), "Task_CustomerInvestigation", "manager1");

    // The case's manager works on their task but may not hand it on (Camunda's TASK_WORK); an
    // administrator may.
    LifecycleDriver.signIn(engine, "manager1");
    try {
      assertThatThrownBy(() -> engine.getTaskService().delegateTask(task.getId(), "manager2"))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    LifecycleDriver.signIn(engine, "admin");
    try {
      engine.getTaskService().delegateTask(task.getId(), "manager2");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    assertThat(ledger.records(guaranteeCase.getBusinessKey()))
        .filteredOn(r -> task.getId().equals(r.taskId()))
        .extracting(EvidenceRecord::recordType, EvidenceRecord::performer, EvidenceRecord::assignee)
        .containsSubsequence(
            tuple("TASK_CREATED", "manager1", "manager1"),
            tuple("TASK_DELEGATED", "admin", "manager2"));
  }

  @Test
  void anAnonymousCallToEngineRestIsRefused() {
    assertThat(http.get("/engine-rest/task").send().status()).isEqualTo(401);
  }

  @Test
  void aRefusedCompletionWritesNothingToTheLedger() {
    ProcessInstance guaranteeCase =
        driver.apply("manager1", intake("苏州证据三公司", "workingCapitalLoan", 1_000_000, 12));
    int before = ledger.records(guaranteeCase.getBusinessKey()).size();
    Map<String, Object> incomplete = investigation(false);
    incomplete.put("doc01Status", "missing");

    assertThatThrownBy(
        () ->
            driver.complete(
                guaranteeCase.getId(), "Task_CustomerInvestigation", "manager1", incomplete));

    assertThat(ledger.records(guaranteeCase.getBusinessKey())).hasSize(before);
    assertThat(ledger.verify(guaranteeCase.getBusinessKey()).isIntact()).isTrue();
  }

  @Test
  void theDatabaseRefusesToChangeOrRemoveARecord() {
    String key = investigatedCase("苏州证据四公司");

    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE evidence_record SET performer = 'someone' WHERE business_key = ?")
                    .param(key)
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.sql("DELETE FROM evidence_record WHERE business_key = ?").param(key).update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
  }

  @Test
  void anEditBehindTheApplicationsBackIsDetectedAtTheRecordEdited() {
    String key = investigatedCase("苏州证据五公司");
    int target = completionOf(key, "Task_CustomerInvestigation").sequenceNo();

    withoutAppendOnlyTriggers(
        () ->
            jdbc.sql(
                    "UPDATE evidence_record SET findings = REPLACE(findings, 'verified', 'missing') "
                        + "WHERE business_key = ? AND sequence_no = ?")
                .params(key, target)
                .update());

    ChainVerification verification = ledger.verify(key);
    assertThat(verification.status()).isEqualTo("broken");
    assertThat(verification.brokenAt()).isEqualTo(target);
    assertThat(verification.reason()).contains("was changed after it was written");
  }

  @Test
  void aDeletedRecordIsDetected() {
    String key = investigatedCase("苏州证据六公司");

    withoutAppendOnlyTriggers(
        () ->
            jdbc.sql("DELETE FROM evidence_record WHERE business_key = ? AND sequence_no = 3")
                .param(key)
                .update());

    assertThat(ledger.verify(key))
        .extracting(ChainVerification::brokenAt, ChainVerification::reason)
        .containsExactly(3, "record 3 is missing (next found: 4)");
  }

  @Test
  void twoRecordsSwappedAreDetected() {
    String key = investigatedCase("苏州证据七公司");

    withoutAppendOnlyTriggers(
        () -> {
          jdbc.sql(
                  "UPDATE evidence_record SET sequence_no = -1 WHERE business_key = ? AND sequence_no = 2")
              .param(key)
              .update();
          jdbc.sql(
                  "UPDATE evidence_record SET sequence_no = 2 WHERE business_key = ? AND sequence_no = 3")
              .param(key)
              .update();
          jdbc.sql(
                  "UPDATE evidence_record SET sequence_no = 3 WHERE business_key = ? AND sequence_no = -1")
              .param(key)
              .update();
        });

    ChainVerification verification = ledger.verify(key);
    assertThat(verification.brokenAt()).isEqualTo(2);
    assertThat(verification.reason()).contains("its previous hash differs");
  }

  @Test
  void aForgedRecordAppendedBehindTheApplicationsBackIsDetectedEvenWithAValidHash() {
    String key = investigatedCase("苏州证据八公司");
    List<EvidenceRecord> records = ledger.records(key);
    EvidenceRecord last = records.get(records.size() - 1);
    EvidenceRecord forged =
        EvidenceRecord.link(
            0,
            new NewEvidence(
                key,
                RecordType.TASK_COMPLETED,
                "guarantee-lifecycle",
                null,
                last.processInstanceId(),
                "Task_CustomerInvestigation",
                "forged",
                "CUSTOMER_INVESTIGATION",
                "§5–§14",
                "manager1",
                "manager1",
                Instant.now(),
                "onSite×13",
                "{}",
                "[]",
                last.ruleSetVersion(),
                null,
                null),
            last.sequenceNo() + 1,
            last.recordHash());

    jdbc.sql(
            "INSERT INTO evidence_record (business_key, sequence_no, record_type, recorded_at, findings, documents, "
                + "previous_hash, record_hash, process_definition_key, process_instance_id, element_id, task_id, duty_code, "
                + "clause, performer, assignee, verification_method, rule_set_version, canonical_version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            key,
            forged.sequenceNo(),
            forged.recordType(),
            java.time.OffsetDateTime.ofInstant(forged.recordedAt(), java.time.ZoneOffset.UTC),
            forged.findings(),
            forged.documents(),
            forged.previousHash(),
            forged.recordHash(),
            forged.processDefinitionKey(),
            forged.processInstanceId(),
            forged.elementId(),
            forged.taskId(),
            forged.dutyCode(),
            forged.clause(),
            forged.performer(),
            forged.assignee(),
            forged.verificationMethod(),
            forged.ruleSetVersion(),
            forged.canonicalVersion())
        .update();

    ChainVerification verification = ledger.verify(key);
    assertThat(verification.status()).isEqualTo("broken");
    assertThat(verification.brokenAt()).isEqualTo(forged.sequenceNo());
    assertThat(verification.reason()).contains("handed out " + last.sequenceNo() + " records");
  }

  private String investigatedCase(String applicant) {
    ProcessInstance guaranteeCase =
        driver.apply("manager1", intake(applicant, "workingCapitalLoan", 1_000_000, 12));
    driver.complete(
        guaranteeCase.getId(), "Task_CustomerInvestigation", "manager1", investigation(false));
    assertThat(ledger.verify(guaranteeCase.getBusinessKey()).isIntact()).isTrue();
    return guaranteeCase.getBusinessKey();
  }

  private EvidenceRecord completionOf(String key, String elementId) {
    return ledger.records(key).stream()
        .filter(r -> r.recordType().equals("TASK_COMPLETED") && r.elementId().equals(elementId))
        .findFirst()
        .orElseThrow();
  }

  private void withoutAppendOnlyTriggers(Runnable tampering) {
    DatabaseAdministrator.tamperWithoutTriggers(jdbc, tampering);
  }

  private static String restVariables(Map<String, Object> values) {
    return values.entrySet().stream()
        .map(
            e -> {
              Object v = e.getValue();
              String json =
                  v instanceof String s ? "\"" + s.replace("\"", "\\\"") + "\"" : String.valueOf(v);
              return "\"" + e.getKey() + "\": {\"value\": " + json + "}";
            })
        .collect(java.util.stream.Collectors.joining(", "));
  }
}
