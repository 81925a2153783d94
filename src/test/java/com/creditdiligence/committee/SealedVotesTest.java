package com.creditdiligence.committee;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.vote;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.audit.DossierDownload;
import com.creditdiligence.demo.LifecycleDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** No one but an auditor reads a member's vote, at any door, before the committee has decided. */
@ApplicationTest
class SealedVotesTest {

  @Autowired ProcessEngine engine;
  @Autowired Http http;

  @Test
  void aVoteIsSealedInTheEvidenceUntilAllMembersHaveVoted() throws Exception {
    LifecycleDriver driver = new LifecycleDriver(engine);
    var guaranteeCase =
        driver.toCommittee(
            "manager1", intake("苏州密封公司", "workingCapitalLoan", 1_000_000, 12), "approve");
    String id = guaranteeCase.getId();
    driver.complete(id, "Task_CommitteeVote", "committee1", vote("reject"));

    List<JsonNode> before = votes(guaranteeCase.getBusinessKey(), "committee2");
    assertThat(before).hasSize(1);
    assertThat(before.get(0).get("findings").get("sealed")).isNotNull();
    assertThat(before.get(0).get("findings").has("vote")).isFalse();

    driver.complete(id, "Task_CommitteeVote", "committee2", vote("approve"));
    driver.complete(id, "Task_CommitteeVote", "committee3", vote("approve"));

    List<JsonNode> after = votes(guaranteeCase.getBusinessKey(), "manager1");
    assertThat(after).hasSize(3);
    assertThat(after.get(0).get("findings").get("vote").asText()).isEqualTo("reject");
  }

  @Test
  void aVoteIsSealedOnEveryDoorUntilTheCommitteeHasDecidedForAllButAuditors() throws Exception {
    LifecycleDriver driver = new LifecycleDriver(engine);
    var guaranteeCase =
        driver.toCommittee(
            "manager1", intake("苏州密封乙公司", "workingCapitalLoan", 1_000_000, 12), "approve");
    String key = guaranteeCase.getBusinessKey();
    Map<String, Object> reasoned = new HashMap<>(vote("reject"));
    reasoned.put("voteRationale", "R0427X 现金流不足 cash flow too thin");
    driver.complete(guaranteeCase.getId(), "Task_CommitteeVote", "committee1", reasoned);

    for (String reader : List.of("manager1", "committee2")) {
      for (String door : List.of("/dossier.json", "/replay")) {
        Http.Answer read = http.get("/api/cases/" + key + door).as(reader).send();
        JsonNode record = voteRecord(read.json().at(door.equals("/replay") ? "/dossier" : ""));
        assertThat(read.body())
            .as("%s reading %s", reader, door)
            .doesNotContain("R0427X")
            .doesNotContain("\\\"reject\\\"");
        assertThat(record.path("findings").asText())
            .as("%s reading %s", reader, door)
            .contains("sealed");
      }
      assertThat(DossierDownload.pdfText(http, reader, key))
          .as("%s reading the PDF", reader)
          .doesNotContain("R0427X");
    }
    // Nor through the engine's own API, to a reader of every case's runtime variables.
    assertThat(
            http.get("/engine-rest/variable-instance?processInstanceIdIn=" + guaranteeCase.getId())
                .as("head1")
                .send()
                .body())
        .doesNotContain("R0427X");
    String auditorsDossier =
        http.get("/api/cases/" + key + "/dossier.json").as("auditor1").send().body();
    assertThat(auditorsDossier).contains("R0427X");
    assertThat(DossierDownload.pdfText(http, "auditor1", key)).contains("R0427X");
    assertThat(votes(key, "auditor1").get(0).get("findings").get("voteRationale").asText())
        .contains("R0427X");
  }

  private static JsonNode voteRecord(JsonNode dossier) {
    for (JsonNode record : dossier.path("evidence")) {
      if (record.path("recordType").asText().equals("VOTE_CAST")) {
        return record;
      }
    }
    throw new AssertionError("no vote in the dossier");
  }

  private List<JsonNode> votes(String key, String reader) {
    JsonNode records = http.get("/api/cases/" + key + "/evidence").as(reader).send().json();
    List<JsonNode> votes = new ArrayList<>();
    records.forEach(
        r -> {
          if (r.get("recordType").asText().equals("VOTE_CAST")) {
            votes.add(r);
          }
        });
    return votes;
  }
}
