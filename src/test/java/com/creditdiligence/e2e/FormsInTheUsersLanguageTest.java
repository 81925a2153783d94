package com.creditdiligence.e2e;

import static com.creditdiligence.accountability.ReviewSteps.verdict;
import static com.creditdiligence.demo.TestSubmissions.monitoringReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.accountability.ReviewSteps;
import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import com.creditdiligence.security.Qualifications;
import com.creditdiligence.submission.BusinessTime;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda Forms speak the user's language: in a Chinese browser form-js's own texts (its validation messages,
 * the dropdowns' placeholder, the dynamic list's button, the calendar) are Chinese, and a field's pattern is
 * said in words; in any browser a typed date is the day meant or is refused, never another day. And a task
 * offered to board members by name is found in Tasklist's filter list. Screenshots in {@code target/e2e/<suite>/}.
 */
@ApplicationTest
@Tag("e2e")
class FormsInTheUsersLanguageTest {

  private static final AtomicInteger APPLICANTS = new AtomicInteger();

  /** form-js's English, as it writes it ("Field is required.", "Select", "Add new", a regex in a message). */
  private static final String[] FORM_JS_ENGLISH = {
    "Field ", "required", "pattern", "minimum", "Select", "Add new", "Collapse", "^["
  };

  /** What form-js itself writes in a form, besides our labels: messages, placeholders, list buttons, the calendar. */
  private static final String FORM_JS_TEXTS =
      ".fjs-container .fjs-form-field-error, .fjs-container .fjs-select-display,"
          + " .fjs-container .fjs-repeat-render-add, .fjs-container .fjs-repeat-render-collapse, .flatpickr-calendar";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired ReviewStore reviews;
  @Autowired Qualifications qualifications;
  @Autowired EvidenceLedger ledger;
  @Autowired BusinessTime businessTime;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aChineseBrowserShowsTheFormsValidationPlaceholdersAndCalendarInChineseWithPatternsInWords() {
    try (Browser browser = Browser.open(baseUrl(), "forms-in-chinese")) {
      Tasklist tasklist = new Tasklist(browser);
      tasklist.signIn("manager1");
      CamundaForm form = tasklist.openStartForm(processName(LifecycleDriver.PROCESS_KEY));

      assertThat(texts(browser, ".fjs-container .fjs-select-display.fjs-select-placeholder"))
          .as("every unchosen dropdown's placeholder")
          .isNotEmpty()
          .containsOnly("请选择");

      // A credit code of the wrong shape, and a required name typed and taken back.
      form.type("Field_unifiedSocialCreditCode", "abc123");
      form.type("Field_applicantName", "临时");
      WebElement name =
          browser.waitFor(By.cssSelector(".fjs-container [id$='-Field_applicantName']"));
      name.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.TAB);
      browser.waitFor(By.xpath("//li[normalize-space(.)='此项为必填项']"));
      assertThat(errorsOf(browser, "Field_unifiedSocialCreditCode"))
          .containsExactlyInAnyOrder("须为18位数字或大写字母", "不少于 18 个字符");
      assertThat(errorsOf(browser, "Field_applicantName")).containsExactly("此项为必填项");
      assertThat(texts(browser, ".fjs-container .fjs-form-field-error li"))
          .allSatisfy(message -> assertThat(message).doesNotContainPattern("[A-Za-z]"));

      // The calendar, opened from the date field: Chinese month and weekday names, weeks from
      // Monday.
      WebElement date =
          browser.waitFor(By.cssSelector(".fjs-container [id$='-Field_establishedOn-date']"));
      // Dates in a Chinese form are written year first, whatever the browser's Intl default (here
      // American).
      assertThat(date.getAttribute("placeholder")).isEqualTo("年-月-日");
      date.click();
      WebElement calendar =
          browser.waitFor(By.cssSelector(".fjs-container .flatpickr-calendar.open"));
      assertThat(texts(browser, ".flatpickr-calendar.open .flatpickr-weekday"))
          .containsExactly("一", "二", "三", "四", "五", "六", "日");
      assertThat(calendar.findElement(By.cssSelector(".flatpickr-monthDropdown-months")).getText())
          .contains("十二月")
          .doesNotContain("December");
      // What a screen reader says of the calendar's choosers, and the logo's tooltip: Chinese too.
      assertThat(
              calendar
                  .findElement(By.cssSelector(".flatpickr-monthDropdown-months"))
                  .getAttribute("aria-label"))
          .isEqualTo("月份");
      assertThat(calendar.findElement(By.cssSelector("input.cur-year")).getAttribute("aria-label"))
          .isEqualTo("年份");
      assertThat(
              browser
                  .driver()
                  .findElement(By.cssSelector(".fjs-container .fjs-powered-by [title]"))
                  .getAttribute("title"))
          .isEqualTo("由 bpmn.io 提供技术支持");
      browser.stepShowingAll("intake-in-chinese", ".fjs-container");

      // Typed as Chinese write a date, it is the day meant; a day that does not exist is refused in
      // Chinese.
      assertThat(typeDate(browser, date, "2020年6月5日")).isEqualTo("2020-06-05");
      assertThat(chosenDay(browser, date)).isEqualTo("2020-6-5");
      // Month and day first is not how a Chinese form writes a day: refused, not read as another
      // day.
      assertThat(typeDate(browser, date, "6/5/2020")).isEmpty();
      assertThat(typeDate(browser, date, "2020/02/30")).isEmpty();
      assertThat(refusal(browser))
          .contains("“2020/02/30”不是有效日期", "在日历中选择")
          .doesNotContainPattern("[A-Za-z]");
      assertThat(typeDate(browser, date, "2020/6/5")).isEqualTo("2020-06-05");
      assertThat(chosenDay(browser, date)).isEqualTo("2020-6-5");
      browser.step("intake-date-typed");

      assertThat(String.join("\n", texts(browser, FORM_JS_TEXTS)))
          .as("what form-js writes in the form")
          .doesNotContain(FORM_JS_ENGLISH);
      tasklist.closeStartForm();

      // The auditor's dynamic list of added findings: its button says «添加».
      String review = reviewOpenToTheAuditor();
      tasklist.signIn("auditor1");
      // Offered to the auditors: in «待我处理», looked up by the case's number.
      tasklist.chooseFilter("待我处理 Offered to me");
      tasklist.searchCase(review);
      tasklist.openListedTask("稽核审查 Auditor review of the findings", review);
      tasklist.claim();
      WebElement add = browser.waitFor(By.cssSelector(".fjs-container .fjs-repeat-render-add"));
      assertThat(add.getText().strip()).isEqualTo("添加");
      browser.stepShowingAll("auditor-review-add", ".fjs-container");
      assertThat(String.join("\n", texts(browser, FORM_JS_TEXTS))).doesNotContain(FORM_JS_ENGLISH);
    }
  }

  @Test
  void aDateTypedInAnAmericanBrowserIsStoredAsTheDayMeantOrRefusedVisibly() throws Exception {
    // The day in Beijing, where the user sits: after 16:00 UTC it is already tomorrow there.
    LocalDate today = businessTime.today();
    // A manager of this test's own: their Tasklist lists this case's release alone, opened from the
    // list as a person does.
    String manager =
        ManagerOfTheirOwn.create(engine, qualifications, "managerusdate", "美式日期", today);
    ProcessInstance maturing =
        new LifecycleDriver(engine)
            .issuedGuarantee(
                manager, "美式日期测试公司 US Date Co. " + APPLICANTS.incrementAndGet(), 3_000_000);
    new LifecycleDriver(engine)
        .completeInCase(
            maturing.getBusinessKey(),
            "Task_MonitoringReport",
            manager,
            monitoringReport("normal", 0, "releaseAtMaturity"));
    Task release = taskOf(maturing.getBusinessKey(), "Task_ReleaseGuarantee");
    assertThat(release.getAssignee()).isEqualTo(manager);
    String american = today.getMonthValue() + "/" + today.getDayOfMonth() + "/" + today.getYear();

    try (Browser browser = Browser.open(baseUrl(), "date-typed-en-us", "en-US")) {
      Tasklist tasklist = new Tasklist(browser);
      tasklist.signIn(manager);
      // English otherwise: form-js's own English stays, but a pattern is said in words there too.
      browser.waitForClickable(By.xpath("//a[normalize-space(.)='Start process']")).click();
      browser
          .waitForClickable(
              By.xpath(
                  "//ul[@class='processes']//a[contains(normalize-space(.), "
                      + Tasklist.xpathLiteral(processName(LifecycleDriver.PROCESS_KEY))
                      + ")]"))
          .click();
      new CamundaForm(browser).type("Field_unifiedSocialCreditCode", "abc123");
      browser.waitFor(
          By.xpath("//li[normalize-space(.)='Must be 18 characters, digits or capital letters']"));
      assertThat(errorsOf(browser, "Field_unifiedSocialCreditCode"))
          .containsExactlyInAnyOrder(
              "Must be 18 characters, digits or capital letters",
              "Field must have minimum length of 18.");
      assertThat(texts(browser, ".fjs-container .fjs-select-display.fjs-select-placeholder"))
          .contains("Select");
      browser.step("intake-in-english");
      browser
          .waitForClickable(
              By.xpath(
                  "//div[contains(@class,'modal-footer')]//button[normalize-space(.)='Close']"))
          .click();
      browser
          .waiting()
          .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));

      tasklist.waitForListedTask("到期解保 Release at maturity", maturing.getBusinessKey());
      CamundaForm form =
          tasklist.openListedTask("到期解保 Release at maturity", maturing.getBusinessKey());
      WebElement date =
          browser.waitFor(
              By.cssSelector(".fjs-container [id$='-Field_repaymentConfirmedOn-date']"));

      // Year first, as Chinese and ISO write it: the day meant, shown the American way.
      assertThat(typeDate(browser, date, today.format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))))
          .isEqualTo(american);
      assertThat(typeDate(browser, date, today.toString())).isEqualTo(american);
      // The browser's own order (month/day/year).
      assertThat(typeDate(browser, date, american)).isEqualTo(american);

      // A day that does not exist, and the day/month/year order of another country: refused, and
      // said so.
      assertThat(typeDate(browser, date, today.getYear() + "/13/45")).isEmpty();
      assertThat(refusal(browser)).contains(today.getYear() + "/13/45", "is not a date");
      assertThat(typeDate(browser, date, "25/12/" + today.getYear())).isEmpty();
      assertThat(refusal(browser)).contains("25/12/" + today.getYear(), "is not a date");
      browser.step("date-refused");

      assertThat(typeDate(browser, date, today.format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))))
          .isEqualTo(american);
      assertThat(browser.driver().findElements(By.cssSelector(".fjs-container .cd-date-refused")))
          .as("the refusal, once a day is taken")
          .isEmpty();
      form.type("Field_bankRepaymentConfirmation", "BOC-NY-REPAID-1202")
          .type("Field_releaseLetterNo", "JB-2026-1202");
      browser.step("release-filled");
      browser
          .waitForClickable(
              By.xpath(
                  "//*[contains(@class,'task-details')]//button[normalize-space(.)='Complete']"))
          .click();
      tasklist.waitUntilTaskClosed();
    }

    // A submission is kept where every submitted value is: the ledger's record of the completion.
    List<EvidenceRecord> releases =
        ledger.records(maturing.getBusinessKey()).stream()
            .filter(r -> "Task_ReleaseGuarantee".equals(r.elementId()))
            .filter(r -> r.is(RecordType.TASK_COMPLETED))
            .toList();
    assertThat(releases).hasSize(1);
    assertThat(JSON.readTree(releases.get(0).findings()).path("repaymentConfirmedOn").asText())
        .as("the day typed, as stored")
        .isEqualTo(today.toString());
  }

  @Test
  void aBoardMemberOfferedTheAppealDecisionByNameFindsItInTheirFilterList() {
    String key = appealedReview();
    Task decision = taskOf(key, "Task_AppealDecision");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(decision.getId())
                .taskCandidateUser("board3")
                .count())
        .as("offered to board3")
        .isOne();

    try (Browser browser = Browser.open(baseUrl(), "appeal-decision-found")) {
      Tasklist tasklist = new Tasklist(browser);
      tasklist.signIn("board3");
      assertThat(tasklist.filterNames()).contains("待我处理 Offered to me");
      tasklist.chooseFilter("待我处理 Offered to me");
      tasklist.searchCase(key);
      tasklist.waitForListedTask("申诉复核", key);
      browser.step("offered-to-me");
      CamundaForm form = tasklist.openListedTask("申诉复核", key);
      assertThat(form.title()).contains("申诉");
      tasklist.claim();
      browser.stepShowingAll("appeal-decision-claimed", ".fjs-container");
    }
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(decision.getId())
                .singleResult()
                .getAssignee())
        .isEqualTo("board3");
  }

  // --- cases
  // ---------------------------------------------------------------------------------------

  private String reviewOpenToTheAuditor() {
    try {
      return new PostGuaranteeSteps(engine, events)
          .compensatedCase(
              "manager1", "中文表单测试公司 Chinese Form Co. " + APPLICANTS.incrementAndGet(), 5);
    } finally {
      ClockUtil.reset();
    }
  }

  /** Audited, deliberated, no statement, found liable by board1, appealed by the manager: board2 and board3 may decide. */
  private String appealedReview() {
    ReviewSteps review = new ReviewSteps(engine, reviews);
    try {
      String key =
          new PostGuaranteeSteps(engine, events)
              .compensatedCase(
                  "manager1", "申诉查找测试公司 Appeal Finding Co. " + APPLICANTS.incrementAndGet(), 5);
      review.audit(key, "auditor1", List.of(verdict(1, "confirm")), List.of());
      review.deliberate(key, "board1");
      review.waiveStatement(key, "manager1");
      review.determineReducible(key, "board1");
      review.appeal(key, "manager1", "措施已在预警当日口头落实,书面送达晚于期限非本人原因");
      return key;
    } finally {
      ClockUtil.reset();
    }
  }

  private Task taskOf(String businessKey, String taskKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey)
        .active()
        .singleResult();
  }

  private String processName(String key) {
    ProcessDefinition process =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .latestVersion()
            .singleResult();
    return process.getName();
  }

  // --- the page
  // --------------------------------------------------------------------------------------

  /** Types into the date field as a user does and leaves it; what the field then shows. */
  private static String typeDate(Browser browser, WebElement date, String typed) {
    date.click();
    date.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    date.sendKeys(typed, Keys.TAB);
    browser.waiting().until(d -> !date.equals(d.switchTo().activeElement()));
    return date.getDomProperty("value");
  }

  /** The day the field's date picker holds, as year-month-day. */
  private static String chosenDay(Browser browser, WebElement date) {
    return String.valueOf(
        browser.script(
            """
        const day = arguments[0]._flatpickr.selectedDates[0];
        return day ? day.getFullYear() + '-' + (day.getMonth() + 1) + '-' + day.getDate() : null;
        """,
            date));
  }

  private static String refusal(Browser browser) {
    return browser.waitFor(By.cssSelector(".fjs-container .cd-date-refused")).getText();
  }

  private static List<String> errorsOf(Browser browser, String componentId) {
    WebElement input =
        browser.driver().findElement(By.cssSelector(".fjs-container [id$='-" + componentId + "']"));
    return input
        .findElements(
            By.xpath(
                "./ancestor::div[contains(@class,'fjs-form-field')][1]"
                    + "//div[contains(@class,'fjs-form-field-error')]//li"))
        .stream()
        .map(WebElement::getText)
        .map(String::strip)
        .toList();
  }

  /** The shown texts of the elements, read at once (form-js redraws while a test reads element by element). */
  @SuppressWarnings("unchecked")
  private static List<String> texts(Browser browser, String cssSelector) {
    return ((List<Object>)
            browser.script(
                "return Array.from(document.querySelectorAll(arguments[0]))"
                    + ".map(e => e.innerText.trim());",
                cssSelector))
        .stream().map(String::valueOf).toList();
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }
}
