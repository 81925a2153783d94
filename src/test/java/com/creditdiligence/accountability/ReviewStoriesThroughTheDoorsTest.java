package com.creditdiligence.accountability;

import static com.creditdiligence.demo.DemoSubmissions.compensation;
import static com.creditdiligence.demo.DemoSubmissions.contracts;
import static com.creditdiligence.demo.DemoSubmissions.evaluation;
import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.investigation;
import static com.creditdiligence.demo.DemoSubmissions.issue;
import static com.creditdiligence.demo.DemoSubmissions.preservationMeasures;
import static com.creditdiligence.demo.DemoSubmissions.problemHandling;
import static com.creditdiligence.demo.DemoSubmissions.vote;
import static com.creditdiligence.demo.TestSubmissions.majorEventInvestigation;
import static com.creditdiligence.demo.TestSubmissions.majorEventReview;
import static com.creditdiligence.demo.TestSubmissions.monitoringReport;
import static com.creditdiligence.demo.TestSubmissions.overdueReview;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.EngineRestSteps;
import com.creditdiligence.Http;
import com.creditdiligence.submission.BusinessTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Issue 17's stories driven only through the doors its users have — the engine's REST API as Tasklist uses it, and
 * the application's {@code /api} — from the intake to the board's determination. Each ends with the findings, the
 * grounds and the tier the rule book gives, and the board reads the reasons, with the records they rest on, on its
 * task. What the test does itself is what time and the engine's job executor do: move the clock, run the jobs due.
 */
@ApplicationTest
class ReviewStoriesThroughTheDoorsTest {

  private static final String MONITORING_REPORT = "Task_MonitoringReport";

  @Autowired ProcessEngine engine;
  @Autowired Http http;
  @Autowired BusinessTime businessTime;

  private EngineRestSteps rest;

  @BeforeEach
  void doors() {
    rest = new EngineRestSteps(http);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void afterAHandoverEachManagerAnswersOnlyForTheRoundMissedWhileTheyHeldTheCase() {
    String key = issuedThroughTheDoors("manager1", "嘉兴移交甲公司");

    // Round 1 falls due while manager1 holds the case; the department head hands it to manager2
    // after it is overdue,
    // and manager2 files that late report: its lateness is manager1's.
    int roundOneCreated = lastRecord(key, "TASK_CREATED", MONITORING_REPORT);
    letTheOpenReportFallOverdue(key);
    rest.complete(key, "Task_ReviewOverdueReport", "head1", overdueReview("manager2"));
    jobs(key);
    rest.complete(
        key, MONITORING_REPORT, "manager2", monitoringReport("normal", 0, "continueMonitoring"));
    jobs(key);

    // Round 2 falls due while manager2 holds the case, and is never filed: the loss follows.
    int roundTwoCreated = lastRecord(key, "TASK_CREATED", MONITORING_REPORT);
    assertThat(roundTwoCreated).isGreaterThan(roundOneCreated);
    letTheOpenReportFallOverdue(key);
    rest.complete(key, "Task_ReviewOverdueReport", "head1", overdueReview(null));
    jobs(key);
    lossAfterAWarningSignal(key, "manager2");

    JsonNode review = openReview(key);
    List<JsonNode> findings = list(review.path("findings"));
    assertThat(findings)
        .extracting(f -> f.path("dutyCode").asText() + " " + f.path("manager").asText())
        .containsExactlyInAnyOrder(
            "MONITORING_REPORT_ON_TIME manager1", "MONITORING_REPORT_ON_TIME manager2");
    JsonNode predecessors = findingOf(findings, "manager1");
    JsonNode successors = findingOf(findings, "manager2");
    assertThat(numbers(predecessors.path("evidence")))
        .contains(roundOneCreated)
        .doesNotContain(roundTwoCreated);
    assertThat(numbers(successors.path("evidence"))).containsExactly(roundTwoCreated);
    assertThat(successors.path("clause").asText()).isEqualTo("§27(三)");
    assertThat(list(review.path("eligibility")))
        .allSatisfy(e -> assertThat(e.path("eligible").asBoolean()).isFalse());
    // A successor who broke a rule after the handover cannot say the risk was the predecessor's
    // (visible before it);
    // that they detected the later risk and acted in time mitigates, and is shown, but does not
    // make them eligible.
    assertThat(groundsOf(review, "manager2"))
        .filteredOn(g -> g.path("code").asText().equals(ExemptionGround.HANDOVER))
        .extracting(g -> g.path("detail").asText())
        .containsExactly(ExemptionGrounds.DETECTED_AFTER);

    String reviewId = review.at("/review/reviewId").asText();
    rest.complete(
        key,
        "Task_AuditorReview",
        "auditor1",
        audit(
            List.of(
                verdict(predecessors.path("findingNo").asInt(), "confirm"),
                verdict(successors.path("findingNo").asInt(), "confirm"))));
    rest.complete(
        key, "Task_Deliberation", "board1", Map.of("deliberationMinutes", "委员会评议:认可稽核确认的情形与证据"));
    for (String manager : List.of("manager1", "manager2")) {
      rest.complete(key, "Task_ManagerStatement", manager, Map.of("statementChoice", "waive"));
    }
    jobs(key);

    // The board reads each manager's own finding, with the record it rests on, on that manager's
    // determination.
    String successorsTask = determinationOf(key, "board2", "manager2");
    String brief = rest.formVariables("board2", successorsTask).at("/managerBrief/value").asText();
    assertThat(brief)
        .contains("#" + roundTwoCreated)
        .doesNotContainPattern("#" + roundOneCreated + "(?!\\d)")
        .contains("不符合第二十八条免责条件");
    decide(successorsTask, "board2", "reducible", List.of("§27(三)"));
    jobs(key);

    JsonNode decided =
        rest.api("auditor1", HttpMethod.GET, "/api/accountability-reviews/" + reviewId, null);
    assertThat(list(decided.path("determinations")))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path("manager").asText()).isEqualTo("manager2");
              assertThat(d.path("tier").asText()).isEqualTo(Tier.REDUCIBLE.name());
            });
  }

  @Test
  void aPolicyChangeMetOnSiteAndWithMeasuresInTimeEndsExemptOnTheForceMajeureGround() {
    String key = issuedThroughTheDoors("manager1", "嘉兴政策甲公司");
    String today =
        LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), businessTime.zone()).toString();
    rest.api(
        "manager1",
        HttpMethod.POST,
        "/api/cases/" + key + "/major-events",
        """
        {"kind": "externalPolicyChange", "description": "行业限产政策出台,客户主要产品停产 Output caps stop the customer's main line",
         "occurredOn": "%s"}"""
            .formatted(today));
    jobs(key);
    int event = lastRecord(key, "EVENT_RECEIVED", null);
    rest.complete(
        key, "Task_MajorEventInvestigation", "manager1", majorEventInvestigation("substandard"));
    rest.complete(key, "Task_ReviewMajorEventReport", "head1", majorEventReview("substandard"));
    jobs(key);
    lossAfterAWarningSignal(key, "manager1");

    JsonNode review = openReview(key);
    assertThat(list(review.path("findings"))).isEmpty();
    assertThat(groundsOf(review, "manager1"))
        .anySatisfy(
            g -> {
              assertThat(g.path("code").asText()).isEqualTo(ExemptionGround.FORCE_MAJEURE);
              assertThat(g.path("detail").asText()).isEqualTo("externalPolicyChange");
              assertThat(g.path("accepted").asBoolean()).isTrue();
              assertThat(numbers(g.path("evidence"))).contains(event);
            });

    String reviewId = review.at("/review/reviewId").asText();
    rest.complete(key, "Task_AuditorReview", "auditor1", audit(List.of()));
    rest.complete(
        key, "Task_Deliberation", "board1", Map.of("deliberationMinutes", "委员会评议:政策变动所致,处置及时"));
    rest.complete(key, "Task_ManagerStatement", "manager1", Map.of("statementChoice", "waive"));
    jobs(key);

    String task = determinationOf(key, "board2", "manager1");
    String brief = rest.formVariables("board2", task).at("/managerBrief/value").asText();
    assertThat(brief).contains("#" + event).contains("externalPolicyChange").contains("应免责 Exempt");
    decide(task, "board2", "exempt", List.of());
    jobs(key);

    JsonNode decided =
        rest.api("auditor1", HttpMethod.GET, "/api/accountability-reviews/" + reviewId, null);
    assertThat(list(decided.path("determinations")))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path("tier").asText()).isEqualTo(Tier.EXEMPT.name());
              assertThat(d.path("eligibleForExemption").asBoolean()).isTrue();
            });
    assertThat(decided.at("/review/closedAt").isNull()).as(decided.toString()).isFalse();
  }

  @Test
  void
      inACollectiveDecisionTheMemberWhoVotedAgainstOnStatedGroundsIsClearedOfItAndTheApproversAnswerForIt() {
    // The first member to vote rejects, on stated grounds; the others approve.
    java.util.concurrent.atomic.AtomicReference<String> firstToVote =
        new java.util.concurrent.atomic.AtomicReference<>();
    String key =
        issued(
            "manager1",
            "嘉兴集体决策甲公司",
            investigation(false),
            voter -> {
              if (!firstToVote.compareAndSet(null, voter)) {
                return vote("approve");
              }
              Map<String, Object> ballot = new HashMap<>(vote("reject"));
              ballot.put(
                  "voteRationale",
                  "反担保物估值不足,现金流无法覆盖 The collateral is overvalued and cash flow does not cover");
              return ballot;
            });
    String dissenter = firstToVote.get();
    List<String> voters =
        list(rest.api("auditor1", HttpMethod.GET, "/api/cases/" + key + "/evidence", null)).stream()
            .filter(r -> r.path("recordType").asText().equals("VOTE_CAST"))
            .map(r -> r.path("performer").asText())
            .toList();
    assertThat(voters).hasSize(3).contains(dissenter);
    lossAfterAWarningSignal(key, "manager1");

    // The auditor holds the committee's members to the approval they took together, each on their
    // own vote.
    List<Map<String, Object>> added = new ArrayList<>();
    for (String voter : voters) {
      added.add(
          Map.of(
              "manager",
              voter,
              "clause",
              "§27(七)",
              "stage",
              ExemptionEligibility.APPROVAL_STAGE,
              "severity",
              "minor",
              "statement",
              "集体审批未识别反担保物估值不足 The committee approved without seeing the collateral was "
                  + "overvalued",
              "evidence",
              String.valueOf(lastRecordOf(key, "VOTE_CAST", voter))));
    }
    Map<String, Object> audit = audit(List.of());
    audit.put("addedFindings", added);
    rest.complete(key, "Task_AuditorReview", "auditor1", audit);
    rest.complete(
        key, "Task_Deliberation", "board1", Map.of("deliberationMinutes", "委员会评议:集体审批的责任逐一认定"));
    jobs(key);
    for (String person :
        rest.tasks("admin", key, "Task_ManagerStatement").stream()
            .map(t -> t.path("assignee").asText())
            .toList()) {
      rest.complete(key, "Task_ManagerStatement", person, Map.of("statementChoice", "waive"));
    }
    jobs(key);

    JsonNode review = openReview(key);
    for (String voter : voters) {
      JsonNode eligibility =
          list(review.path("eligibility")).stream()
              .filter(e -> e.path("manager").asText().equals(voter))
              .findFirst()
              .orElseThrow();
      assertThat(eligibility.path("eligible").asBoolean())
          .as(voter)
          .isEqualTo(voter.equals(dissenter));
    }
    int dissent = lastRecordOf(key, "VOTE_CAST", dissenter);
    assertThat(groundsOf(review, dissenter))
        .anySatisfy(
            g -> {
              assertThat(g.path("code").asText()).isEqualTo(ExemptionGround.DISSENT);
              assertThat(g.path("detail").asText()).isEqualTo("rejectVote");
              assertThat(numbers(g.path("evidence"))).containsExactly(dissent);
            });
    String task = determinationOf(key, "board2", dissenter);
    assertThat(rest.formVariables("board2", task).at("/managerBrief/value").asText())
        .contains("反对票免责")
        .contains("#" + dissent)
        .contains("符合第二十八条免责条件");
    decide(task, "board2", "exempt", List.of());
    String approvers =
        determinationOf(
            key,
            "board2",
            voters.stream().filter(v -> !v.equals(dissenter)).findFirst().orElseThrow());
    assertThat(rest.formVariables("board2", approvers).at("/managerBrief/value").asText())
        .contains("不符合第二十八条免责条件")
        .contains("§27(七)");
  }

  @Test
  void
      aDocumentAcceptedToBeSuppliedAndNeverSuppliedIsA27_2FindingCitingItAndOneSuppliedInTimeIsNone() {
    String neverSupplied = issuedWithFinancialStatementsToBeSupplied("嘉兴后补甲公司");
    String supplied = issuedWithFinancialStatementsToBeSupplied("嘉兴后补乙公司");
    // Within the ten days, the customer brings the statements: a §19 amendment of the investigation
    // records them.
    int investigation = lastRecord(supplied, "TASK_COMPLETED", "Task_CustomerInvestigation");
    rest.api(
        "manager1",
        HttpMethod.POST,
        "/api/cases/" + supplied + "/evidence/" + investigation + "/amendments",
        """
        {"reason": "客户补交近三年审计报告,已实地核对原件 Statements supplied; originals checked on site",
         "changes": {"doc04Status": "verified", "doc04Method": "onSite"}}""");

    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(50, ChronoUnit.DAYS)));
    for (String key : List.of(neverSupplied, supplied)) {
      jobs(key);
      lossAfterAWarningSignal(key, "manager1");
    }

    JsonNode missing = openReview(neverSupplied);
    assertThat(list(missing.path("findings")))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path("dutyCode").asText()).isEqualTo("DOCUMENT_SUPPLIED");
              assertThat(f.path("clause").asText()).isEqualTo("§27(二)");
              assertThat(f.path("manager").asText()).isEqualTo("manager1");
              assertThat(f.path("explanation").asText()).contains("Audited financial statements");
            });
    assertThat(list(missing.path("eligibility")))
        .singleElement()
        .satisfies(e -> assertThat(e.path("eligible").asBoolean()).isFalse());

    JsonNode intime = openReview(supplied);
    assertThat(list(intime.path("findings"))).isEmpty();
    assertThat(groundsOf(intime, "manager1"))
        .anySatisfy(
            g ->
                assertThat(g.path("code").asText())
                    .isEqualTo(ExemptionGround.NO_CONCLUSIVE_EVIDENCE));
  }

  /** Intake to issue through /engine-rest, the financial statements (doc04) accepted to be supplied within 10 days. */
  private String issuedWithFinancialStatementsToBeSupplied(String applicant) {
    Map<String, Object> investigation = investigation(false);
    investigation.put("doc04Status", "toBeSupplied");
    investigation.remove("doc04Method");
    investigation.put("doc04Note", "客户年度审计尚未完成,审计报告后补 The annual audit is not finished yet");
    investigation.put("documentsDueBy", businessTime.today().plusDays(10).toString());
    return issued("manager1", applicant, investigation, voter -> vote("approve"));
  }

  /** Intake to issue, every step by its user through /engine-rest. */
  private String issuedThroughTheDoors(String manager, String applicant) {
    return issued(manager, applicant, investigation(false), voter -> vote("approve"));
  }

  /** Intake to issue through /engine-rest, with that investigation and each committee member's ballot. */
  private String issued(
      String manager,
      String applicant,
      Map<String, Object> investigation,
      java.util.function.Function<String, Map<String, Object>> ballotOf) {
    String key = rest.apply(manager, intake(applicant, "workingCapitalLoan", 1_000_000, 12));
    jobs(key);
    rest.complete(key, "Task_CustomerInvestigation", manager, investigation);
    rest.complete(key, "Task_AnalysisEvaluation", manager, evaluation("approve"));
    jobs(key);
    for (JsonNode voting : rest.tasks("admin", key, "Task_CommitteeVote")) {
      String voter = voting.path("assignee").asText();
      rest.complete(key, "Task_CommitteeVote", voter, ballotOf.apply(voter));
    }
    jobs(key);
    rest.complete(key, "Task_SignContracts", manager, contracts(false));
    rest.complete(key, "Task_IssueGuarantee", manager, issue(1_000_000));
    jobs(key);
    return key;
  }

  /** A warning signal the manager reports, preservation measures the same day, problem handling, compensation. */
  private void lossAfterAWarningSignal(String key, String manager) {
    // The door checks "not in the future" against the wall clock, which this test does not move.
    String today = businessTime.today().toString();
    rest.api(
        manager,
        HttpMethod.POST,
        "/api/cases/" + key + "/warning-signals",
        """
        {"category": "financialCondition", "item": "fc01", "description": "连续两期利息逾期 Two interest payments missed",
         "occurredOn": "%s"}"""
            .formatted(today));
    jobs(key);
    rest.complete(key, "Task_PreservationMeasures", manager, preservationMeasures(true));
    jobs(key);
    rest.complete(key, "Task_ProblemHandling", manager, problemHandling("compensated"));
    rest.complete(key, "Task_RecordCompensation", manager, compensation(1_000_000, 400_000));
    jobs(key);
  }

  private JsonNode openReview(String key) {
    List<JsonNode> reviews =
        list(
            rest.api(
                "auditor1", HttpMethod.GET, "/api/cases/" + key + "/accountability-reviews", null));
    assertThat(reviews).as("the compensation opened a review").hasSize(1);
    return reviews.get(0);
  }

  /** The board member's determination task for that manager (one per manager under review). */
  private String determinationOf(String key, String member, String manager) {
    for (JsonNode task : rest.tasks(member, key, "Task_BoardDetermination")) {
      String id = task.path("id").asText();
      if (engine.getTaskService().getVariable(id, "manager").equals(manager)) {
        return id;
      }
    }
    throw new AssertionError("No determination of " + manager + " for " + member);
  }

  private void decide(String taskId, String member, String tier, List<String> clauses) {
    rest.claim(member, taskId);
    Map<String, Object> values = new HashMap<>();
    values.put("tier", tier);
    values.put("determinationClauses", clauses);
    values.put("determinationRationale", "依据已确认的情形与证据记录作出认定");
    rest.submit(member, taskId, values);
  }

  private static Map<String, Object> audit(List<Map<String, Object>> verdicts) {
    Map<String, Object> values = new HashMap<>();
    values.put("findingDecisions", verdicts);
    values.put("addedFindings", List.of());
    values.put("auditSummary", "逐条核对证据链与尽职事实,意见如上");
    return values;
  }

  private static Map<String, Object> verdict(int findingNo, String decision) {
    return Map.of("findingNo", findingNo, "decision", decision, "reason", "证据记录显示该义务未按期履行");
  }

  /** Time passes to a day after the open monitoring report's due date; the engine's job executor fires the timer. */
  private void letTheOpenReportFallOverdue(String key) {
    String caseId =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(key)
            .processDefinitionKey(EngineRestSteps.PROCESS_KEY)
            .singleResult()
            .getId();
    Job overdue =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(caseId)
            .timers()
            .list()
            .stream()
            .min(java.util.Comparator.comparing(Job::getDuedate))
            .orElseThrow();
    ClockUtil.setCurrentTime(Date.from(overdue.getDuedate().toInstant().plus(1, ChronoUnit.DAYS)));
    jobs(key);
  }

  /** What the job executor does between requests: every job of the case that is due now. */
  private void jobs(String key) {
    var management = engine.getManagementService();
    for (int round = 0; round < 20; round++) {
      List<Job> due = new ArrayList<>();
      engine
          .getRuntimeService()
          .createProcessInstanceQuery()
          .processInstanceBusinessKey(key)
          .list()
          .forEach(
              instance ->
                  due.addAll(
                      management
                          .createJobQuery()
                          .processInstanceId(instance.getId())
                          .executable()
                          .list()));
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private int lastRecord(String key, String recordType, String elementId) {
    return lastOf(
        key, recordType, r -> elementId == null || elementId.equals(r.path("elementId").asText()));
  }

  private int lastRecordOf(String key, String recordType, String performer) {
    return lastOf(key, recordType, r -> performer.equals(r.path("performer").asText()));
  }

  private int lastOf(String key, String recordType, java.util.function.Predicate<JsonNode> which) {
    return list(rest.api("auditor1", HttpMethod.GET, "/api/cases/" + key + "/evidence", null))
        .stream()
        .filter(r -> r.path("recordType").asText().equals(recordType))
        .filter(which)
        .mapToInt(r -> r.path("id").asInt())
        .max()
        .orElseThrow();
  }

  private static JsonNode findingOf(List<JsonNode> findings, String manager) {
    return findings.stream()
        .filter(f -> f.path("manager").asText().equals(manager))
        .findFirst()
        .orElseThrow();
  }

  private static List<JsonNode> groundsOf(JsonNode review, String manager) {
    return list(review.path("eligibility")).stream()
        .filter(e -> e.path("manager").asText().equals(manager))
        .findFirst()
        .map(e -> list(e.path("grounds")))
        .orElseThrow();
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private static List<Integer> numbers(JsonNode array) {
    return list(array).stream().map(JsonNode::asInt).toList();
  }
}
