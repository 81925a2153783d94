package com.creditdiligence.platform.web;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.documents.SampleFiles;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a server whose zone is UTC, the API, the documents page and the brief say a time as Beijing reads it, and
 * the ledger, which hashed it in UTC, still verifies. The moment is one at which the two zones are on different days.
 */
@ApplicationTest
class TimesInTheBusinessZoneTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Yesterday 18:30 UTC is today 02:30 in Beijing. */
  private static final Instant AT =
      LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(18, 30).toInstant(ZoneOffset.UTC);

  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;
  @Autowired Http http;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void theApiSaysTheTimeWithBeijingsOffsetAndTheLedgerStillVerifies() throws Exception {
    String key = caseOpenedAt(AT);

    JsonNode evidence = JSON.readTree(get("/api/cases/" + key + "/evidence"));
    String recordedAt = evidence.get(0).path("recordedAt").asText();

    assertThat(recordedAt).isEqualTo(beijing(AT, "yyyy-MM-dd'T'HH:mm:ss") + "+08:00");
    assertThat(Instant.parse(recordedAt)).isEqualTo(AT);
    EvidenceRecord first = ledger.records(key).get(0);
    assertThat(first.recordedAt()).isEqualTo(AT);
    assertThat(
            JSON.readTree(get("/api/cases/" + key + "/evidence/verification"))
                .path("status")
                .asText())
        .isEqualTo("intact");
  }

  @Test
  void theDocumentsPageAndTheBriefShowTheTimeInBeijingAndSaySo() {
    String key = caseOpenedAt(AT);
    upload(key);

    String documentsPage = get("/cases/" + key + "/documents");
    assertThat(documentsPage)
        .contains("<td>" + beijing(AT, "yyyy-MM-dd HH:mm:ss") + "</td>")
        .contains("北京时间 Beijing time (UTC+08:00)");
    String brief = get("/cases/" + key + "/brief");
    // The brief says the zone once, above its times.
    assertThat(brief)
        .contains(beijing(AT, "yyyy-MM-dd HH:mm"), "时间均为北京时间 Beijing time (UTC+08:00)");
    assertThat(brief)
        .doesNotContain(
            AT.atZone(ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
  }

  private String caseOpenedAt(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
    return new LifecycleDriver(engine)
        .apply(
            "manager1",
            intake(
                "北京时间测试有限公司 Beijing Time Co. " + System.nanoTime(),
                "workingCapitalLoan",
                1_000_000,
                12))
        .getBusinessKey();
  }

  private static String beijing(Instant at, String pattern) {
    return at.atZone(java.time.ZoneId.of("Asia/Shanghai"))
        .format(java.time.format.DateTimeFormatter.ofPattern(pattern));
  }

  private String get(String path) {
    return http.get(path).as("manager1").send().body();
  }

  private void upload(String key) {
    assertThat(
            http.post("/api/cases/" + key + "/documents")
                .as("manager1")
                .multipart(
                    new Http.Multipart("----business-zone")
                        .file("营业执照.pdf", "application/pdf", SampleFiles.pdf("business licence")))
                .send()
                .status())
        .isEqualTo(201);
  }
}
