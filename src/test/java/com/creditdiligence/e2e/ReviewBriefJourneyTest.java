package com.creditdiligence.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.accountability.ReviewSteps;
import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The informed appeal decision (issue 18 item 1): a board member offered the appeal decision opens it from Tasklist's
 * «待我处理» list, follows the form's link to the brief's review section, which opens in a new tab, reads the finding
 * under review with its Chinese status and the manager's statement there, and comes back to the form as left.
 */
@ApplicationTest
@Tag("e2e")
class ReviewBriefJourneyTest {

  private static final String STATEMENT = "预警当日已电话通知反担保人,书面通知因邮寄延误晚到两天";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired ReviewStore reviews;

  @Test
  void aBoardMemberReadsTheFindingsAndTheStatementInANewTabBeforeDecidingTheAppeal() {
    String key = appealedReview();

    try (Browser browser = Browser.open("http://localhost:" + port, "review-brief")) {
      Tasklist tasklist = new Tasklist(browser);
      tasklist.signIn("board3");
      tasklist.chooseFilter("待我处理 Offered to me");
      tasklist.searchCase(key);
      tasklist.waitForListedTask("申诉复核", key);
      CamundaForm form = tasklist.openListedTask("申诉复核", key);
      tasklist.claim();
      String rationale = "申诉理由与证据记录相符,改为应免责 The grounds agree with the record";
      form.type("Field_appealRationale", rationale);
      browser.step("appeal-decision-half-filled");

      TabFromTheForm brief =
          TabFromTheForm.open(browser, "/cases/" + key + "/brief#review", "阅读案件简报");
      WebElement review = browser.waitFor(By.id("review"));
      assertThat(review.findElement(By.cssSelector("table.findings tbody tr")).getText())
          .contains("§27(五)", "已确认 Confirmed", "王经理一");
      assertThat(review.findElement(By.cssSelector(".statement")).getText())
          .contains("提交申辩", STATEMENT);
      assertThat(review.findElement(By.cssSelector("table.decisions")).getText())
          .contains("首次认定", "可减免 Reducible");
      browser.script("arguments[0].scrollIntoView();", review);
      browser.step("brief-review-section");

      browser.driver().close();
      browser.driver().switchTo().window(brief.tasklist);
      assertThat(form.value("Field_appealRationale"))
          .as("the form kept what was typed")
          .isEqualTo(rationale);
      browser.step("back-to-the-appeal-decision");
    }
  }

  /** Audited, deliberated, stated on by the manager, found «可减免» by board1, appealed: board2 and board3 may decide. */
  private String appealedReview() {
    ReviewSteps steps = new ReviewSteps(engine, reviews);
    try {
      String key =
          new PostGuaranteeSteps(engine, events).compensatedCase("manager1", "江阴审查简报浏览器测试有限公司", 5);
      steps.toTheAppealDecision(key, STATEMENT, "措施已在预警当日口头落实,书面送达晚于期限非本人原因");
      return key;
    } finally {
      ClockUtil.reset();
    }
  }
}
