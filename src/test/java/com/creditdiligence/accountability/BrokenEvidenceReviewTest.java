package com.creditdiligence.accountability;

import static com.creditdiligence.accountability.ReviewSteps.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.audit.DossierDownload;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.evidence.DatabaseAdministrator;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Broken evidence is a fact of the review: a record changed in the database behind the application's back
 * is named by the review, the auditor's and the board's forms and the dossier as the first broken record; the
 * duty facts and findings resting on it or later records are unreliable; and the record alone no longer makes
 * the manager eligible for exemption — the board still decides.
 */
@ApplicationTest
class BrokenEvidenceReviewTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired ReviewStore store;
  @Autowired Reviews reviews;
  @Autowired EvidenceLedger ledger;
  @Autowired JdbcClient jdbc;
  @Autowired Http http;

  PostGuaranteeSteps postGuarantee;
  ReviewSteps steps;
  LifecycleDriver driver;

  @BeforeEach
  void setUp() {
    postGuarantee = new PostGuaranteeSteps(engine, events);
    steps = new ReviewSteps(engine, store);
    driver = new LifecycleDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aRecordChangedBeforeTheReviewOpensIsNamedByTheReviewAndTheManagerIsNotEligibleOnTheRecord()
      throws Exception {
    String key = driver.issuedGuarantee("manager1", "常州断链甲公司", 1_000_000).getBusinessKey();
    int tampered = backdateAnalysis(key);
    postGuarantee.payCompensation(key, "manager1", 0);
    AccountabilityReview review = steps.openReview(key);

    assertThat(review.evidenceAtOpening().intact()).isFalse();
    assertThat(review.evidenceAtOpening().firstBrokenRecord()).isEqualTo(tampered);
    assertThat(review.evidenceAtOpening().reason()).contains("was changed after it was written");
    ExemptionEligibility.Eligibility eligibility =
        reviews.eligibility(review.reviewId(), "manager1");
    assertThat(eligibility.eligible()).isFalse();
    assertThat(eligibility.reasons())
        .anySatisfy(
            r ->
                assertThat(r)
                    .contains("cannot on its own support an exemption")
                    .contains("#" + tampered));
    assertThat(
            String.valueOf(
                engine.getRuntimeService().getVariable(review.reviewId(), "evidenceIntegrity")))
        .contains("does not verify from record #" + tampered);

    JsonNode view = reviewView(review.reviewId());
    assertThat(view.at("/evidenceIntegrity/intact").asBoolean()).isFalse();
    assertThat(view.at("/evidenceIntegrity/firstBrokenRecord").asInt()).isEqualTo(tampered);
    assertThat(view.at("/review/evidenceAtOpening/firstBrokenRecord").asInt()).isEqualTo(tampered);
    assertThat(view.path("evidenceStatement").asText())
        .contains("does not verify from record #" + tampered);
    assertThat(eligibilityOf(view, "manager1").path("eligible").asBoolean()).isFalse();

    steps.audit(key, "auditor1", List.of(), List.of());
    steps.deliberate(key, "board1");
    Task statement = task(key, "Task_ManagerStatement");
    assertThat(engine.getTaskService().getVariable(statement.getId(), "eligibleForExemption"))
        .isEqualTo(false);
    // The statement form names the manager under review «姓名 (id)», from the review's record.
    assertThat(engine.getTaskService().getVariable(statement.getId(), "managerShown"))
        .isEqualTo("王经理一 (manager1)");
    assertThat(engine.getTaskService().getVariable(statement.getId(), "suggestedTier")).isNull();
    assertThat(
            String.valueOf(engine.getTaskService().getVariable(statement.getId(), "managerBrief")))
        .contains("不符合第二十八条免责条件")
        .contains("Suggested tier: 无 none")
        .contains("#" + tampered);
    steps.waiveStatement(key, "manager1");
    Task determination = task(key, "Task_BoardDetermination");
    assertThat(
            String.valueOf(
                engine.getTaskService().getVariable(determination.getId(), "evidenceIntegrity")))
        .contains("does not verify from record #" + tampered);

    // The decision stays the board's; what it decided from is on the record.
    steps.decide(
        key,
        "Task_BoardDetermination",
        "board2",
        "tier",
        "exempt",
        "determinationClauses",
        List.of(),
        "determinationRationale");
    assertThat(store.determinations(review.reviewId()))
        .singleElement()
        .satisfies(d -> assertThat(d.eligibleForExemption()).isFalse());

    JsonNode dossier = http.get("/api/cases/" + key + "/dossier.json").as("auditor1").send().json();
    assertThat(dossier.at("/verification/brokenAt").asInt()).isEqualTo(tampered);
    assertThat(dossier.at("/reviews/0/evidenceIntegrity/firstBrokenRecord").asInt())
        .isEqualTo(tampered);
    List<JsonNode> reliable = new ArrayList<>();
    List<JsonNode> unreliable = new ArrayList<>();
    dossier
        .path("dutyFacts")
        .forEach(f -> (f.path("evidenceUnreliable").asBoolean() ? unreliable : reliable).add(f));
    assertThat(unreliable)
        .isNotEmpty()
        .allSatisfy(
            f ->
                assertThat(numbers(f.path("evidence")))
                    .satisfiesAnyOf(
                        n -> assertThat(n).isEmpty(),
                        n -> assertThat(n).anyMatch(s -> s >= tampered)));
    assertThat(reliable)
        .isNotEmpty()
        .allSatisfy(
            f -> assertThat(numbers(f.path("evidence"))).isNotEmpty().allMatch(s -> s < tampered));
    assertThat(pdfText(key))
        .contains("does not verify from record #" + tampered)
        .contains("Evidence from record #" + tampered + " on is unreliable");
  }

  @Test
  void theSameCaseUntamperedVerifiesAndItsDiligentManagerIsEligible() throws Exception {
    String key = postGuarantee.compensatedCase("manager1", "常州断链乙公司", 0);
    AccountabilityReview review = steps.openReview(key);

    assertThat(review.evidenceAtOpening().intact()).isTrue();
    assertThat(review.evidenceAtOpening().firstBrokenRecord()).isNull();
    JsonNode view = reviewView(review.reviewId());
    assertThat(view.at("/evidenceIntegrity/intact").asBoolean()).isTrue();
    assertThat(view.path("evidenceStatement").asText()).contains("The evidence chain verifies");
    assertThat(eligibilityOf(view, "manager1").path("eligible").asBoolean()).isTrue();

    steps.audit(key, "auditor1", List.of(), List.of());
    steps.deliberate(key, "board1");
    Task statement = task(key, "Task_ManagerStatement");
    assertThat(engine.getTaskService().getVariable(statement.getId(), "eligibleForExemption"))
        .isEqualTo(true);
    assertThat(engine.getTaskService().getVariable(statement.getId(), "suggestedTier"))
        .isEqualTo("exempt");
    assertThat(
            String.valueOf(
                engine.getTaskService().getVariable(statement.getId(), "evidenceIntegrity")))
        .contains("The evidence chain verifies")
        // When it verified, as every time is shown: in Beijing time, labelled, not an instant in
        // UTC.
        .contains("北京时间")
        .doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

    JsonNode dossier = http.get("/api/cases/" + key + "/dossier.json").as("auditor1").send().json();
    assertThat(dossier.at("/reviews/0/evidenceIntegrity/intact").asBoolean()).isTrue();
    assertThat(dossier.path("dutyFacts").findValues("evidenceUnreliable"))
        .isNotEmpty()
        .allSatisfy(flag -> assertThat(flag.asBoolean()).isFalse());
    assertThat(pdfText(key))
        .contains("The evidence chain verifies")
        .doesNotContain("[证据不可靠")
        .doesNotContain("does not verify");
  }

  @Test
  void aFindingRestingOnTheBrokenRecordOrLaterIsMarkedUnreliable() throws Exception {
    String key = driver.issuedGuarantee("manager1", "常州断链丙公司", 1_000_000).getBusinessKey();
    int tampered = backdateAnalysis(key);
    postGuarantee.payCompensation(key, "manager1", 5);
    AccountabilityReview review = steps.openReview(key);

    JsonNode view = reviewView(review.reviewId());
    JsonNode finding = view.at("/findings/0");
    assertThat(finding.path("clause").asText()).isEqualTo("§27(五)");
    assertThat(numbers(finding.path("evidence"))).anyMatch(n -> n >= tampered);
    assertThat(finding.path("evidenceUnreliable").asBoolean()).isTrue();
    assertThat(
            engine
                .getRuntimeService()
                .getVariable(review.reviewId(), "findingDecisions")
                .toString())
        .contains("证据不可靠 unreliable: rests on record #" + tampered);

    steps.audit(key, "auditor1", List.of(verdict(1, "confirm")), List.of());
    assertThat(reviews.eligibility(review.reviewId(), "manager1").reasons())
        .anySatisfy(r -> assertThat(r).contains("Unreliable: finding F1"));
  }

  @Test
  void aRecordChangedAfterTheReviewOpenedCountsAtTheDetermination() {
    String key = postGuarantee.compensatedCase("manager1", "常州断链丁公司", 0);
    AccountabilityReview review = steps.openReview(key);
    assertThat(review.evidenceAtOpening().intact()).isTrue();
    steps.audit(key, "auditor1", List.of(), List.of());

    int tampered = backdateAnalysis(key);
    steps.deliberate(key, "board1");

    Task statement = task(key, "Task_ManagerStatement");
    assertThat(engine.getTaskService().getVariable(statement.getId(), "eligibleForExemption"))
        .isEqualTo(false);
    assertThat(
            String.valueOf(
                engine.getTaskService().getVariable(statement.getId(), "evidenceIntegrity")))
        .contains("does not verify from record #" + tampered);
    assertThat(store.review(review.reviewId()).orElseThrow().evidenceAtOpening().intact())
        .as("what the review saw when it opened stays as it was")
        .isTrue();
  }

  // --- helpers
  // -------------------------------------------------------------------------------------

  /** A database administrator backdates the analysis report by an hour; returns its sequence number. */
  private int backdateAnalysis(String key) {
    int target =
        ledger.records(key).stream()
            .filter(
                r ->
                    r.recordType().equals("TASK_COMPLETED")
                        && "Task_AnalysisEvaluation".equals(r.elementId()))
            .map(EvidenceRecord::sequenceNo)
            .findFirst()
            .orElseThrow();
    DatabaseAdministrator.tamperWithoutTriggers(
        jdbc,
        () ->
            jdbc.sql(
                    "UPDATE evidence_record SET recorded_at = recorded_at - INTERVAL '1' HOUR WHERE business_key = ? AND sequence_no = ?")
                .params(key, target)
                .update());
    assertThat(ledger.verify(key).brokenAt()).isEqualTo(target);
    return target;
  }

  private JsonNode reviewView(String reviewId) {
    return http.get("/api/accountability-reviews/" + reviewId).as("auditor1").send().json();
  }

  private static JsonNode eligibilityOf(JsonNode view, String manager) {
    for (JsonNode e : view.path("eligibility")) {
      if (e.path("manager").asText().equals(manager)) {
        return e;
      }
    }
    throw new AssertionError("no eligibility for " + manager + " in " + view);
  }

  private Task task(String key, String taskKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(key)
        .taskDefinitionKey(taskKey)
        .singleResult();
  }

  private String pdfText(String key) {
    // Wrapped lines join again as the sentence they were.
    return DossierDownload.pdfText(http, "auditor1", key).replaceAll("\\s+", " ");
  }

  private static List<Integer> numbers(JsonNode array) {
    List<Integer> numbers = new ArrayList<>();
    array.forEach(n -> numbers.add(n.asInt()));
    return numbers;
  }
}
