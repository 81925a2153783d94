package com.creditdiligence.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.demo.LifecycleDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An auditor replays an issued guarantee with the keyboard: each step reads as the model's task, done by a named
 * person, with what the step recorded and its evidence one click away; the views of the record are apart.
 */
@ApplicationTest
@Tag("e2e")
class ReplayJourneyTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void anAuditorStepsThroughACaseWithTheArrowKeysAndReadsTasksAndPeople() {
    String key =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "海宁回放浏览器测试有限公司", 1_000_000)
            .getBusinessKey();

    try (Browser browser = Browser.open("http://localhost:" + port, "replay")) {
      new Tasklist(browser).signIn("auditor1");
      browser.go("/audit/cases/" + key);
      browser
          .waiting()
          .until(d -> d.findElement(By.id("step-position")).getText().startsWith("1 / "));
      assertThat(browser.driver().findElement(By.id("case-summary")).getText())
          .contains("流动资金贷款担保 Working-capital loan guarantee", "王经理一 (manager1)", "北京时间");

      // The models drawn by the bpmn.io viewer (served by the application): every BPMN marker, the
      // steps passed marked.
      browser.waitFor(By.cssSelector("#diagrams[data-drawn='true'] .bpmn-viewer svg"));
      assertThat(
              browser
                  .driver()
                  .findElements(
                      By.cssSelector(
                          "figure[data-process='guarantee-lifecycle'] .djs-element.visited[data-element-id='Task_CustomerInvestigation']")))
          .hasSize(1);
      // A user task carries its task-type marker (the person icon, a path inside the task's shape).
      assertThat(
              browser
                  .driver()
                  .findElements(
                      By.cssSelector(
                          "figure[data-process='guarantee-lifecycle'] .djs-element[data-element-id='Task_CustomerInvestigation'] .djs-visual path")))
          .isNotEmpty();
      browser.step("replay-diagram");

      // → steps forward until the customer investigation, done by the manager by name; ← steps
      // back.
      Actions keys = new Actions(browser.driver());
      String position = browser.driver().findElement(By.id("step-position")).getText();
      keys.sendKeys(Keys.ARROW_RIGHT).perform();
      browser
          .waiting()
          .until(d -> !d.findElement(By.id("step-position")).getText().equals(position));
      assertThat(browser.driver().findElement(By.id("step-position")).getText()).startsWith("2 / ");
      keys.sendKeys(Keys.ARROW_LEFT).perform();
      browser
          .waiting()
          .until(d -> d.findElement(By.id("step-position")).getText().startsWith("1 / "));

      int steps = Integer.parseInt(position.substring(position.indexOf('/') + 1).trim());
      boolean sawInvestigation = false;
      for (int i = 1; i < steps && !sawInvestigation; i++) {
        keys.sendKeys(Keys.ARROW_RIGHT).perform();
        String detail = browser.driver().findElement(By.id("step-detail")).getText();
        sawInvestigation =
            detail.contains("客户调查 Customer investigation")
                && detail.contains("任务完成 Task completed");
      }
      assertThat(sawInvestigation).as("a step reads as the model's task, completed").isTrue();
      String detail = browser.driver().findElement(By.id("step-detail")).getText();
      assertThat(detail)
          .contains("王经理一 (manager1)")
          .doesNotContain("Task_CustomerInvestigation")
          .doesNotContain("TASK_COMPLETED");
      // What the step recorded, labelled as its form asked it; its evidence one click away.
      assertThat(browser.driver().findElements(By.cssSelector("#step-detail dl.step-decided dt")))
          .isNotEmpty();
      browser
          .driver()
          .findElement(By.cssSelector("#step-detail details.step-evidence summary"))
          .click();
      assertThat(
              browser.waitFor(By.cssSelector("#step-detail details.step-evidence .hash")).getText())
          .startsWith("hash ");
      browser.step("replay-investigation-step");

      assertThat(browser.driver().findElement(By.id("timeline")).getText())
          .doesNotContain("AUDIT_REPLAY_VIEWED");
      assertThat(browser.driver().findElement(By.id("access-log")).getText())
          .contains("查看回放 Replay viewed", "赵稽核 (auditor1)");
      assertThat(browser.driver().findElement(By.id("duty-facts")).getText())
          .contains("已履行 Satisfied")
          .doesNotContain("SATISFIED");
    }
  }
}
