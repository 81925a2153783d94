package com.creditdiligence.committee;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.vote;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.demo.LifecycleDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** No one reads a member's vote in the ledger's API before the committee has decided. */
@ApplicationTest
class SealedVotesTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate http;

  @Test
  void aVoteIsSealedInTheEvidenceUntilAllMembersHaveVoted() throws Exception {
    LifecycleDriver driver = new LifecycleDriver(engine);
    var guaranteeCase = driver.toCommittee("manager1",
        intake("苏州密封公司", "workingCapitalLoan", 1_000_000, 12), "approve");
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

  private List<JsonNode> votes(String key, String reader) throws Exception {
    JsonNode records = new ObjectMapper().readTree(http.withBasicAuth(reader, "demo")
        .getForObject("/api/cases/" + key + "/evidence", String.class));
    List<JsonNode> votes = new ArrayList<>();
    records.forEach(r -> {
      if (r.get("recordType").asText().equals("VOTE_CAST")) {
        votes.add(r);
      }
    });
    return votes;
  }
}
