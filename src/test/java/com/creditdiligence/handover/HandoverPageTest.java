package com.creditdiligence.handover;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
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
import org.springframework.http.MediaType;

/**
 * A department head hands a case to another customer manager at any stage, picked by name, with a reason: the case
 * file, its open tasks and the ledger change together; anyone else, an unqualified successor or no reason changes
 * nothing.
 */
@ApplicationTest
class HandoverPageTest {

  private static final String REASON = "原客户经理调岗,案件移交 The manager moves to another branch";

  @Autowired ProcessEngine engine;
  @Autowired Http http;
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

    assertThat(http.get("/audit").as("head1").send().body())
        .as("the head finds it from the case list")
        .contains("/cases/" + key + "/handover");
    Http.Answer page = get("head1", key);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("绍兴移交甲公司", "(manager1)", "<option value=\"manager2\">李经理二 (manager2)")
        .doesNotContain("<option value=\"manager1\"");
    // The forms name the case manager «姓名 (id)», from the case's record.
    assertThat(shownManager(key)).isEqualTo("王经理一 (manager1)");

    Http.Answer handed = post("head1", key, "successor=manager2&reason=" + encode(REASON));

    // Answered 303 to the page, which says so.
    assertThat(handed.status()).isEqualTo(303);
    Http.Answer sentBackTo = http.follow(handed).as("head1").send();
    assertThat(sentBackTo.status()).isEqualTo(200);
    assertThat(sentBackTo.body()).contains("已移交 Handed over to 李经理二 (manager2)");
    assertThat(caseFiles.find(key).orElseThrow().caseManager()).isEqualTo("manager2");
    // The notice says what the record says: an address naming someone else announces no handover.
    assertThat(http.get("/cases/" + key + "/handover?handedTo=manager1").as("head1").send().body())
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

    Http.Answer byManager = post("manager1", key, "successor=manager2&reason=" + encode(REASON));
    Http.Answer toCommitteeMember =
        post("head1", key, "successor=committee1&reason=" + encode(REASON));
    Http.Answer withoutReason =
        post("head1", key, "successor=manager2&reason=" + encode("——————————"));
    Http.Answer toHimself = post("head1", key, "successor=manager1&reason=" + encode(REASON));

    assertThat(byManager.status()).isEqualTo(403);
    assertThat(byManager.headers().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(toCommitteeMember.status()).isEqualTo(400);
    assertThat(toCommitteeMember.body())
        .contains("未移交 Not handed over", "committee1 is not a customer manager");
    assertThat(withoutReason.body()).contains("须说明移交理由");
    assertThat(toHimself.body()).contains("already manages this case");
    assertThat(caseFiles.find(key).orElseThrow().caseManager()).isEqualTo("manager1");
    assertThat(openTask(key).getAssignee()).isEqualTo("manager1");
    assertThat(caseFiles.handovers(key)).isEmpty();
    assertThat(ledger.records(key)).hasSize(before);
  }

  private Task openTask(String key) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).singleResult();
  }

  private Http.Answer get(String user, String key) {
    return http.get("/cases/" + key + "/handover").as(user).send();
  }

  private Http.Answer post(String user, String key, String form) {
    return http.post("/cases/" + key + "/handover").as(user).form(form).send();
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
