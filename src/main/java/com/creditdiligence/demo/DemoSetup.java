package com.creditdiligence.demo;

import static com.creditdiligence.demo.DemoSubmissions.appeal;
import static com.creditdiligence.demo.DemoSubmissions.appealDecision;
import static com.creditdiligence.demo.DemoSubmissions.auditorReview;
import static com.creditdiligence.demo.DemoSubmissions.compensation;
import static com.creditdiligence.demo.DemoSubmissions.deliberation;
import static com.creditdiligence.demo.DemoSubmissions.determination;
import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.investigation;
import static com.creditdiligence.demo.DemoSubmissions.preservationMeasures;
import static com.creditdiligence.demo.DemoSubmissions.problemHandling;
import static com.creditdiligence.demo.DemoSubmissions.statement;
import static com.creditdiligence.demo.DemoSubmissions.vote;

import com.creditdiligence.accountability.AccountabilityReview;
import com.creditdiligence.accountability.ReviewFinding;
import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.platform.StoryClock;
import com.creditdiligence.security.Qualification;
import com.creditdiligence.security.Qualifications;
import com.creditdiligence.submission.BusinessTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the embedded default: demo users of every group, and — on an empty database only — demo cases
 * standing at several stages, so that a new user finds work in Tasklist at once. The cases go
 * through the same rules as any user's work.
 */
@Component
@Order(3)
class DemoSetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSetup.class);

  private final DemoProperties properties;
  private final ProcessEngine engine;
  private final CaseFiles caseFiles;
  private final CaseEvents events;
  private final Qualifications qualifications;
  private final BusinessTime businessTime;
  private final ReviewStore reviews;

  DemoSetup(
      DemoProperties properties,
      ProcessEngine engine,
      CaseFiles caseFiles,
      CaseEvents events,
      Qualifications qualifications,
      BusinessTime businessTime,
      ReviewStore reviews) {
    this.reviews = reviews;
    this.properties = properties;
    this.engine = engine;
    this.caseFiles = caseFiles;
    this.events = events;
    this.qualifications = qualifications;
    this.businessTime = businessTime;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (properties.users()) {
      DemoUsers.ensure(engine.getIdentityService());
      // «客户经理队伍建设»: the demo managers hold a qualification valid for two years from last month.
      LocalDate from = businessTime.today().minusMonths(1);
      for (String manager : List.of("manager1", "manager2")) {
        if (qualifications.of(manager).isEmpty()) {
          qualifications.keep(
              new Qualification(
                  manager, "intermediate", from, from.plusYears(Qualification.MAXIMUM_YEARS)),
              "demo",
              businessTime.now());
        }
      }
    }
    if (properties.cases() && caseFiles.count() == 0) {
      createCases();
      LOG.info("Demo cases created: {}", caseFiles.count());
    }
  }

  /** The demo cases, created whatever the database holds (tests that need them call it once: demo/DemoCases). */
  void createCases() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    // manager2: a guarantee that went bad, told over the weeks it took (the engine's clock held at
    // each moment): issued
    // 20 days ago; a warning signal 10 days ago; preservation measures only 4 days after it (§21
    // gives 3: late);
    // problem handling and compensation paid (代偿); then the accountability review the compensation
    // opened, taken to
    // its end: the auditor confirms the late measures (§27(五)), the board deliberates, manager2
    // states their case, the
    // board finds the responsibility reducible, manager2 appeals, and a second board member decides
    // the appeal. Its
    // dossier (/api/cases/{key}/dossier.pdf) is the one a board member reads whole.
    Instant now = businessTime.now();
    try {
      StoryClock.at(now.minus(20, ChronoUnit.DAYS));
      String compensated =
          driver
              .issuedGuarantee("manager2", "无锡华拓纺织有限公司 Wuxi Huatuo Textiles", 2_000_000)
              .getBusinessKey();
      StoryClock.at(now.minus(10, ChronoUnit.DAYS));
      events.warningSignal(
          compensated,
          "financialCondition",
          "fc01",
          "连续两期利息逾期 Two interest payments missed",
          businessTime.today(),
          businessTime.now());
      StoryClock.at(now.minus(6, ChronoUnit.DAYS));
      driver.completeInCase(
          compensated, "Task_PreservationMeasures", "manager2", preservationMeasures(true));
      driver.completeInCase(
          compensated, "Task_ProblemHandling", "manager2", problemHandling("compensated"));
      driver.completeInCase(
          compensated, "Task_RecordCompensation", "manager2", compensation(2_000_000, 800_000));
      reviewed(driver, compensated, now);
    } finally {
      StoryClock.present();
    }

    // manager1: one case waiting for the investigation
    driver.apply(
        "manager1",
        intake(
            "苏州恒达精密机械有限公司 Suzhou Hengda Precision Machinery", "workingCapitalLoan", 3_000_000, 12));

    // manager1: investigated, waiting for the analysis and evaluation
    String evaluating =
        driver
            .apply(
                "manager1",
                intake(
                    "无锡新材科技有限公司 Wuxi New Materials Technology",
                    "equipmentFinancing",
                    4_500_000,
                    36))
            .getId();
    driver.complete(evaluating, "Task_CustomerInvestigation", "manager1", investigation(false));

    // manager1: before the committee: committee1..3 each have a vote in their Tasklist
    driver.toCommittee(
        "manager1",
        intake("常州绿源食品有限公司 Changzhou Lvyuan Foods", "billAcceptance", 2_000_000, 6),
        "approve");

    // manager1: approved with conditions (differs from the recommendation): reserved opinion, then
    // contracts
    String approved =
        driver
            .toCommittee(
                "manager1",
                intake("南通海联船舶配件有限公司 Nantong Hailian Marine Parts", "letterOfCredit", 1_500_000, 9),
                "approve")
            .getId();
    driver.complete(approved, "Task_CommitteeVote", "committee1", vote("approveWithConditions"));
    driver.complete(approved, "Task_CommitteeVote", "committee2", vote("approve"));
    driver.complete(approved, "Task_CommitteeVote", "committee3", vote("approve"));

    // manager1: guarantees issued and under monitoring — one with a major event waiting for its
    // on-site investigation
    driver.issuedGuarantee("manager1", "昆山联达电子有限公司 Kunshan Lianda Electronics", 2_500_000);
    String eventful =
        driver
            .issuedGuarantee("manager1", "太仓港泰物流有限公司 Taicang Gangtai Logistics", 1_800_000)
            .getBusinessKey();
    events.majorEvent(
        eventful,
        "organisationChange",
        "控股股东拟转让51%股权 The controlling shareholder plans to sell 51%",
        businessTime.today().minusDays(1),
        businessTime.now());

    // manager2: a medium/long-term case waiting for the investigation (the checklist has the extra
    // items)
    driver.apply(
        "manager2",
        intake("扬州江淮新能源有限公司 Yangzhou Jianghuai New Energy", "mediumLongTermCredit", 8_000_000, 48));

    // manager2: an application from a natural person, rejected at intake with its reasons (§2)
    Map<String, Object> naturalPerson =
        intake("陈某某 Chen (individual)", "workingCapitalLoan", 500_000, 12);
    naturalPerson.put("applicantType", "naturalPerson");
    driver.apply("manager2", naturalPerson);
  }

  /** The compensated case's accountability review, each step by the person whose task it is, as in Tasklist. */
  private void reviewed(LifecycleDriver driver, String key, Instant now) {
    AccountabilityReview review =
        reviews.reviewsOfCase(key).stream()
            .filter(r -> !r.closed())
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("No review opened on the compensation of " + key));
    List<Integer> drafts =
        reviews.findings(review.reviewId()).stream()
            .filter(f -> ReviewFinding.DRAFT.equals(f.status()))
            .map(ReviewFinding::findingNo)
            .toList();
    if (drafts.isEmpty()) {
      LOG.warn("Demo case {}: no draft finding to review; its review is left open", key);
      return;
    }
    StoryClock.at(now.minus(4, ChronoUnit.DAYS));
    driver.completeInCase(
        key,
        "Task_AuditorReview",
        "auditor1",
        auditorReview(
            drafts,
            "台账显示预警信号收到四天后方采取保全措施,超过三日期限 The ledger shows the measures taken four days after the "
                + "warning, past the 3-day deadline",
            "逐条核对证据链与尽职事实:保全措施逾期,其余义务按期履行 Checked against the chain: the measures were late; "
                + "the other duties were done on time"));
    driver.completeInCase(
        key,
        "Task_Deliberation",
        "board1",
        deliberation(
            "问责委员会评议:认可稽核确认的保全措施逾期情形及其证据 The board accepts the auditor's finding of late "
                + "preservation measures and its evidence"));
    StoryClock.at(now.minus(3, ChronoUnit.DAYS));
    driver.completeInCase(
        key,
        "Task_ManagerStatement",
        "manager2",
        statement(
            "收到预警后当日即电话联系反担保人,因其失联,书面通知与冻结申请延至第四天 I phoned the counter-guarantor on the "
                + "day of the warning; they could not be reached, so the written notice and the freeze waited until day four"));
    driver.completeInCase(
        key,
        "Task_BoardDetermination",
        "board1",
        determination(
            "reducible",
            List.of("§27(五)"),
            "保全措施超过三日期限,损失 80 万元与延误有关;当事人当日已作电话联系,可减轻 The measures missed the 3-day "
                + "deadline and the loss of 800,000 relates to the delay; the same-day call mitigates"));
    StoryClock.at(now.minus(2, ChronoUnit.DAYS));
    driver.completeInCase(
        key,
        "Task_Appeal",
        "manager2",
        appeal(
            "反担保人失联非本人原因,电话记录可证当日已采取措施 The counter-guarantor's absence was not my doing; the call log "
                + "shows I acted on the day"));
    StoryClock.at(now.minus(1, ChronoUnit.DAYS));
    driver.completeInCase(
        key,
        "Task_AppealDecision",
        "board2",
        appealDecision(
            "reducible",
            List.of("§27(五)"),
            "电话联系不构成第二十一条的保全措施,维持可减免认定 A call is not a §21 preservation measure; the reducible "
                + "determination stands"));
  }
}
