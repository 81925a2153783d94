package com.creditdiligence.audit;

import static com.creditdiligence.demo.TestSubmissions.monitoringReport;
import static com.creditdiligence.demo.TestSubmissions.release;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.EvidenceSummary;
import com.creditdiligence.platform.TaskRules;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The timeline replays a whole case from the ledger, in order, by stage and actor, page by page. */
@ApplicationTest
class TimelineTest {

  @Autowired ProcessEngine engine;
  @Autowired Http http;
  @Autowired EvidenceLedger ledger;
  @Autowired TaskRules steps;

  @Test
  void aReleasedCaseReplaysFromIntakeToClosureInOrder() throws Exception {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "苏州回放公司", 1_000_000).getBusinessKey();
    driver.completeInCase(
        key,
        "Task_MonitoringReport",
        "manager1",
        monitoringReport("normal", 0, "releaseAtMaturity"));
    driver.completeInCase(key, "Task_ReleaseGuarantee", "manager1", release());

    JsonNode all = get("/api/cases/" + key + "/timeline?size=1000");

    List<String> stages = new ArrayList<>();
    all.get("entries")
        .forEach(
            e -> {
              String stage = e.get("stage").asText();
              if (stages.isEmpty() || !stages.get(stages.size() - 1).equals(stage)) {
                stages.add(stage);
              }
            });
    assertThat(stages)
        .containsSubsequence(
            "intake",
            "investigation",
            "evaluation",
            "committee",
            "implementation",
            "monitoring",
            "closure");
    List<Integer> evidence = new ArrayList<>();
    all.get("entries").forEach(e -> evidence.add(e.get("evidence").asInt()));
    assertThat(evidence).isSorted().hasSize(all.get("total").asInt());

    JsonNode votes = get("/api/cases/" + key + "/timeline?type=VOTE_CAST");
    assertThat(votes.get("total").asInt()).isEqualTo(3);
    assertThat(votes.get("entries").get(0).get("clause").asText()).isEqualTo("担保决策");
    JsonNode committee1 = get("/api/cases/" + key + "/timeline?actor=committee1&stage=committee");
    assertThat(committee1.get("entries"))
        .allSatisfy(e -> assertThat(e.get("stage").asText()).isEqualTo("committee"));

    JsonNode secondPage = get("/api/cases/" + key + "/timeline?page=1&size=5");
    assertThat(secondPage.get("entries").get(0).get("evidence").asInt()).isEqualTo(6);
  }

  @Test
  void theLedgersSummariesGiveTheEntriesOfTheFullRecordsAndItsNarrowingAgreesWithTheFilter() {
    String key =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "无锡摘要公司", 1_000_000)
            .getBusinessKey();
    List<EvidenceRecord> records = ledger.records(key);

    assertThat(ledger.summaries(key, null, null, null, null))
        .isEqualTo(records.stream().map(EvidenceSummary::of).toList());
    Instant first = records.get(0).recordedAt();
    Instant middle = records.get(records.size() / 2).recordedAt();
    for (Timeline.Filter filter :
        List.of(
            new Timeline.Filter(null, "committee1", null, null, null),
            new Timeline.Filter(null, null, "VOTE_CAST", null, null),
            new Timeline.Filter(null, null, null, middle, null),
            new Timeline.Filter(null, null, null, null, middle),
            new Timeline.Filter(null, "manager1", "TASK_COMPLETED", first, middle))) {
      List<TimelineEntry> narrowed =
          ledger.summaries(key, filter.actor(), filter.type(), filter.from(), filter.to()).stream()
              .map(summary -> Timeline.entry(summary, steps.stages()))
              .toList();
      List<TimelineEntry> reference =
          Timeline.all(records, steps.stages()).stream().filter(filter.predicate()).toList();
      assertThat(narrowed).as(filter.toString()).isNotEmpty().isEqualTo(reference);
    }
  }

  @Test
  void aBadPageIsA400AndAnUnknownCaseA404() {
    Http.Answer badSize =
        http.get("/api/cases/GA-1999-000001/timeline?size=0").as("auditor1").send();
    Http.Answer unknown = http.get("/api/cases/GA-1999-000001/timeline").as("auditor1").send();

    assertThat(badSize.status()).isEqualTo(400);
    assertThat(badSize.body()).contains("\"size\"");
    assertThat(unknown.status()).isEqualTo(404);
  }

  private JsonNode get(String path) {
    return http.get(path).as("auditor1").send().json();
  }
}
