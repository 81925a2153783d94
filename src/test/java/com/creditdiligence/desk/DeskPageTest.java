package com.creditdiligence.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.DemoSubmissions;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.security.Qualification;
import com.creditdiligence.security.Qualifications;
import com.creditdiligence.submission.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The department head's desk: who is late on which case, whose cases need a new manager, where each case stands. */
@ApplicationTest
class DeskPageTest {

  @Autowired ProcessEngine engine;
  @Autowired Http http;
  @Autowired Qualifications qualifications;
  @Autowired BusinessTime time;
  @Autowired CaseEvents events;

  @Test
  void anyoneButADepartmentHeadIsToldOnAPageThatTheDeskIsNotTheirs() {
    for (String user : new String[] {"manager1", "auditor1", "board1"}) {
      Http.Answer page = get(user, "/desk");
      assertThat(page.status()).as(user).isEqualTo(403);
      assertThat(page.headers().getContentType().toString()).startsWith("text/html");
      assertThat(page.body()).contains("无权访问", "departmentHead").doesNotContain("关注名单");
    }
  }

  @Test
  void aCaseAtTheCommitteeIsNamedSoNotRegistered() {
    String key =
        new LifecycleDriver(engine)
            .toCommittee(
                "manager1",
                DemoSubmissions.intake("湖州委员会阶段有限公司", "billAcceptance", 1_200_000, 6),
                "approve")
            .getBusinessKey();
    String investigating =
        new LifecycleDriver(engine)
            .apply(
                "manager1", DemoSubmissions.intake("湖州调查阶段有限公司", "workingCapitalLoan", 900_000, 12))
            .getBusinessKey();

    Document desk = desk();

    assertThat(stageOf(desk.selectFirst("#cases"), key)).isEqualTo("审查委员会审议中 At the committee");
    assertThat(stageOf(desk.selectFirst("#cases"), investigating)).isEqualTo("客户调查 Investigation");
    assertThat(desk.select("#cases").text()).doesNotContain("REGISTERED");
  }

  @Test
  void anOverdueMonitoringReportIsShownWithTheManagerWhoHoldsIt() {
    String id =
        new LifecycleDriver(engine).issuedGuarantee("manager2", "湖州逾期监测有限公司", 1_500_000).getId();
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
    Document before = desk();
    assertThat(before.select("#overdue tr[data-case=" + key + "]"))
        .as("not late before its due date")
        .isEmpty();
    assertThat(before.select("#portfolio-table").text()).contains("正常 Normal");

    ClockUtil.setCurrentTime(Date.from(report.getDueDate().toInstant().plus(Duration.ofDays(3))));
    try {
      Element late = desk().selectFirst("#overdue tr[data-case=" + key + "]");

      assertThat(late).as("the overdue report is on the desk").isNotNull();
      assertThat(late.text())
          .contains(
              "按期提交监测报告 Monitoring report on time",
              "李经理二 (manager2)",
              time.shown(report.getDueDate().toInstant()));
      assertThat(late.selectFirst("td.number").text()).isEqualTo("3");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void theCasesOfAManagerWhoseQualificationLapsedAreListedWithTheWayToReassignThem() {
    String key =
        new LifecycleDriver(engine)
            .apply(
                "manager2", DemoSubmissions.intake("湖州资格失效有限公司", "workingCapitalLoan", 800_000, 12))
            .getBusinessKey();
    Qualification held = qualifications.of("manager2").orElseThrow();
    LocalDate today = time.today();
    qualifications.keep(
        new Qualification("manager2", "intermediate", today.minusYears(1), today.minusDays(1)),
        "head1",
        Instant.now());
    try {
      Document desk = desk();

      Element row = desk.selectFirst("#reassign tr[data-case=" + key + "]");
      assertThat(row).isNotNull();
      assertThat(row.text()).contains("李经理二 (manager2)", "客户调查 Investigation", "已失效 Lapsed");
      assertThat(row.selectFirst("a.reassign").attr("href"))
          .isEqualTo("/cases/" + key + "/handover");
      assertThat(desk.selectFirst("#qualifications tr[data-manager=manager2] td.state").text())
          .isEqualTo("已失效 Lapsed");
    } finally {
      qualifications.keep(held, "head1", Instant.now());
    }
    assertThat(desk().select("#reassign tr[data-case=" + key + "]"))
        .as("requalified: off the list")
        .isEmpty();
  }

  @Test
  void theHeadKeepsAQualificationFromTheDeskByTheRulesOfTheApi() {
    Qualification held = qualifications.of("manager1").orElseThrow();
    LocalDate today = time.today();
    try {
      Http.Answer kept =
          post(
              "head1",
              "/desk/qualifications/manager1",
              "level=senior&validFrom=" + today + "&validUntil=" + today.plusYears(1));
      // Sent back to the desk («redirect:»), which shows the qualification kept.
      assertThat(kept.status()).isEqualTo(302);
      Http.Answer sentBackTo = http.follow(kept).as("head1").send();
      assertThat(sentBackTo.status()).isEqualTo(200);
      assertThat(
              Jsoup.parse(sentBackTo.body())
                  .selectFirst("#qualifications tr[data-manager=manager1]")
                  .text())
          .contains("高级 Senior", today + " — " + today.plusYears(1), "有效 Valid");
      assertThat(qualifications.of("manager1").orElseThrow().level()).isEqualTo("senior");

      Http.Answer tooLong =
          post(
              "head1",
              "/desk/qualifications/manager1",
              "level=senior&validFrom=" + today + "&validUntil=" + today.plusYears(3));
      Http.Answer notADay =
          post(
              "head1",
              "/desk/qualifications/manager1",
              "level=senior&validFrom=tomorrow&validUntil=" + today.plusYears(1));
      Http.Answer notAManager =
          post(
              "head1",
              "/desk/qualifications/committee1",
              "level=senior&validFrom=" + today + "&validUntil=" + today.plusYears(1));
      Http.Answer byAManager =
          post(
              "manager1",
              "/desk/qualifications/manager1",
              "level=senior&validFrom=" + today + "&validUntil=" + today.plusYears(2));

      assertThat(tooLong.status()).isEqualTo(400);
      assertThat(tooLong.body()).contains("资格有效期最长两年");
      assertThat(notADay.status()).isEqualTo(400);
      assertThat(notADay.body()).contains("yyyy-MM-dd");
      assertThat(notAManager.status()).isEqualTo(400);
      assertThat(notAManager.body()).contains("committee1 不是客户经理");
      assertThat(byAManager.status()).isEqualTo(403);
      assertThat(qualifications.of("manager1").orElseThrow().validUntil())
          .isEqualTo(today.plusYears(1));
    } finally {
      qualifications.keep(held, "head1", Instant.now());
    }
  }

  @Test
  void theAuditCaseListNamesTheSameStagesAndLeadsTheHeadToTheDesk() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key =
        driver
            .toCommittee(
                "manager1",
                DemoSubmissions.intake("湖州审计列表有限公司", "billAcceptance", 1_100_000, 6),
                "approve")
            .getBusinessKey();
    String compensated = compensatedCase(driver, "湖州审计代偿有限公司");
    Map<String, Object> naturalPerson =
        DemoSubmissions.intake("湖州某某 (individual)", "workingCapitalLoan", 500_000, 12);
    naturalPerson.put("applicantType", "naturalPerson");
    String rejected = driver.apply("manager2", naturalPerson).getBusinessKey();

    Document audit = Jsoup.parse(get("head1", "/audit").body());

    assertThat(stageOf(audit, key)).isEqualTo("审查委员会审议中 At the committee");
    assertThat(stageOf(audit, compensated)).isEqualTo("已代偿 Compensated");
    assertThat(stageOf(audit, rejected)).isEqualTo("不予受理 Rejected at intake");
    assertThat(audit.select("td.stage").eachText()).doesNotContain("REGISTERED");
    assertThat(audit.selectFirst("#desk-link").attr("href")).isEqualTo("/desk");
    assertThat(Jsoup.parse(get("auditor1", "/audit").body()).select("#desk-link")).isEmpty();
  }

  @Test
  void theDeskAndTheRecordAnswerWithThePagesSecurityHeaders() {
    for (String path : new String[] {"/desk", "/managers/manager1/record"}) {
      Http.Answer page = get("head1", path);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.headers().getFirst("Content-Security-Policy"))
          .as(path)
          .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'self'");
      assertThat(page.headers().getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(page.headers().getFirst("X-Frame-Options")).as(path).isEqualTo("SAMEORIGIN");
    }
    assertThat(http.get("/desk").send().status()).as("not signed in").isEqualTo(401);
  }

  @Test
  void aRefusedSubmissionIsListedWithItsStepAndWhoTriedByName() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String id =
        driver
            .apply(
                "manager1", DemoSubmissions.intake("湖州被拒提交有限公司", "workingCapitalLoan", 700_000, 12))
            .getId();
    String key =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(id)
            .singleResult()
            .getBusinessKey();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> driver.complete(id, "Task_CustomerInvestigation", "manager1", java.util.Map.of()))
        .isInstanceOf(com.creditdiligence.platform.SubmissionRefusedException.class);

    Element refused =
        desk().select("#refusals tbody tr").stream()
            .filter(row -> row.text().contains(key))
            .findFirst()
            .orElse(null);

    assertThat(refused).as("the refusal of " + key).isNotNull();
    assertThat(refused.text()).contains("客户调查 Customer investigation", "王经理一 (manager1)");
  }

  @Test
  void theWatchListHoldsGuaranteesClassedSpecialMentionOrWorseAndThoseWithAMajorEventOpen() {
    String eventful =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "湖州重大事项有限公司", 1_400_000)
            .getBusinessKey();
    events.majorEvent(
        eventful,
        "organisationChange",
        "控股股东拟转让51%股权 The controlling shareholder plans to sell 51%",
        time.today().minusDays(1),
        time.now());
    String id =
        new LifecycleDriver(engine).issuedGuarantee("manager1", "湖州关注名单有限公司", 1_300_000).getId();
    String key =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(id)
            .singleResult()
            .getBusinessKey();
    assertThat(desk().select("#watch-list tr[data-case=" + key + "]"))
        .as("normal: not watched")
        .isEmpty();
    // As a monitoring report classing it 关注 leaves it on record.
    engine.getRuntimeService().setVariable(id, "riskClass", "specialMention");

    Document desk = desk();

    assertThat(desk.selectFirst("#watch-list tr[data-case=" + key + "]").text())
        .contains("关注 Special mention");
    assertThat(desk.select("#portfolio-table tr").eachText())
        .anyMatch(row -> row.startsWith("关注 Special mention"));
    assertThat(desk.select("#watch-list tr").eachText())
        .as("a case with a major event awaiting its on-site visit")
        .anyMatch(row -> row.contains("湖州重大事项") && row.contains("处理中 Open"));
  }

  @Test
  void tasklistIsToldToOfferTheDeskToDepartmentHeadsAlone() {
    assertThat(get("head1", "/api/desk/links").body()).isEqualTo("{\"desk\":\"/desk\"}");
    Http.Answer manager = get("manager1", "/api/desk/links");
    assertThat(manager.status()).isEqualTo(200);
    assertThat(manager.body()).isEqualTo("{}");
  }

  /** As the demo's «无锡华拓纺织» went: a warning signal, preservation, problem handling, compensation paid (代偿). */
  private String compensatedCase(LifecycleDriver driver, String applicant) {
    String key = driver.issuedGuarantee("manager2", applicant, 2_000_000).getBusinessKey();
    events.warningSignal(
        key,
        "financialCondition",
        "fc01",
        "连续两期利息逾期 Two interest payments missed",
        time.today(),
        time.now());
    driver.completeInCase(
        key, "Task_PreservationMeasures", "manager2", DemoSubmissions.preservationMeasures(true));
    driver.completeInCase(
        key, "Task_ProblemHandling", "manager2", DemoSubmissions.problemHandling("compensated"));
    driver.completeInCase(
        key,
        "Task_RecordCompensation",
        "manager2",
        DemoSubmissions.compensation(2_000_000, 800_000));
    return key;
  }

  private Http.Answer post(String user, String path, String form) {
    return http.post(path).as(user).form(form).send();
  }

  private Document desk() {
    Http.Answer page = get("head1", "/desk");
    assertThat(page.status()).isEqualTo(200);
    return Jsoup.parse(page.body());
  }

  private static String stageOf(Element table, String key) {
    Element row = table.selectFirst("tr[data-case=" + key + "]");
    assertThat(row).as(key + " listed").isNotNull();
    return row.selectFirst("td.stage").text();
  }

  private Http.Answer get(String user, String path) {
    return http.get(path).as(user).send();
  }
}
