package com.creditdiligence.e2e;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.demo.LifecycleDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The informed vote (issue 18 item 1): a committee member opens the vote from Tasklist's list, follows the
 * form's «阅读案件简报» link, which opens the brief in a new tab, reads the analysis report and the
 * investigation there, comes back to the form, which kept what was typed, and votes.
 */
@ApplicationTest
@Tag("e2e")
class CaseBriefJourneyTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void aMemberReadsTheBriefInANewTabAndVotesWithTheFormAsLeft() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    ProcessInstance guaranteeCase =
        driver.toCommittee(
            "manager1",
            intake("宜兴简报浏览器测试有限公司 Yixing Brief Browser Co.", "workingCapitalLoan", 3_500_000, 12),
            "approve");
    String key = guaranteeCase.getBusinessKey();
    String member = driver.voters(guaranteeCase.getId()).get(0);

    try (Browser browser = Browser.open("http://localhost:" + port, "case-brief")) {
      Tasklist tasklist = new Tasklist(browser);
      tasklist.signIn(member);
      tasklist.searchCase(key);
      CamundaForm form = tasklist.openListedTask("审查委员会表决", key);
      form.select("Field_vote", "同意 Approve");
      String rationale = "现金流覆盖充分,抵押足值 Cash flow covers the debt; the mortgage is sufficient";
      form.type("Field_voteRationale", rationale);
      browser.step("vote-form-half-filled");

      TabFromTheForm brief =
          TabFromTheForm.open(browser, "/cases/" + key + "/brief", "阅读案件简报 Read the case brief");
      WebElement report = browser.waitFor(By.id("report"));
      assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains("案件简报", key);
      assertThat(report.getText()).contains("分析评价报告", "经营、财务及反担保均正常,风险可控", "180,000,000", "建议同意");
      assertThat(browser.driver().findElement(By.id("investigation")).getText())
          .contains("已核实 Verified", "实地调查 On-site", "生产线满负荷运转");
      assertThat(browser.driver().findElement(By.id("case-file")).getText())
          .contains("流动资金贷款担保", "3,500,000");
      assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("北京时间");
      browser.step("brief-opened");
      browser.script("arguments[0].scrollIntoView();", report);
      browser.step("brief-report");
      browser.stepShowingAll("brief-whole", "body");

      browser.driver().close();
      browser.driver().switchTo().window(brief.tasklist);
      assertThat(form.value("Field_voteRationale"))
          .as("the form kept what was typed")
          .isEqualTo(rationale);
      browser.step("back-to-the-vote");
      tasklist.complete();
      tasklist.waitUntilTaskClosed();
      browser.step("vote-cast");
    }
    assertThat(driver.taskOf(guaranteeCase.getId(), "Task_CommitteeVote", member))
        .as("the vote is cast")
        .isNull();
  }
}
