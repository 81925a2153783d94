package com.creditdiligence.e2e;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.TestSubmissions.majorEventInvestigation;
import static com.creditdiligence.demo.TestSubmissions.majorEventReview;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.accountability.ReviewSteps;
import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.accountability.Tier;
import com.creditdiligence.demo.DemoSubmissions;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import com.creditdiligence.security.Qualifications;
import com.creditdiligence.submission.BusinessTime;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The users' own journeys in the real Tasklist and replay page, in Chromium: a customer manager applies,
 * a committee member's vote is refused and then cast, an auditor replays a case and takes its dossier.
 * Screenshots of every step are in {@code target/e2e/<journey>/screenshots/}.
 */
@ApplicationTest
@Tag("e2e")
class TasklistJourneyTest {

  private static final AtomicInteger APPLICANTS = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired ReviewStore store;
  @Autowired Qualifications qualifications;
  @Autowired BusinessTime businessTime;

  LifecycleDriver driver;

  @BeforeEach
  void setUp() {
    driver = new LifecycleDriver(engine);
  }

  @Test
  void aManagerAppliesThroughTheIntakeFormAndFindsTheInvestigationWaiting() {
    String applicant = "无锡浏览器测试有限公司 Wuxi Browser Test Co. " + APPLICANTS.incrementAndGet();
    String manager =
        ManagerOfTheirOwn.create(engine, qualifications, "managerwuxi", "无锡", businessTime.today());
    try (Browser browser = Browser.open(baseUrl(), "intake")) {
      Tasklist tasklist = new Tasklist(browser);
      tasklist.signIn(manager);
      assertThat(browser.drawsChinese())
          .as("a CJK font draws Chinese (Debian fonts-noto-cjk)")
          .isTrue();
      browser.step("signed-in");

      CamundaForm form = tasklist.openStartForm("担保业务全流程 Guarantee lifecycle");
      assertThat(form.title()).contains("业务受理", "Application intake");
      browser.step("intake-form");

      form.type("Field_applicantName", applicant)
          .select("Field_applicantType", "企业法人 Legal person")
          .type("Field_unifiedSocialCreditCode", "91320200MA1B2C3D4E")
          .date("Field_establishedOn", businessTime.today().minusYears(6))
          .type("Field_employeeCount", 120)
          .type("Field_revenueLastYear", 90000000)
          .tick("营业执照有效且已年检 Business licence valid and inspected")
          .select("Field_creditRecord", "无不良记录 Clean")
          .select("Field_product", "流动资金贷款担保 Working-capital loan guarantee")
          .type("Field_amount", 2_000_000)
          .type("Field_termMonths", 12)
          .type("Field_lendingBank", "中国银行无锡分行 Bank of China Wuxi")
          .type("Field_purpose", "采购棉纱 Purchase of cotton yarn")
          .tick("保证人 Guarantor")
          .type(
              "Field_counterGuaranteeDescription",
              "法定代表人连带保证 Joint guarantee of the legal representative");
      // Typed in yuan, each figure is also said in 万元 beside it, as the rule book states its limits
      // (5000万元, 4亿元).
      assertThat(browser.driver().findElement(By.cssSelector(".fjs-container")).getText())
          .contains("合 9000 万元", "合 200 万元");
      browser.step("intake-filled");
      tasklist.start();

      Task investigation =
          engine
              .getTaskService()
              .createTaskQuery()
              .processVariableValueEquals("applicantName", applicant)
              .singleResult();
      assertThat(investigation.getTaskDefinitionKey()).isEqualTo("Task_CustomerInvestigation");
      assertThat(investigation.getAssignee()).isEqualTo(manager);
      // The row names the task, the case number and the applicant: tasks of different cases look
      // alike otherwise.
      String caseKey =
          (String)
              engine
                  .getRuntimeService()
                  .getVariable(investigation.getProcessInstanceId(), "caseKey");
      tasklist.waitForListedTask("客户调查 Customer investigation", caseKey, applicant);
      browser.step("investigation-waiting");

      assertThat(tasklist.openListedTask("客户调查 Customer investigation", caseKey).title())
          .contains("客户调查");
      browser.step("investigation-form");

      // The report asks no figure a second time: last year's revenue is the intake's, shown in yuan
      // and read-only
      // (Tasklist does not submit a disabled field, nor would the server take it); the amount
      // applied for reads
      // grouped by thousands with its unit, and in 万元 as the rule book states its limits.
      driver.complete(
          investigation.getProcessInstanceId(),
          "Task_CustomerInvestigation",
          manager,
          DemoSubmissions.investigation(false));
      browser.go(Tasklist.HOME);
      tasklist.waitForListedTask("分析与评价 Analysis and evaluation", caseKey);
      CamundaForm report = tasklist.openListedTask("分析与评价 Analysis and evaluation", caseKey);
      WebElement revenue =
          browser.waitFor(By.cssSelector(".fjs-container [id$='-Field_revenueLastYear']"));
      assertThat(revenue.isEnabled())
          .as("the intake's revenue in the report can be changed")
          .isFalse();
      // Shown grouped by thousands, as people read amounts; the figure itself stays the intake's
      // number.
      assertThat(report.value("Field_revenueLastYear")).isEqualTo("90,000,000");
      assertThat(
              new BigDecimal(
                  String.valueOf(
                      engine
                          .getRuntimeService()
                          .getVariable(investigation.getProcessInstanceId(), "revenueLastYear"))))
          .isEqualByComparingTo("90000000");
      String shown = browser.driver().findElement(By.cssSelector(".fjs-container")).getText();
      assertThat(shown)
          .contains("上年营业收入(元,受理时填报)", "90,000,000 元 yuan(9000 万元)", "2,000,000 元 yuan(200 万元)")
          .doesNotContain("受理时以万元填报");
      browser.stepShowingAll("report-carries-the-revenue", ".fjs-container");
    }
  }

  @Test
  void aVoteRefusedByTheServerShowsWhyInTasklistAndTheCorrectedVoteIsCast() {
    ProcessInstance guaranteeCase = caseBeforeTheCommittee();
    String member = driver.voters(guaranteeCase.getId()).get(0);
    Task vote = driver.taskOf(guaranteeCase.getId(), "Task_CommitteeVote", member);

    try (Browser browser = Browser.open(baseUrl(), "committee-vote")) {
      Tasklist tasklist = new Tasklist(browser);
      tasklist.signIn(member);
      // The member looks the case up by its number in their list, whatever else the list holds.
      String key = guaranteeCase.getBusinessKey();
      tasklist.searchCase(key);
      browser.step("vote-found");
      CamundaForm form = tasklist.openListedTask("审查委员会表决 Committee vote", key);
      // Amounts are read as people write them: digits grouped by thousands.
      assertThat(browser.driver().findElement(By.cssSelector(".fjs-container")).getText())
          .contains("1,000,000 元 yuan(100 万元)");
      browser.step("vote-form");

      // A one-word rationale the form itself does not let through (at least 10 characters, as the
      // rule says), nor
      // a conditional approval without its conditions: the form marks what the server requires.
      form.select("Field_vote", "附条件同意 Approve with conditions").type("Field_voteRationale", "好");
      assertThat(tasklist.completeEnabled()).as("«完成» with a one-word rationale").isFalse();
      form.type(
          "Field_voteRationale",
          "第一还款来源充足,需追加抵押 Repayment sources sufficient, more collateral needed");
      // «完成» on a conditional approval without its conditions: the form says so under the field and
      // sends nothing.
      tasklist.complete();
      assertThat(form.errorOf("Field_voteConditions"))
          .as("the conditions field's error")
          .isEqualTo("此项为必填项");
      browser.step("vote-conditions-missing");
      tasklist.dismissNotifications();
      form.type(
          "Field_voteConditions", "追加房产抵押并办理登记 An additional mortgage on property, registered");
      // Ten dashes pass the form's length; the server knows they state nothing, and says so in
      // Tasklist.
      form.type("Field_voteRationale", "——————————");
      tasklist.complete();
      assertThat(tasklist.refusal())
          .contains("提交未被接受 Submission refused", "表决理由 Rationale", "须陈述事实")
          .doesNotContain("Cannot submit task form");
      // Tasklist itself logs the refused request: the one console error this step expects.
      browser.step("vote-refused", "/task/" + vote.getId() + "/submit-form");
      assertThat(driver.taskOf(guaranteeCase.getId(), "Task_CommitteeVote", member))
          .as("the vote is still open")
          .isNotNull();
      assertThat(engine.getTaskService().getVariablesLocal(vote.getId()))
          .doesNotContainKey("voteRationale");

      tasklist.dismissNotifications();
      form.type(
          "Field_voteRationale",
          "第一还款来源充足,需追加抵押 Repayment sources sufficient, more collateral needed");
      tasklist.complete();
      tasklist.waitUntilTaskClosed();
      browser.step("vote-cast");
    }
    assertThat(driver.taskOf(guaranteeCase.getId(), "Task_CommitteeVote", member))
        .as("the vote is cast")
        .isNull();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .taskId(vote.getId())
                .singleResult()
                .getDeleteReason())
        .isEqualTo("completed");
  }

  @Test
  void anAuditorStepsThroughACaseOnItsDiagramAndDownloadsTheDossier() throws IOException {
    String key =
        driver
            .issuedGuarantee("manager1", "常熟回放测试有限公司 Changshu Replay Test Co.", 1_200_000)
            .getBusinessKey();

    try (Browser browser = Browser.open(baseUrl(), "audit-replay")) {
      new Tasklist(browser).signIn("auditor1");
      browser.go("/audit/cases/" + key);
      browser.waitFor(By.cssSelector("#diagrams svg"));
      browser.waitFor(By.cssSelector("#verification.intact"));
      assertThat(browser.driver().findElements(By.cssSelector("#timeline li")))
          .hasSizeGreaterThan(10);
      browser.step("replay-opened");

      // Step through: the highlight moves from shape to shape along the path the case took.
      List<String> highlighted = new ArrayList<>();
      highlighted.add(highlightedShape(browser));
      for (int i = 0; i < 12; i++) {
        browser.driver().findElement(By.id("step-next")).click();
        highlighted.add(highlightedShape(browser));
      }
      Set<String> visitedShapes = new LinkedHashSet<>(highlighted);
      assertThat(visitedShapes)
          .as("shapes highlighted while stepping: %s", highlighted)
          .hasSizeGreaterThanOrEqualTo(3)
          .doesNotContainNull();
      assertThat(browser.driver().findElement(By.id("step-position")).getText())
          .startsWith("13 / ");
      browser.step("replay-stepped");

      browser.driver().findElement(By.id("dossier-pdf")).click();
      Path pdf = browser.downloads().resolve("dossier-" + key + ".pdf");
      browser
          .waiting()
          .until(d -> Files.exists(pdf) && pdf.toFile().length() > 0 && !partialDownloads(browser));
      assertThat(
              new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("%PDF-");
      browser.step("dossier-downloaded");
    }
  }

  @Test
  void aBoardMemberReadsTheGroundsWithTheRecordsTheyRestOnAndDecidesTheManagerExemptInTasklist() {
    String key =
        driver
            .issuedGuarantee("manager1", "海宁认定测试有限公司 Haining Determination Test Co.", 1_000_000)
            .getBusinessKey();
    events.majorEvent(
        key,
        "externalPolicyChange",
        "行业限产政策出台 Output caps for the industry",
        businessTime.today(),
        businessTime.now());
    driver.completeInCase(
        key, "Task_MajorEventInvestigation", "manager1", majorEventInvestigation("substandard"));
    driver.completeInCase(
        key, "Task_ReviewMajorEventReport", "head1", majorEventReview("substandard"));
    new PostGuaranteeSteps(engine, events).payCompensation(key, "manager1", 0);
    ReviewSteps review = new ReviewSteps(engine, store);
    String reviewId = review.openReview(key).reviewId();
    review.audit(key, "auditor1", List.of(), List.of());
    review.deliberate(key, "board1");
    review.waiveStatement(key, "manager1");

    try (Browser browser = Browser.open(baseUrl(), "board-determination")) {
      Tasklist tasklist = new Tasklist(browser);
      tasklist.signIn("board2");
      // Offered to the board: in «待我处理», looked up by the case's number.
      tasklist.chooseFilter("待我处理 Offered to me");
      tasklist.searchCase(key);
      browser.step("determination-found");
      CamundaForm form = tasklist.openListedTask("责任认定 Board determination", key);
      tasklist.claim();
      String brief = form.value("Field_managerBrief");
      assertThat(brief)
          .contains(
              "符合第二十八条免责条件",
              "免责事由 Ground: 不可抗力",
              "externalPolicyChange",
              "(evidence #",
              "建议认定 Suggested tier: 应免责 Exempt");
      browser.step("determination-read");
      form.tick("应免责 Exempt (no conclusive evidence of a breach)")
          .type(
              "Field_determinationRationale",
              "政策变动所致,客户经理按期实地调查并采取保全措施 A policy change; checked and acted in time");
      browser.step("determination-filled");
      tasklist.complete();
      tasklist.waitUntilTaskClosed();
      browser.step("determination-decided");
    }
    assertThat(store.determinations(reviewId))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.tier()).isEqualTo(Tier.EXEMPT);
              assertThat(d.decidedBy()).isEqualTo("board2");
            });
  }

  /** A fresh case investigated and evaluated, its committee convened: three members each have a vote. */
  private ProcessInstance caseBeforeTheCommittee() {
    String applicant = "江阴表决测试有限公司 Jiangyin Vote Test Co. " + APPLICANTS.incrementAndGet();
    return driver.toCommittee(
        "manager1", intake(applicant, "workingCapitalLoan", 1_000_000, 12), "approve");
  }

  private static String highlightedShape(Browser browser) {
    return (String)
        browser.script(
            "const s = document.querySelector('#diagrams .current');"
                + " return s ? s.getAttribute('data-id') : null;");
  }

  private static boolean partialDownloads(Browser browser) {
    try (Stream<Path> files = Files.list(browser.downloads())) {
      return files.anyMatch(f -> f.toString().endsWith(".crdownload"));
    } catch (IOException e) {
      return true;
    }
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }
}
