package com.creditdiligence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.DemoSubmissions;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** An auditor replays a case in the browser and takes its dossier away; every look is on the record. */
@ApplicationTest
class AuditReplayTest {

  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;
  @Autowired Http http;

  @Test
  void
      anAuditorOpensTheIndexAndAReplayPageWhoseDataHasTheDiagramTheOrderedTimelineAndTheVerification()
          throws Exception {
    ProcessInstance issued =
        new LifecycleDriver(engine).issuedGuarantee("manager1", "扬州回放甲公司", 1_000_000);
    String key = issued.getBusinessKey();

    Http.Answer index = get("auditor1", "/audit");
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.body()).contains("/audit/cases/" + key, "扬州回放甲公司");
    // The index names the manager and the case's state, not their codes.
    assertThat(index.body())
        .contains("王经理一 (manager1)", "保后监管中 In monitoring")
        .doesNotContain(">IN_MONITORING<");
    Http.Answer page = get("auditor1", "/audit/cases/" + key);
    assertThat(page.body()).contains("<script src=\"/audit/replay.js\"></script>", key);
    assertThat(get("auditor1", "/audit/replay.js").body()).contains("/replay");
    assertThat(get("auditor1", "/audit/replay.css").status()).isEqualTo(200);

    JsonNode replay = get("auditor1", "/api/cases/" + key + "/replay").json();

    // The case's steps name, in a column of their own that their hash covers, the definition the
    // engine ran.
    assertThat(ledger.records(key))
        .filteredOn(r -> r.recordType().equals("TASK_COMPLETED"))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.canonicalVersion()).isEqualTo(CanonicalForm.V2);
              assertThat(r.processDefinitionId()).isEqualTo(issued.getProcessDefinitionId());
            });
    assertThat(replay.at("/dossier/evidence").findValuesAsText("processDefinitionId"))
        .contains(issued.getProcessDefinitionId());
    // The replay draws that very definition.
    try (var model =
        engine.getRepositoryService().getProcessModel(issued.getProcessDefinitionId())) {
      assertThat(replay.at("/models/guarantee-lifecycle").asText())
          .isEqualTo(new String(model.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(replay.at("/diagrams/guarantee-lifecycle").asText())
        .startsWith("<svg")
        .contains("data-id=\"Task_CustomerInvestigation\"", "data-id=\"Task_CommitteeVote\"");
    List<Integer> order = new ArrayList<>();
    replay.at("/dossier/timeline").forEach(entry -> order.add(entry.path("evidence").asInt()));
    List<Integer> access = new ArrayList<>();
    replay.at("/dossier/accessLog").forEach(entry -> access.add(entry.path("evidence").asInt()));
    // Every record once: the case's steps in order, and the views of its record apart, this one
    // among them.
    assertThat(order).isSorted().doesNotHaveDuplicates().doesNotContainAnyElementsOf(access);
    assertThat(order.size() + access.size()).isEqualTo(replay.at("/dossier/evidence").size());
    assertThat(replay.at("/dossier/accessLog").findValuesAsText("type"))
        .containsExactly("AUDIT_REPLAY_VIEWED");
    // Looking again adds to the access log, not to the case's steps.
    JsonNode again = get("auditor1", "/api/cases/" + key + "/replay").json();
    assertThat(again.at("/dossier/timeline").size()).isEqualTo(order.size());
    assertThat(again.at("/dossier/accessLog").size()).isEqualTo(2);
    assertThat(replay.at("/dossier/verification/status").asText()).isEqualTo("intact");
    assertThat(replay.at("/dossier/dutyFacts").findValuesAsText("code"))
        .contains("ONSITE_BEFORE_EVALUATION");

    // The committee's decision is part of the record: its minutes, each vote named.
    String minutes = replay.at("/dossier/committeeMinutes/0").asText();
    assertThat(minutes).contains("担保审查委员会会议纪要", "结果 Result");
    List<String> voters =
        ledger.records(key).stream()
            .filter(r -> r.recordType().equals("VOTE_CAST"))
            .map(EvidenceRecord::performer)
            .toList();
    assertThat(voters).hasSize(3).allSatisfy(member -> assertThat(minutes).contains(member));
    assertThat(DossierDownload.pdfText(http, "auditor1", key))
        .contains("会议纪要", "Committee decision and minutes");

    EvidenceRecord last = ledger.records(key).get(ledger.records(key).size() - 1);
    assertThat(last.recordType()).isEqualTo("AUDIT_DOSSIER_EXPORTED");
    assertThat(last.performer()).isEqualTo("auditor1");
  }

  @Test
  void anotherManagerMayNotReplayACaseAndNobodyAnonymously() {
    String key =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "扬州回放乙公司", 1_000_000)
            .getBusinessKey();
    int before = ledger.records(key).size();

    Http.Answer otherManager = get("manager2", "/api/cases/" + key + "/replay");
    Http.Answer anonymous = http.get("/audit/cases/" + key).send();
    Http.Answer ownManager = get("manager1", "/api/cases/" + key + "/dossier.json");

    assertThat(otherManager.status()).isEqualTo(403);
    assertThat(otherManager.headers().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(get("manager2", "/api/cases/" + key + "/timeline").status()).isEqualTo(403);
    assertThat(anonymous.status()).isEqualTo(401);
    Http.Answer otherManagersPage = get("manager2", "/audit/cases/" + key);
    assertThat(otherManagersPage.status()).isEqualTo(403);
    assertThat(otherManagersPage.body())
        .contains("<html", "manager2 may not see case " + key, "href=\"/audit\"");
    assertThat(ownManager.status()).isEqualTo(200);
    assertThat(ledger.records(key)).hasSize(before + 1);
  }

  @Test
  void theDossierPdfCarriesTheCasesKeyFactsInReadableChinese() throws Exception {
    String key =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "扬州回放丙公司", 1_000_000)
            .getBusinessKey();

    Http.Answer response = get("auditor1", "/api/cases/" + key + "/dossier.pdf");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    try (PDDocument pdf = Loader.loadPDF(response.bytes())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text)
          .contains(
              key,
              "扬州回放丙公司",
              "尽职审计档案",
              "证据链校验",
              "intact",
              "客户调查",
              ledger.records(key).get(0).recordHash());
    }
    JsonNode json = get("auditor1", "/api/cases/" + key + "/dossier.json").json();
    assertThat(json.at("/caseFile/applicantName").asText()).isEqualTo("扬州回放丙公司");
    assertThat(json.path("ruleVersions").toString())
        .contains("guarantee-lifecycle:v", "ledger credit-diligence-ledger-v2")
        .doesNotContain("credit-diligence-ledger-v1");
    assertThat(json.at("/evidence/0/canonicalVersion").asText()).isEqualTo(CanonicalForm.V2);
  }

  @Test
  void theTimelineAndTheDossierStillTellTheWholeStoryAfterCamundaHistoryIsCleanedUp()
      throws Exception {
    Map<String, Object> naturalPerson =
        DemoSubmissions.intake("扬州回放丁 individual", "workingCapitalLoan", 300_000, 12);
    naturalPerson.put("applicantType", "naturalPerson");
    ProcessInstance rejected = new LifecycleDriver(engine).apply("manager1", naturalPerson);
    String key = rejected.getBusinessKey();
    String before = get("auditor1", "/api/cases/" + key + "/timeline?size=1000").body();

    engine.getHistoryService().deleteHistoricProcessInstance(rejected.getId());

    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(key)
                .count())
        .isZero();
    Http.Answer after = get("auditor1", "/api/cases/" + key + "/timeline?size=1000");
    assertThat(after.body()).isEqualTo(before);
    assertThat(after.json().path("entries").findValuesAsText("type"))
        .contains("PROCESS_STARTED", "PROCESS_ENDED");
    assertThat(get("auditor1", "/api/cases/" + key + "/dossier.json").status()).isEqualTo(200);
  }

  private Http.Answer get(String user, String path) {
    return http.get(path).as(user).send();
  }
}
