package com.creditdiligence.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.DemoSubmissions;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * An administrator's intervention through /engine-rest (as Cockpit makes it) is evidence in the case's chain — who,
 * when, what, the values before and after — and where it bypasses the approval procedure the case's duty facts show
 * «超越权限、违反程序审批», against the administrator, not the manager.
 */
@ApplicationTest
class AdministratorInterventionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;
  @Autowired Http http;

  @Test
  void
      anAdministratorsModificationFromTheVoteToTheContractsIsInTheChainAndIsAnApprovalOutOfProcedure()
          throws Exception {
    String caseId = committeeVoting("苏州干预甲公司");
    String key = businessKeyOf(caseId);

    Http.Answer modified =
        engineRest(
            "admin",
            HttpMethod.POST,
            "/process-instance/" + caseId + "/modification",
            """
        {"skipCustomListeners": false, "instructions": [
          {"type": "startBeforeActivity", "activityId": "Task_SignContracts"},
          {"type": "cancel", "activityId": "Task_CommitteeVote#multiInstanceBody"}]}""");
    assertThat(modified.status()).isEqualTo(204);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(caseId)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo("Task_SignContracts");

    EvidenceRecord intervention = interventions(key).get(0);
    assertThat(intervention.performer()).isEqualTo("admin");
    assertThat(intervention.processInstanceId()).isEqualTo(caseId);
    JsonNode facts = JSON.readTree(intervention.findings());
    assertThat(facts.path("operation").asText()).isEqualTo("ModifyProcessInstance");
    assertThat(texts(facts.path("activitiesCancelled"))).contains("Task_CommitteeVote");
    assertThat(texts(facts.path("activitiesStarted"))).containsExactly("Task_SignContracts");
    assertThat(ledger.verify(key).isIntact()).isTrue();

    JsonNode duty = dutyFact(key, "manager1", "APPROVAL_IN_PROCEDURE");
    assertThat(duty.path("status").asText()).isEqualTo("VIOLATED");
    assertThat(duty.path("clause").asText()).contains("银监发〔2004〕51号").contains("超越权限、违反程序审批");
    assertThat(duty.path("responsible").asText()).isEqualTo("admin");
    assertThat(ints(duty.path("evidence"))).contains(intervention.sequenceNo());
    assertThat(duty.path("explanation").asText())
        .contains("ModifyProcessInstance")
        .contains("admin")
        .contains("no approving committee decision");

    JsonNode drafts =
        http.get("/api/cases/" + key + "/draft-findings").as("auditor1").send().json();
    JsonNode finding = only(drafts.path("findings"), "APPROVAL_IN_PROCEDURE");
    assertThat(finding.path("clause").asText()).isEqualTo("§27(七)");
    assertThat(finding.path("severity").asText()).isEqualTo("major");
    assertThat(finding.path("manager").asText()).isEqualTo("admin");
    JsonNode managerOne = only(drafts.path("managers"), "manager1", "manager");
    assertThat(managerOne.path("majorFindings").asInt()).isZero();
  }

  @Test
  void anAdministratorsVariableChangeIsInTheChainWithItsOldAndNewValue() throws Exception {
    String caseId = committeeVoting("苏州干预乙公司");
    String key = businessKeyOf(caseId);
    engine.getRuntimeService().setVariable(caseId, "committeeNote", "before");

    Http.Answer written =
        engineRest(
            "admin",
            HttpMethod.PUT,
            "/process-instance/" + caseId + "/variables/committeeNote",
            "{\"value\": \"after\", \"type\": \"String\"}");
    assertThat(written.status()).isEqualTo(204);

    EvidenceRecord intervention = interventions(key).get(0);
    assertThat(intervention.performer()).isEqualTo("admin");
    JsonNode facts = JSON.readTree(intervention.findings());
    assertThat(facts.path("operation").asText()).isEqualTo("SetVariable");
    JsonNode variable = facts.path("variables").get(0);
    assertThat(variable.path("name").asText()).isEqualTo("committeeNote");
    assertThat(variable.path("before").asText()).isEqualTo("before");
    assertThat(variable.path("after").asText()).isEqualTo("after");
    assertThat(ledger.verify(key).isIntact()).isTrue();
    assertThat(dutyFact(key, "auditor1", "APPROVAL_IN_PROCEDURE").path("status").asText())
        .isEqualTo("VIOLATED");
  }

  @Test
  void anAdministratorsReassignmentOfAVoteIsInTheChainWithTheAssigneeBeforeAndAfter()
      throws Exception {
    String caseId = committeeVoting("苏州干预丙公司");
    String key = businessKeyOf(caseId);
    Task vote =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(caseId)
            .taskDefinitionKey("Task_CommitteeVote")
            .orderByTaskAssignee()
            .asc()
            .list()
            .get(0);

    Http.Answer reassigned =
        engineRest(
            "admin",
            HttpMethod.POST,
            "/task/" + vote.getId() + "/assignee",
            "{\"userId\": \"committee7\"}");
    assertThat(reassigned.status()).isEqualTo(204);

    EvidenceRecord intervention = interventions(key).get(0);
    JsonNode facts = JSON.readTree(intervention.findings());
    assertThat(facts.path("operation").asText()).isEqualTo("Assign");
    assertThat(intervention.elementId()).isEqualTo("Task_CommitteeVote");
    JsonNode change = facts.path("changes").get(0);
    assertThat(change.path("property").asText()).isEqualTo("assignee");
    assertThat(change.path("before").asText()).isEqualTo(vote.getAssignee());
    assertThat(change.path("after").asText()).isEqualTo("committee7");
  }

  @Test
  void aManagersOwnWorkAndACaseWithoutInterventionLeaveNoInterventionAndTheProcedureIsKept()
      throws Exception {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "苏州干预丁公司", 1_000_000).getBusinessKey();

    assertThat(interventions(key)).isEmpty();
    assertThat(dutyFact(key, "manager1", "APPROVAL_IN_PROCEDURE").path("status").asText())
        .isEqualTo("SATISFIED");
  }

  @Test
  void anAdministratorsJobRetriesAreInTheChainAndDoNotBypassTheApproval() throws Exception {
    String key =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "苏州干预己公司", 1_000_000)
            .getBusinessKey();
    String caseId =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(key)
            .processDefinitionKey(LifecycleDriver.PROCESS_KEY)
            .singleResult()
            .getId();
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(caseId)
            .timers()
            .singleResult();

    Http.Answer retried =
        engineRest(
            "admin", HttpMethod.PUT, "/job/" + timer.getId() + "/retries", "{\"retries\": 7}");
    assertThat(retried.status()).isEqualTo(204);

    EvidenceRecord intervention = interventions(key).get(0);
    JsonNode facts = JSON.readTree(intervention.findings());
    assertThat(facts.path("operation").asText()).isEqualTo("SetJobRetries");
    assertThat(facts.path("jobId").asText()).isEqualTo(timer.getId());
    JsonNode change = facts.path("changes").get(0);
    assertThat(change.path("property").asText()).isEqualTo("retries");
    assertThat(change.path("before").asText()).isEqualTo(String.valueOf(timer.getRetries()));
    assertThat(change.path("after").asText()).isEqualTo("7");
    assertThat(dutyFact(key, "manager1", "APPROVAL_IN_PROCEDURE").path("status").asText())
        .isEqualTo("SATISFIED");
  }

  @Test
  void anAdministratorsCancellationOfACaseIsInTheChain() throws Exception {
    String caseId = committeeVoting("苏州干预戊公司");
    String key = businessKeyOf(caseId);

    Http.Answer deleted =
        engineRest("admin", HttpMethod.DELETE, "/process-instance/" + caseId, null);
    assertThat(deleted.status()).isEqualTo(204);

    EvidenceRecord intervention = interventions(key).get(0);
    assertThat(JSON.readTree(intervention.findings()).path("operation").asText())
        .isEqualTo("Delete");
    assertThat(ledger.verify(key).isIntact()).isTrue();
    assertThat(dutyFact(key, "auditor1", "APPROVAL_IN_PROCEDURE").path("status").asText())
        .isEqualTo("VIOLATED");
  }

  private String committeeVoting(String applicant) {
    return new LifecycleDriver(engine)
        .toCommittee(
            "manager1",
            DemoSubmissions.intake(applicant, "workingCapitalLoan", 1_000_000, 12),
            "approve")
        .getId();
  }

  private String businessKeyOf(String caseId) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(caseId)
        .singleResult()
        .getBusinessKey();
  }

  private List<EvidenceRecord> interventions(String key) {
    return ledger.records(key).stream()
        .filter(r -> r.recordType().equals("ADMIN_INTERVENTION"))
        .toList();
  }

  /** As Cockpit calls the engine's API: a JSON Content-Type even on a request without a body. */
  private Http.Answer engineRest(String user, HttpMethod method, String path, String body) {
    Http.Request request =
        http.request(method.name(), "/engine-rest" + path)
            .as(user)
            .header("Content-Type", "application/json");
    return (body == null ? request : request.body(body)).send();
  }

  private JsonNode dutyFact(String key, String reader, String code) {
    JsonNode facts = http.get("/api/cases/" + key + "/duty-facts").as(reader).send().json();
    return only(facts, code);
  }

  private static JsonNode only(JsonNode items, String code) {
    return only(
        items,
        code,
        items.isArray() && items.size() > 0 && items.get(0).has("dutyCode") ? "dutyCode" : "code");
  }

  private static JsonNode only(JsonNode items, String value, String field) {
    List<JsonNode> matching = new java.util.ArrayList<>();
    items.forEach(
        item -> {
          if (value.equals(item.path(field).asText())) {
            matching.add(item);
          }
        });
    assertThat(matching).as(field + " " + value + " in " + items).hasSize(1);
    return matching.get(0);
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new java.util.ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> values = new java.util.ArrayList<>();
    array.forEach(v -> values.add(v.asInt()));
    return values;
  }
}
