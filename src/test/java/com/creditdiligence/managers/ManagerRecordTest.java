package com.creditdiligence.managers;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.accountability.AccountabilityReview;
import com.creditdiligence.accountability.ReviewSteps;
import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager's record reads as the board decided: a finding cleared on appeal is not «成立» beside a final «应免责»;
 * the statement, the appeal's grounds and the deliberation are there; page, PDF and JSON say the same.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagerRecordTest {

  private static final String APPLICANT = "嘉兴问责记录有限公司";
  private static final String STATEMENT = "预警当日即联系反担保人,书面通知在第五天送达";
  private static final String GROUNDS = "措施已在预警当日口头落实,书面送达晚于期限非本人原因";

  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired ReviewStore store;
  @Autowired Http http;

  String key;
  AccountabilityReview review;

  /** A late preservation measure (§27(五)) confirmed, decided «可减免», then «应免责» on the manager's appeal. */
  @BeforeAll
  void aReviewClearedOnAppeal() {
    ReviewSteps steps = new ReviewSteps(engine, store);
    key = new PostGuaranteeSteps(engine, events).compensatedCase("manager1", APPLICANT, 5);
    review = steps.openReview(key);
    steps.toTheAppealDecision(key, STATEMENT, GROUNDS);
    steps.decide(
        key,
        "Task_AppealDecision",
        "board2",
        "appealTier",
        "exempt",
        "appealClauses",
        List.of(),
        "appealRationale");
  }

  @Test
  void thePageShowsTheFindingClearedOnAppealBesideTheFinalExemptionWithWhatWasSaidAndDecided() {
    Http.Answer page = get("board3", "/managers/manager1/record");
    assertThat(page.status()).isEqualTo(200);
    Element entry = Jsoup.parse(page.body()).selectFirst("[data-review=" + review.reviewId() + "]");

    assertThat(entry).isNotNull();
    assertThat(entry.selectFirst("h2").text()).contains(key, APPLICANT);
    assertThat(entry.selectFirst(".final-tier").text()).isEqualTo("应免责 Exempt");
    assertThat(entry.select(".findings .final-status").eachText())
        .containsExactly("申诉后免责 Cleared on appeal");
    assertThat(entry.selectFirst(".statement").text()).contains("提交申辩", STATEMENT);
    assertThat(entry.selectFirst(".appeal").text()).contains("提出申诉", GROUNDS);
    assertThat(entry.selectFirst(".deliberation").text()).contains("委员会评议", "问责委员1");
    assertThat(entry.select(".decisions td.tier").eachText())
        .containsExactly("可减免 Reducible", "应免责 Exempt");
    assertThat(entry.text()).contains("§27(五) 未根据预警信号及时采取保全措施", "首次认定", "申诉复核");
    assertThat(entry.selectFirst(".findings td.explanation").text())
        .as("the duty fact's times in Beijing time")
        .contains("北京时间")
        .doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    assertThat(entry.selectFirst(".deliberation").text()).contains("问责委员1 Board member 1 (board1)");
  }

  @Test
  void theJsonSaysTheSameWithNamesBesideCodesAndTimesWithTheirOffset() throws Exception {
    JsonNode record = get("auditor1", "/api/managers/manager1/record").json();
    JsonNode entry = null;
    for (JsonNode r : record.path("history")) {
      if (r.path("reviewId").asText().equals(review.reviewId())) {
        entry = r;
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.path("applicant").asText()).isEqualTo(APPLICANT);
    assertThat(entry.path("finalTier").asText()).isEqualTo("exempt");
    assertThat(entry.path("finalTierName").asText()).isEqualTo("应免责 Exempt");
    assertThat(entry.at("/findings/0/auditStatus").asText()).isEqualTo("CONFIRMED");
    assertThat(entry.at("/findings/0/finalStatus").asText()).isEqualTo("CLEARED_ON_APPEAL");
    assertThat(entry.at("/determinations/1/round").asText()).isEqualTo("APPEAL");
    assertThat(entry.at("/determinations/1/eligibleForExemption").asBoolean()).isTrue();
    assertThat(entry.at("/determinations/0/eligibleForExemption").asBoolean()).isFalse();
    assertThat(entry.at("/statement/text").asText()).isEqualTo(STATEMENT);
    assertThat(entry.at("/appeal/text").asText()).isEqualTo(GROUNDS);
    assertThat(entry.path("openedAt").asText()).endsWith("+08:00");
    assertThat(entry.at("/determinations/1/decidedAt").asText()).endsWith("+08:00");
    assertThat(record.at("/outcomes/exempt").asLong()).isPositive();
    assertThat(record.path("years")).isNotEmpty();
  }

  @Test
  void thePdfIsTheSameRecordWithPageNumbersAndASignatureBlock() throws Exception {
    Http.Answer pdf = http.get("/managers/manager1/record.pdf").as("board1").send();
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.headers().getContentType().toString()).isEqualTo("application/pdf");
    java.nio.file.Path out = java.nio.file.Path.of("target/e2e/desk");
    java.nio.file.Files.createDirectories(out);
    java.nio.file.Files.write(out.resolve("manager-record.pdf"), pdf.bytes());
    try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
      // The first page as an image, for a person to look at (not asserted on).
      javax.imageio.ImageIO.write(
          new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 80),
          "png",
          out.resolve("manager-record-page-1.png").toFile());
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains(
              "客户经理问责记录",
              "王经理一",
              APPLICANT,
              "申诉后免责",
              "应免责",
              GROUNDS,
              STATEMENT,
              "第 1 页",
              "签署 Signatures",
              "北京时间");
      assertThat(text).doesNotContain("CLEARED_ON_APPEAL", "REDUCIBLE");
    }
  }

  @Test
  void theManagerReadsTheirOwnRecordAndNoOtherManagerOrCommitteeMemberDoes() {
    assertThat(get("manager1", "/managers/manager1/record").status()).isEqualTo(200);
    assertThat(get("head1", "/managers/manager1/record").status()).isEqualTo(200);
    Http.Answer other = get("manager2", "/managers/manager1/record");
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.headers().getContentType().toString()).startsWith("text/html");
    assertThat(other.body()).contains("无权访问");
    assertThat(get("committee1", "/api/managers/manager1/record").status()).isEqualTo(403);
    assertThat(get("board1", "/managers/nobody/record").status()).isEqualTo(404);
  }

  private Http.Answer get(String user, String path) {
    return http.get(path).as(user).send();
  }
}
