package com.creditdiligence.e2e;

import static com.creditdiligence.accountability.ReviewSteps.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.accountability.ReviewSteps;
import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import com.creditdiligence.security.Qualification;
import com.creditdiligence.security.Qualifications;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A department head, signed in to Tasklist, opens the desk from the case list and sees who is late on which case, and
 * keeps a qualification there; a board member opens a manager's record and finds the appeal's outcome.
 */
@ApplicationTest
@Tag("e2e")
class DeskJourneyTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired ReviewStore store;
  @Autowired Qualifications qualifications;

  @Test
  void theHeadSeesTheOverdueReportAndWhoseItIsAndTheBoardReadsTheManagersRecord() {
    String id =
        new LifecycleDriver(engine).issuedGuarantee("manager2", "海宁桌面逾期有限公司", 1_600_000).getId();
    String key =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(id)
            .singleResult()
            .getBusinessKey();
    Task report =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(id)
            .taskDefinitionKey("Task_MonitoringReport")
            .singleResult();
    String reviewed = reviewClearedOnAppeal();
    Qualification held = qualifications.of("manager1").orElseThrow();

    try (Browser browser = Browser.open("http://localhost:" + port, "desk")) {
      new Tasklist(browser).signIn("head1");
      ClockUtil.setCurrentTime(Date.from(report.getDueDate().toInstant().plus(Duration.ofDays(2))));
      // From Tasklist's header, where the head works.
      WebElement deskLink = browser.waitForClickable(By.cssSelector("a.desk-link[href='/desk']"));
      browser.step("tasklist-offers-the-desk");
      deskLink.click();
      WebElement late = browser.waitFor(By.cssSelector("#overdue tr[data-case='" + key + "']"));
      assertThat(late.getText()).contains("按期提交监测报告 Monitoring report on time", "李经理二 (manager2)");
      assertThat(browser.driver().findElement(By.id("as-of")).getText())
          .contains("北京时间 Beijing time");
      assertThat(browser.driver().findElements(By.cssSelector("svg.chart rect.bar"))).isNotEmpty();
      browser.stepShowingAll("desk-overdue", "body");

      // The head keeps a qualification from the desk's own form (the session's CSRF token goes with
      // it).
      WebElement row =
          browser
              .driver()
              .findElement(By.cssSelector("#qualifications tr[data-manager='manager1']"));
      new Select(row.findElement(By.name("level"))).selectByVisibleText("高级 Senior");
      row.findElement(By.cssSelector("button[type='submit']")).click();
      assertThat(browser.waitFor(By.cssSelector("#qualifications p.ok")).getText())
          .contains("manager1");
      assertThat(
              browser
                  .driver()
                  .findElement(By.cssSelector("#qualifications tr[data-manager='manager1']"))
                  .getText())
          .contains("高级 Senior");
      browser.step("qualification-kept");
      ClockUtil.reset();

      new Tasklist(browser).signIn("board1");
      browser
          .waiting()
          .until(
              d ->
                  Boolean.TRUE.equals(
                      browser.script(
                          "return performance.getEntriesByType('resource')"
                              + ".some(e => e.name.endsWith('/api/desk/links'))")));
      assertThat(browser.driver().findElements(By.cssSelector("a.desk-link")))
          .as("no desk for a board member")
          .isEmpty();
      browser.go("/managers/manager1/record");
      WebElement entry = browser.waitFor(By.cssSelector("[data-review='" + reviewed + "']"));
      assertThat(entry.findElement(By.cssSelector(".final-tier")).getText())
          .isEqualTo("应免责 Exempt");
      assertThat(entry.findElement(By.cssSelector(".findings .final-status")).getText())
          .isEqualTo("申诉后免责 Cleared on appeal");
      assertThat(entry.findElement(By.cssSelector(".appeal")).getText()).contains("书面送达晚于期限非本人原因");
      // The finding's explanation reads Chinese first, its times in Beijing time.
      assertThat(entry.findElement(By.cssSelector(".findings .explanation")).getText())
          .startsWith("逾期完成")
          .contains("done late, on ")
          .containsPattern("\\+08:00|北京时间");
      browser.stepShowingAll("board-reads-manager-record", "body");
    } finally {
      ClockUtil.reset();
      qualifications.keep(held, "head1", Instant.now());
    }
    assertThat(qualifications.of("manager1").orElseThrow().level()).isEqualTo(held.level());
  }

  private String reviewClearedOnAppeal() {
    ReviewSteps steps = new ReviewSteps(engine, store);
    String key =
        new PostGuaranteeSteps(engine, events).compensatedCase("manager1", "海宁记录浏览器测试有限公司", 5);
    String reviewId = steps.openReview(key).reviewId();
    steps.audit(key, "auditor1", List.of(verdict(1, "confirm")), List.of());
    steps.deliberate(key, "board1");
    steps.waiveStatement(key, "manager1");
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
    ClockUtil.reset();
    return reviewId;
  }
}
