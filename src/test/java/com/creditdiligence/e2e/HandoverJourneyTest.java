package com.creditdiligence.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.demo.DemoSubmissions;
import com.creditdiligence.demo.LifecycleDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A department head, signed in to Tasklist, finds a case in the case list and hands it over to a manager by name. */
@ApplicationTest
@Tag("e2e")
class HandoverJourneyTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void theHeadHandsACaseToAManagerPickedByNameWithAReason() {
    String key =
        new LifecycleDriver(engine)
            .apply(
                "manager1",
                DemoSubmissions.intake("嘉善移交浏览器测试有限公司", "workingCapitalLoan", 1_000_000, 12))
            .getBusinessKey();

    try (Browser browser = Browser.open("http://localhost:" + port, "handover")) {
      new Tasklist(browser).signIn("head1");
      browser.go("/audit");
      browser.waitForClickable(By.cssSelector("a[href='/cases/" + key + "/handover']")).click();
      browser.waitFor(By.name("successor"));
      browser.step("handover-form");

      // The head picks the successor by the name shown, not by a user id.
      new Select(browser.driver().findElement(By.name("successor")))
          .getOptions().stream()
              .filter(option -> option.getText().startsWith("李经理二"))
              .findFirst()
              .orElseThrow()
              .click();
      assertThat(
              new Select(browser.driver().findElement(By.name("successor")))
                  .getFirstSelectedOption()
                  .getText())
          .startsWith("李经理二 (manager2)");
      browser
          .driver()
          .findElement(By.name("reason"))
          .sendKeys("原客户经理调岗,案件移交 The manager moves to another branch");
      browser.driver().findElement(By.cssSelector("form button[type='submit']")).click();
      assertThat(browser.waitFor(By.cssSelector("p.ok")).getText())
          .contains("已移交 Handed over to 李经理二 (manager2)");
      browser.step("handed-over");
    }
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(key)
                .singleResult()
                .getAssignee())
        .isEqualTo("manager2");
  }
}
