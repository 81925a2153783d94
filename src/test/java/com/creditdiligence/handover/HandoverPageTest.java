package com.creditdiligence.handover;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.HttpBasic;
import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

/**
 * A department head hands a case to another customer manager at any stage, picked by name, with a reason: the case
 * file, its open tasks and the ledger change together; anyone else, an unqualified successor or no reason changes
 * nothing.
 */
@ApplicationTest
class HandoverPageTest {

  private static final String REASON = "原客户经理调岗,案件移交 The manager moves to another branch";

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;
  @Autowired CaseFiles caseFiles;
  @Autowired EvidenceLedger ledger;

  @Test
  void theHeadPicksTheSuccessorByNameAndTheCaseItsOpenTasksAndTheLedgerFollow() throws Exception {
    String key =
        new LifecycleDriver(engine)
            .apply(
                "manager1",
                com.creditdiligence.demo.DemoSubmissions.intake(
                    "绍兴移交甲公司", "workingCapitalLoan", 1_000_000, 12))
            .getBusinessKey();

    assertThat(
            http.exchange(
                    RequestEntity.get("/audit")
                        .header("Authorization", HttpBasic.header("head1", "demo"))
                        .build(),
                    String.class)
                .getBody())
        .as("the head finds it from the case list")
        .contains("/cases/" + key + "/handover");
    ResponseEntity<String> page = get("head1", key);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody())
        .contains("绍兴移交甲公司", "(manager1)", "<option value=\"manager2\">李经理二 (manager2)")
        .doesNotContain("<option value=\"manager1\"");
    // The forms name the case manager «姓名 (id)», from the case's record.
    assertThat(shownManager(key)).isEqualTo("王经理一 (manager1)");

    ResponseEntity<String> handed =
        post("head1", key, "successor=manager2&reason=" + encode(REASON));

    // Answered 303 to the page, which the client follows: it says so.
    assertThat(handed.getStatusCode().value()).isEqualTo(200);
    assertThat(handed.getBody()).contains("已移交 Handed over to 李经理二 (manager2)");
    assertThat(caseFiles.find(key).orElseThrow().caseManager()).isEqualTo("manager2");
    // The notice says what the record says: an address naming someone else announces no handover.
    assertThat(
            http.exchange(
                    RequestEntity.get("/cases/" + key + "/handover?handedTo=manager1")
                        .header("Authorization", HttpBasic.header("head1", "demo"))
                        .build(),
                    String.class)
                .getBody())
        .doesNotContain("已移交");
    assertThat(openTask(key).getAssignee()).isEqualTo("manager2");
    assertThat(shownManager(key)).as("the forms name the successor").isEqualTo("李经理二 (manager2)");
    assertThat(caseFiles.handovers(key))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.predecessor()).isEqualTo("manager1");
              assertThat(h.successor()).isEqualTo("manager2");
            });
    EvidenceRecord record =
        ledger.records(key).stream()
            .filter(r -> r.is(RecordType.CASE_HANDED_OVER))
            .findFirst()
            .orElseThrow();
    JsonNode facts = new ObjectMapper().readTree(record.findings());
    assertThat(record.performer()).isEqualTo("head1");
    assertThat(facts.path("from").asText()).isEqualTo("manager1");
    assertThat(facts.path("to").asText()).isEqualTo("manager2");
    assertThat(facts.path("reason").asText()).isEqualTo(REASON);
    assertThat(facts.path("tasksMoved").toString()).contains("Task_CustomerInvestigation");
    assertThat(ledger.verify(key).isIntact()).isTrue();
  }

  @Test
  void aManagerAnUnknownSuccessorOrNoReasonChangesNothingAndIsToldWhy() {
    String key =
        new LifecycleDriver(engine)
            .apply(
                "manager1",
                com.creditdiligence.demo.DemoSubmissions.intake(
                    "绍兴移交乙公司", "workingCapitalLoan", 1_000_000, 12))
            .getBusinessKey();
    int before = ledger.records(key).size();

    ResponseEntity<String> byManager =
        post("manager1", key, "successor=manager2&reason=" + encode(REASON));
    ResponseEntity<String> toCommitteeMember =
        post("head1", key, "successor=committee1&reason=" + encode(REASON));
    ResponseEntity<String> withoutReason =
        post("head1", key, "successor=manager2&reason=" + encode("——————————"));
    ResponseEntity<String> toHimself =
        post("head1", key, "successor=manager1&reason=" + encode(REASON));

    assertThat(byManager.getStatusCode().value()).isEqualTo(403);
    assertThat(byManager.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
        .isTrue();
    assertThat(toCommitteeMember.getStatusCode().value()).isEqualTo(400);
    assertThat(toCommitteeMember.getBody())
        .contains("未移交 Not handed over", "committee1 is not a customer manager");
    assertThat(withoutReason.getBody()).contains("须说明移交理由");
    assertThat(toHimself.getBody()).contains("already manages this case");
    assertThat(caseFiles.find(key).orElseThrow().caseManager()).isEqualTo("manager1");
    assertThat(openTask(key).getAssignee()).isEqualTo("manager1");
    assertThat(caseFiles.handovers(key)).isEmpty();
    assertThat(ledger.records(key)).hasSize(before);
  }

  private Task openTask(String key) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).singleResult();
  }

  private ResponseEntity<String> get(String user, String key) {
    return http.exchange(
        RequestEntity.get("/cases/" + key + "/handover")
            .header("Authorization", HttpBasic.header(user, "demo"))
            .build(),
        String.class);
  }

  private ResponseEntity<String> post(String user, String key, String form) {
    return http.exchange(
        RequestEntity.method(HttpMethod.POST, "/cases/" + key + "/handover")
            .header("Authorization", HttpBasic.header(user, "demo"))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(form),
        String.class);
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  private Object shownManager(String key) {
    return engine
        .getRuntimeService()
        .getVariable(openTask(key).getProcessInstanceId(), CaseFile.MANAGER_SHOWN);
  }
}
