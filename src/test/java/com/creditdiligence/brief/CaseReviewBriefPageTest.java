package com.creditdiligence.brief;

import static com.creditdiligence.demo.TestSubmissions.monitoringReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.accountability.ReviewSteps;
import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import org.camunda.bpm.engine.ProcessEngine;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The brief's review section (issue 18 item 1): the board member deciding an appeal reads the findings under review
 * with their clause, the duty fact, the status in Chinese and the records cited; the auditor's summary, the
 * manager's statement, the deliberation, the first determination and the appeal's grounds; names for people, times
 * in Beijing time. Who may not read the case gets 403.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseReviewBriefPageTest {

  private static final String STATEMENT = "预警当日已电话通知反担保人,书面通知因邮寄延误晚到两天";
  private static final String GROUNDS = "保全措施在预警当日已口头落实,书面送达迟延非本人原因";
  private static final String RATIONALE = "依据已确认的情形与证据记录作出认定";

  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired ReviewStore store;
  @Autowired Http http;

  String key;

  /** A late preservation measure (§27(五)) confirmed, deliberated, stated on, decided «可减免», appealed: at the appeal decision. */
  @BeforeAll
  void aReviewAtTheAppealDecision() {
    ReviewSteps steps = new ReviewSteps(engine, store);
    key = new PostGuaranteeSteps(engine, events).compensatedCase("manager1", "无锡审查简报有限公司", 5);
    steps.toTheAppealDecision(key, STATEMENT, GROUNDS);
  }

  @Test
  void theBoardMemberDecidingTheAppealReadsTheFindingsTheStatementAndTheFirstDecision() {
    Http.Answer page = get("board2", "/cases/" + key + "/brief");
    assertThat(page.status()).isEqualTo(200);
    Element review = Jsoup.parse(page.body()).getElementById("review");
    assertThat(review).as("the review section").isNotNull();

    Element finding = review.selectFirst("table.findings tbody tr");
    assertThat(finding).isNotNull();
    assertThat(finding.selectFirst("td.clause").text()).startsWith("§27(五) 未根据预警信号及时采取保全措施");
    assertThat(finding.selectFirst("td.status").text())
        .as("the auditor's verdict, in Chinese")
        .startsWith("已确认 Confirmed")
        .contains("证据记录显示该义务未按期履行")
        .doesNotContain("CONFIRMED");
    assertThat(finding.text()).as("the manager by name").contains("王经理一");
    assertThat(finding.selectFirst("td.explanation").text())
        .as("the duty fact's times in Beijing time")
        .isNotBlank()
        .doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    assertThat(finding.select("td.cites div").eachText())
        .as("the records the finding cites")
        .isNotEmpty()
        .allMatch(c -> c.matches("#\\d+ .+"));

    assertThat(review.selectFirst(".auditor-summary").text()).contains("逐条核对证据链与尽职事实");
    assertThat(review.selectFirst(".statement").text()).contains("王经理一", "提交申辩", STATEMENT);
    assertThat(review.selectFirst(".deliberation").text()).contains("委员会评议", "问责委员1");
    assertThat(review.select("table.decisions tbody tr")).hasSize(1);
    Element first = review.selectFirst("table.decisions tbody tr");
    assertThat(first.selectFirst("td.round").text()).isEqualTo("首次认定 First determination");
    assertThat(first.selectFirst("td.tier").text()).isEqualTo("可减免 Reducible");
    assertThat(first.text()).contains("§27(五)", RATIONALE, "问责委员1");
    assertThat(review.selectFirst(".appeal").text()).contains("提出申诉", GROUNDS);
    assertThat(page.body()).contains("北京时间");
  }

  @Test
  void aManagerOfOtherCasesAndACommitteeMemberOfNoneOfItAreRefused() {
    Http.Answer refused = get("manager2", "/cases/" + key + "/brief");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain(STATEMENT).doesNotContain(GROUNDS);
    assertThat(get("auditor1", "/cases/" + key + "/brief").status()).isEqualTo(200);
    assertThat(get("board3", "/cases/" + key + "/brief").status())
        .as("the board, a case under review")
        .isEqualTo(200);
  }

  @Test
  void theDepartmentHeadReadsTheCasesMonitoringReportsWithTheirClassAndDate() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String monitored = driver.issuedGuarantee("manager1", "无锡监测简报有限公司", 1_000_000).getBusinessKey();
    driver.completeInCase(
        monitored,
        "Task_MonitoringReport",
        "manager1",
        monitoringReport("specialMention", 10, "continueMonitoring"));

    Http.Answer page = get("head1", "/cases/" + monitored + "/brief");
    assertThat(page.status()).isEqualTo(200);
    Element report = Jsoup.parse(page.body()).selectFirst("#monitoring table.monitoring tbody tr");
    assertThat(report).as("the monitoring report").isNotNull();
    assertThat(report.selectFirst("td.risk-class").text()).isEqualTo("关注 Special mention");
    assertThat(report.text())
        .contains("现场检查 On site", "王经理一")
        .doesNotContain("specialMention", "onSite")
        .containsPattern("\\d{4}-\\d{2}-\\d{2}");
  }

  private Http.Answer get(String user, String path) {
    return http.get(path).as(user).send();
  }
}
