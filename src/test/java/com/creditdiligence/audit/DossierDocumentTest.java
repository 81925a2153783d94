package com.creditdiligence.audit;

import static com.creditdiligence.accountability.ReviewSteps.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.accountability.ReviewSteps;
import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dossier of a compensated case, reviewed, decided and appealed, read as the board reads it: its pages, as
 * PDFBox extracts their text, and its cover and committee page as images a person can look at
 * (target/e2e/dossier/).
 */
@ApplicationTest
class DossierDocumentTest {

  private static final Path IMAGES = Path.of("target", "e2e", "dossier");

  /** What a code looks like where a name belongs: the model's and the ledger's identifiers. */
  /** A code as the rules spell it ({@code PROBLEM_MEASURES_OF_SECTION25}), not a word a reader should meet. */
  private static final Pattern UPPER_SNAKE_CODE =
      Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

  private static final List<String> RAW_CODES =
      List.of(
          "SATISFIED",
          "VIOLATED",
          "NOT_APPLICABLE",
          "workingCapitalLoan",
          "TASK_COMPLETED",
          "TASK_CREATED",
          "VOTE_CAST",
          "Task_",
          "COMPENSATED",
          "CONFIRMED",
          "notExempt",
          "reducible");

  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired ReviewStore store;
  @Autowired EvidenceLedger ledger;
  @Autowired CaseFiles caseFiles;
  @Autowired Http http;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theDossierOfACompensatedCaseReadsAsADocumentWithTheMinutesPageNumbersAndBeijingTimes()
      throws Exception {
    String key = reviewedAndAppealed("常州档案甲公司 Changzhou Dossier Co.");

    byte[] pdf = http.get("/api/cases/" + key + "/dossier.pdf").as("auditor1").send().bytes();
    Files.createDirectories(IMAGES);
    Files.write(IMAGES.resolve("dossier.pdf"), pdf);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> pages = pages(document);
      int total = pages.size();
      String all = String.join("\n", pages);

      // Numbered as a document is: every page says which it is, of how many.
      assertThat(total).isGreaterThan(3);
      for (int n = 1; n <= total; n++) {
        assertThat(flat(pages.get(n - 1)))
            .as("page %d", n)
            .contains("第 " + n + " 页 / 共 " + total + " 页");
      }

      // The cover: the case, applicant, amount, outcome, who exported it and when, and the chain's
      // verification.
      String cover = flat(pages.get(0));
      assertThat(cover)
          .contains(
              "尽职审计档案",
              key,
              "常州档案甲公司",
              "1,000,000 元(100 万元)",
              "已代偿 Compensated",
              "导出人 Exported by",
              name("auditor1") + " (auditor1)",
              "The evidence chain verifies",
              "目录 Contents",
              "申诉复核 On appeal",
              "应免责 Exempt");
      assertThat(cover)
          .contains(
              DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                  .format(
                      caseFiles
                          .find(key)
                          .orElseThrow()
                          .openedAt()
                          .atZone(ZoneId.of("Asia/Shanghai"))));
      assertThat(cover).contains("北京时间 Beijing time (UTC+08:00)");

      // The committee's decision: the minutes, and each member's vote under the member's name.
      String committee = flat(section(pages, "二、审查委员会决议与会议纪要", "三、各环节记录"));
      assertThat(committee).contains("担保审查委员会会议纪要", "结果 Result");
      List<EvidenceRecord> votes =
          ledger.records(key).stream().filter(r -> r.recordType().equals("VOTE_CAST")).toList();
      assertThat(votes)
          .hasSize(3)
          .allSatisfy(
              vote ->
                  assertThat(committee)
                      .contains(
                          "委员表决 Vote · " + name(vote.performer()) + " (" + vote.performer() + ")"));
      assertThat(committee).contains("同意 Approve");
      // The minutes read for people: names instead of user ids, the product's name, the amount
      // grouped, Beijing times;
      // the stored text of the minutes, which is the record, is kept in the appendix.
      assertThat(committee)
          .contains(
              "担保审查委员会会议纪要 Guarantee committee minutes",
              "流动资金贷款",
              "1,000,000 元(100 万元)",
              "通过 Approved",
              "3 名委员表决");
      DateTimeFormatter beijing =
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
      votes.forEach(
          vote ->
              assertThat(committee)
                  .contains(
                      name(vote.performer())
                          + " ("
                          + vote.performer()
                          + ") "
                          + beijing.format(vote.recordedAt())));
      assertThat(committee).doesNotContain("- committee", "Amount: 1000000");
      String appendixText = flat(all.substring(all.indexOf("附录:证据记录及其哈希")));
      assertThat(appendixText)
          .contains(
              "会议纪要(原文) Minutes as recorded",
              "担保审查委员会会议纪要 Guarantee committee minutes — " + key,
              "品种 Product: workingCapitalLoan",
              "金额 Amount: 1000000.00 元");

      // The review as decided: findings, the statement, the appeal's grounds, both decisions with
      // their clauses.
      assertThat(flat(all))
          .contains(
              "预警当日即联系反担保人",
              "措施已在预警当日口头落实",
              "§27(五)",
              "可减免 Reducible",
              "首次认定 First determination",
              name("board2") + " (board2)",
              "已确认 Confirmed");
      // The analysis report's sections, labelled as its form asked them.
      assertThat(flat(all)).contains("三、各环节记录 What each step recorded");
      // The duty facts as a table of names, not codes.
      String facts = flat(section(pages, "四、尽职事实 Duty facts", "五、问责审查"));
      assertThat(UPPER_SNAKE_CODE.matcher(facts).results().map(MatchResult::group).toList())
          .as("codes shown in the duty facts instead of their names")
          .isEmpty();
      // (a name wraps in its column: compared without the line breaks' spaces)
      assertThat(facts.replace(" ", "")).contains("已履行Satisfied", "问题担保应采取的措施(第二十五条)");
      // A signature block, and the appendix with every record's hash.
      assertThat(flat(all)).contains("九、签署 Signatures", "问责委员会主任");
      ledger.records(key).stream()
          .limit(ledger.records(key).size() - 1)
          .forEach(r -> assertThat(flat(all).replace(" ", "")).contains(r.recordHash()));

      // Where a name exists, no code: every page but the minutes as recorded and the ledger's own
      // text (appendix).
      int appendix = pages.indexOf(pageWith(pages, "附录:证据记录及其哈希"));
      for (int n = 0; n < appendix; n++) {
        String page = pages.get(n);
        if (page.contains("会议纪要(原文)")) {
          continue;
        }
        for (String code : RAW_CODES) {
          assertThat(page).as("page %d shows the code %s", n + 1, code).doesNotContain(code);
        }
      }

      PDFRenderer renderer = new PDFRenderer(document);
      BufferedImage coverImage = renderer.renderImageWithDPI(0, 110);
      ImageIO.write(coverImage, "png", IMAGES.resolve("cover.png").toFile());
      ImageIO.write(
          renderer.renderImageWithDPI(pages.indexOf(pageWith(pages, "二、审查委员会决议与会议纪要")), 110),
          "png",
          IMAGES.resolve("committee.png").toFile());
      for (int n = 1; n < total; n++) {
        ImageIO.write(
            renderer.renderImageWithDPI(n, 80),
            "png",
            IMAGES.resolve("page-%02d.png".formatted(n + 1)).toFile());
      }
      // The cover is drawn, not blank: a good share of its pixels carry ink.
      assertThat(inked(coverImage)).isGreaterThan(0.01);
    }

    JsonNode json = http.get("/api/cases/" + key + "/dossier.json").as("auditor1").send().json();
    // The JSON twin carries what the PDF shows: the people's names, the steps' names, what each
    // step recorded.
    assertThat(json.at("/people/auditor1").asText()).isEqualTo(name("auditor1"));
    assertThat(json.at("/stepNames/Task_CommitteeVote").asText()).isNotBlank();
    assertThat(json.path("submissions").findValuesAsText("element"))
        .contains("Task_AnalysisEvaluation", "Task_CommitteeVote", "Task_Appeal");
    // Every duty fact's and finding's explanation reads Chinese first (the English follows).
    assertThat(json.path("dutyFacts").findValuesAsText("explanation"))
        .isNotEmpty()
        .allSatisfy(text -> assertThat(text).as(text).containsPattern("^\\p{IsHan}"));
    assertThat(json.path("reviews").findValuesAsText("explanation"))
        .isNotEmpty()
        .allSatisfy(text -> assertThat(text).as(text).containsPattern("^\\p{IsHan}"));
    // The committee's decision is in the twin too, each vote with its member.
    assertThat(json.at("/committee/0/result").asText()).isEqualTo("approved");
    assertThat(json.at("/committee/0/votes").findValuesAsText("memberId")).hasSize(3);
  }

  @Test
  void aCaseRejectedAtIntakeShowsItsLaterDutiesAsNotApplicableNotAsPendingForEver()
      throws Exception {
    Map<String, Object> application =
        new java.util.HashMap<>(
            com.creditdiligence.demo.DemoSubmissions.intake(
                "陈某某", "workingCapitalLoan", 500_000, 12));
    application.put("applicantType", "naturalPerson");
    application.put("creditRecord", "adverse");
    String key = new LifecycleDriver(engine).apply("manager1", application).getBusinessKey();

    byte[] pdf = http.get("/api/cases/" + key + "/dossier.pdf").as("auditor1").send().bytes();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> pages = pages(document);
      assertThat(flat(pages.get(0))).contains("不予受理 Rejected at intake");
      String facts = flat(pageWith(pages, "四、尽职事实 Duty facts"));
      assertThat(facts)
          .contains("不适用 Not applicable")
          .doesNotContain("未到期 Not yet due")
          .doesNotContain("PENDING");
      assertThat(flat(pageWith(pages, "二、审查委员会决议与会议纪要")))
          .contains("未经委员会审议 Not decided by the committee");
    }
  }

  private String reviewedAndAppealed(String applicant) {
    String key = new PostGuaranteeSteps(engine, events).compensatedCase("manager1", applicant, 5);
    ReviewSteps steps = new ReviewSteps(engine, store);
    steps.openReview(key);
    steps.audit(key, "auditor1", List.of(verdict(1, "confirm")), List.of());
    steps.deliberate(key, "board1");
    new LifecycleDriver(engine)
        .completeInCase(
            key,
            "Task_ManagerStatement",
            "manager1",
            Map.of("statementChoice", "submit", "statementText", "预警当日即联系反担保人,书面通知在第五天送达"));
    steps.determineReducible(key, "board1");
    steps.appeal(key, "manager1", "措施已在预警当日口头落实,书面送达晚于期限非本人原因");
    steps.decide(
        key,
        "Task_AppealDecision",
        "board2",
        "appealTier",
        "exempt",
        "appealClauses",
        List.of(),
        "appealRationale");
    return key;
  }

  private String name(String userId) {
    User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
    // As a person reads it: a Chinese name written together, a Latin one after a space.
    return user.getLastName().matches("^[A-Za-z].*")
        ? user.getFirstName() + " " + user.getLastName()
        : user.getFirstName() + user.getLastName();
  }

  private static List<String> pages(PDDocument document) throws Exception {
    List<String> pages = new ArrayList<>();
    PDFTextStripper stripper = new PDFTextStripper();
    for (int n = 1; n <= document.getNumberOfPages(); n++) {
      stripper.setStartPage(n);
      stripper.setEndPage(n);
      pages.add(stripper.getText(document));
    }
    return pages;
  }

  private static String pageWith(List<String> pages, String heading) {
    return pages.stream()
        .filter(p -> p.contains(heading))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no page with " + heading));
  }

  /** The pages of a section: from its heading's page to the page before the next section's heading (a new page). */
  private static String section(List<String> pages, String heading, String next) {
    int from = pages.indexOf(pageWith(pages, heading));
    int to = pages.indexOf(pageWith(pages, next));
    return String.join("\n", pages.subList(from, to));
  }

  /** Wrapped lines join again as the sentence they were. */
  private static String flat(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ");
  }

  private static double inked(BufferedImage image) {
    long dark = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
        dark += grey < 128 ? 1 : 0;
      }
    }
    return dark / ((image.getHeight() / 2.0) * (image.getWidth() / 2.0));
  }
}
