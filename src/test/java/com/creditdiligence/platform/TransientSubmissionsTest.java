package com.creditdiligence.platform;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.investigation;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 23 item 1, on by default: a submitted value nothing after its completion reads is not a process variable
 * (neither in the runtime nor in the history), and the ledger's record of the completion holds it; a value a gateway,
 * a rule or another form reads stays a process variable. For the intake's start form and for a task's form alike.
 */
@ApplicationTest
class TransientSubmissionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;

  @Test
  void aValueNothingLaterReadsIsInTheLedgerAndNotAProcessVariable() throws Exception {
    LifecycleDriver driver = new LifecycleDriver(engine);
    ProcessInstance guaranteeCase =
        driver.apply("manager1", intake("苏州瞬态变量公司", "workingCapitalLoan", 1_000_000, 12));
    driver.complete(
        guaranteeCase.getId(), "Task_CustomerInvestigation", "manager1", investigation(false));
    String id = guaranteeCase.getId();
    String key =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(id)
            .singleResult()
            .getBusinessKey();

    // The intake's start form: the loan's purpose and the credit code are read by nothing after the
    // intake.
    assertNoVariable(id, "purpose");
    assertNoVariable(id, "unifiedSocialCreditCode");
    assertThat(submitted(key, "StartEvent_ApplicationReceived").path("purpose").asText())
        .isEqualTo("采购原材料 Purchase of raw materials");
    assertThat(
            submitted(key, "StartEvent_ApplicationReceived")
                .path("unifiedSocialCreditCode")
                .asText())
        .isEqualTo("91320500MA1XYZ123K");
    // ... the applicant type is read by the eligibility table, the amount by the approval
    // authority's.
    assertVariable(id, "applicantType");
    assertVariable(id, "amount");

    // A task's form: where the manager visited the customer.
    assertNoVariable(id, "onSiteVisitPlace");
    assertNoVariable(id, "doc01Method");
    JsonNode investigation = submitted(key, "Task_CustomerInvestigation");
    assertThat(investigation.path("onSiteVisitPlace").asText())
        .isEqualTo("苏州工业园区厂区 Plant, Suzhou Industrial Park");
    assertThat(investigation.path("doc01Method").asText()).isEqualTo("onSite");
  }

  private JsonNode submitted(String businessKey, String elementId) throws Exception {
    List<EvidenceRecord> records =
        ledger.records(businessKey).stream()
            .filter(r -> elementId.equals(r.elementId()))
            // its completion, not the task's creation or assignment
            .filter(r -> !r.is(RecordType.TASK_CREATED) && !r.is(RecordType.TASK_ASSIGNED))
            .toList();
    assertThat(records).as("the ledger's records of " + elementId).hasSize(1);
    return JSON.readTree(records.get(0).findings());
  }

  private void assertNoVariable(String processInstanceId, String name) {
    assertThat(
            engine
                .getRuntimeService()
                .createVariableInstanceQuery()
                .processInstanceIdIn(processInstanceId)
                .variableName(name)
                .count())
        .as("runtime variable " + name)
        .isZero();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .variableName(name)
                .count())
        .as("historic variable " + name)
        .isZero();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricDetailQuery()
                .processInstanceId(processInstanceId)
                .variableUpdates()
                .list()
                .stream()
                .filter(
                    d ->
                        d instanceof org.camunda.bpm.engine.history.HistoricVariableUpdate u
                            && name.equals(u.getVariableName()))
                .count())
        .as("historic variable update of " + name)
        .isZero();
  }

  private void assertVariable(String processInstanceId, String name) {
    assertThat(
            engine
                .getRuntimeService()
                .createVariableInstanceQuery()
                .processInstanceIdIn(processInstanceId)
                .variableName(name)
                .count())
        .as("runtime variable " + name)
        .isEqualTo(1);
  }
}
