package com.creditdiligence.e2e;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.security.Qualifications;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One time, one zone (issue 18 item 5): a customer manager's browser in Beijing, a server in UTC. Tasklist says
 * when the investigation task was created; the case brief says when the application that created it was
 * registered; both say the same minute, in Beijing time, at a moment when Beijing and UTC are on different days.
 */
@ApplicationTest
@Tag("e2e")
class BusinessTimeJourneyTest {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  /** «2026年12月3日星期四 02:30»: Tasklist's long format in Chinese (locales/zh.json, LLLL). */
  private static final Pattern TASKLIST_LONG =
      Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日\\S*\\s+(\\d{2}):(\\d{2})");

  /** «2026-12-03 02:30»: the brief's, whose zone is said once, above its times. */
  private static final Pattern BRIEF = Pattern.compile("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2})");

  /** A manager of this test's own, whose Tasklist lists this case's task alone, whatever other tests left behind. */
  private static final String MANAGER = "managerbeijing";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Qualifications qualifications;

  @Test
  void theTimeTheBriefShowsIsTheTimeTasklistShowsInBeijing() {
    // 18:30 UTC is 02:30 the next day in Beijing.
    Instant registered =
        LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(18, 30).toInstant(ZoneOffset.UTC);
    ManagerOfTheirOwn.create(
        engine, qualifications, MANAGER, "北京", LocalDate.ofInstant(registered, ZoneOffset.UTC));
    String key;
    ClockUtil.setCurrentTime(Date.from(registered));
    try {
      key =
          new LifecycleDriver(engine)
              .apply(
                  MANAGER,
                  intake(
                      "北京时间浏览器测试有限公司 Beijing Time Browser Co.",
                      "workingCapitalLoan",
                      2_000_000,
                      12))
              .getBusinessKey();
    } finally {
      ClockUtil.reset();
    }
    LocalDateTime inBeijing =
        LocalDateTime.ofInstant(registered, BEIJING).truncatedTo(ChronoUnit.MINUTES);

    try (Browser browser =
        Browser.open("http://localhost:" + port, "business-time", "zh-CN", "Asia/Shanghai")) {
      Tasklist tasklist = new Tasklist(browser);
      tasklist.signIn(MANAGER);
      assertThat(browser.script("return Intl.DateTimeFormat().resolvedOptions().timeZone"))
          .as("the browser's zone")
          .isEqualTo("Asia/Shanghai");
      tasklist.waitForListedTask("客户调查", key);
      String created = tasklist.listedTaskCreated("客户调查", key);
      browser.step("tasklist-created");

      browser.go("/cases/" + key + "/brief");
      String registeredOnBrief = browser.waitFor(By.cssSelector("#case-file .meta")).getText();
      assertThat(browser.driver().findElement(By.cssSelector(".note")).getText())
          .contains("时间均为北京时间");
      browser.step("brief-registered");

      LocalDateTime tasklistTime = tasklistTime(created);
      LocalDateTime briefTime =
          LocalDateTime.parse(find(BRIEF, registeredOnBrief).group(1).replace(' ', 'T'));
      assertThat(tasklistTime).as("Tasklist: " + created).isEqualTo(inBeijing);
      assertThat(briefTime).as("the brief: " + registeredOnBrief).isEqualTo(tasklistTime);
      assertThat(briefTime.toLocalDate())
          .as("Beijing's day, not UTC's")
          .isNotEqualTo(LocalDate.ofInstant(registered, ZoneOffset.UTC));
    }
  }

  private static LocalDateTime tasklistTime(String shown) {
    Matcher m = find(TASKLIST_LONG, shown);
    return LocalDateTime.of(
        Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)),
        Integer.parseInt(m.group(4)),
        Integer.parseInt(m.group(5)));
  }

  private static Matcher find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as(pattern + " in «" + text + "»").isTrue();
    return m;
  }
}
