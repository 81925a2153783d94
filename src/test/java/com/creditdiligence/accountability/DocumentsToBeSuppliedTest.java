package com.creditdiligence.accountability;

import static com.creditdiligence.accountability.ReviewSteps.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.demo.DemoSubmissions;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.evidence.Amendments;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import com.creditdiligence.submission.BusinessTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 后补: a document the customer cannot provide yet, accepted «to be supplied» with a reason and a due date, is a
 * deadline duty — supplied and verified by then through a §19 amendment of the investigation, or §27(二) citing
 * the document, which then stands against the manager's exemption.
 */
@ApplicationTest
class DocumentsToBeSuppliedTest {

  @Autowired BusinessTime businessTime;

  private static final String REASON =
      "2025年度审计报告尚未出具,客户承诺下月补交 The 2025 audit report is not out yet";

  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired ReviewStore store;
  @Autowired Reviews reviews;
  @Autowired EvidenceLedger ledger;
  @Autowired Amendments amendments;
  @Autowired CaseDutyFacts dutyFacts;

  LifecycleDriver driver;
  PostGuaranteeSteps postGuarantee;
  ReviewSteps steps;

  @BeforeEach
  void setUp() {
    driver = new LifecycleDriver(engine);
    postGuarantee = new PostGuaranteeSteps(engine, events);
    steps = new ReviewSteps(engine, store);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aDocumentToBeSuppliedIsPendingUntilItsDueDate() {
    String key = issuedWithFinancialStatementsToBeSupplied("manager1", "无锡后补甲公司", 10);

    assertThat(supplyDuty(key, now()))
        .satisfies(
            fact -> {
              assertThat(fact.status()).isEqualTo(Status.PENDING);
              assertThat(fact.trigger()).isEqualTo("§27(二)");
              assertThat(fact.responsible()).isEqualTo("manager1");
              assertThat(fact.dueAt()).isEqualTo(endOf(today().plusDays(10)));
            });
  }

  @Test
  void withoutADueDateTheDocumentIsDueTheConfiguredThirtyDaysAfterTheInvestigation() {
    String key = issuedWithFinancialStatementsToBeSupplied("manager1", "无锡后补乙公司", null);
    Instant investigatedAt = investigation(key).recordedAt();

    assertThat(supplyDuty(key, now()).dueAt()).isEqualTo(investigatedAt.plus(30, ChronoUnit.DAYS));
  }

  @Test
  void aDocumentSuppliedAndVerifiedBeforeItsDueDateIsSatisfiedAndTheManagerStaysEligible() {
    String key = issuedWithFinancialStatementsToBeSupplied("manager1", "无锡后补丙公司", 10);
    moveClock(5);
    supply(key, "manager1");

    DutyFact fact = supplyDuty(key, now());
    assertThat(fact.status()).isEqualTo(Status.SATISFIED);
    assertThat(fact.evidence()).hasSize(2);

    moveClock(10);
    postGuarantee.payCompensation(key, "manager1", 0);
    AccountabilityReview review = steps.openReview(key);
    assertThat(store.findings(review.reviewId())).isEmpty();
    steps.audit(key, "auditor1", List.of(), List.of());
    assertThat(reviews.eligibility(review.reviewId(), "manager1").eligible()).isTrue();
  }

  @Test
  void aDocumentSuppliedAfterItsDueDateIsViolated() {
    String key = issuedWithFinancialStatementsToBeSupplied("manager1", "无锡后补丁公司", 10);
    moveClock(12);
    supply(key, "manager1");

    DutyFact fact = supplyDuty(key, now());
    assertThat(fact.status()).isEqualTo(Status.VIOLATED);
    assertThat(fact.explanation()).contains("supplied late");
  }

  @Test
  void aDocumentNeverSuppliedIsA27_2FindingCitingItAndTheManagerIsNotEligibleForExemption() {
    String key = issuedWithFinancialStatementsToBeSupplied("manager1", "无锡后补戊公司", 10);
    moveClock(11);

    assertThat(supplyDuty(key, now()).status()).isEqualTo(Status.VIOLATED);

    postGuarantee.payCompensation(key, "manager1", 0);
    AccountabilityReview review = steps.openReview(key);
    List<ReviewFinding> findings = store.findings(review.reviewId());
    assertThat(findings)
        .filteredOn(f -> f.dutyCode().equals("DOCUMENT_SUPPLIED"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.clause()).isEqualTo("§27(二)");
              assertThat(f.manager()).isEqualTo("manager1");
              assertThat(f.explanation())
                  .contains("doc04")
                  .contains("Audited financial statements")
                  .contains("never supplied");
              assertThat(f.evidence()).containsExactly(investigation(key).sequenceNo());
            });

    ReviewFinding finding =
        findings.stream()
            .filter(f -> f.dutyCode().equals("DOCUMENT_SUPPLIED"))
            .findFirst()
            .orElseThrow();
    steps.audit(key, "auditor1", List.of(verdict(finding.findingNo(), "confirm")), List.of());
    ExemptionEligibility.Eligibility eligibility =
        reviews.eligibility(review.reviewId(), "manager1");
    assertThat(eligibility.eligible()).isFalse();
    assertThat(eligibility.clauses()).contains("§27(二)");
    assertThat(eligibility.reasons()).anyMatch(reason -> reason.contains("DOCUMENT_SUPPLIED"));
  }

  /** An issued guarantee whose investigation accepted the financial statements (doc04) to be supplied. */
  private String issuedWithFinancialStatementsToBeSupplied(
      String manager, String applicant, Integer dueInDays) {
    Map<String, Object> investigation = DemoSubmissions.investigation(false);
    investigation.put("doc04Status", "toBeSupplied");
    investigation.remove("doc04Method");
    investigation.put("doc04Note", REASON);
    if (dueInDays != null) {
      investigation.put("documentsDueBy", today().plusDays(dueInDays).toString());
    }
    String id =
        driver
            .apply(manager, DemoSubmissions.intake(applicant, "workingCapitalLoan", 1_000_000, 12))
            .getId();
    driver.complete(id, "Task_CustomerInvestigation", manager, investigation);
    driver.complete(id, "Task_AnalysisEvaluation", manager, DemoSubmissions.evaluation("approve"));
    driver.runJobs(id);
    driver
        .voters(id)
        .forEach(
            member ->
                driver.complete(id, "Task_CommitteeVote", member, DemoSubmissions.vote("approve")));
    driver.complete(id, "Task_SignContracts", manager, DemoSubmissions.contracts(false));
    driver.complete(id, "Task_IssueGuarantee", manager, DemoSubmissions.issue(1_000_000));
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(id)
        .singleResult()
        .getBusinessKey();
  }

  /** The supply door: a §19 amendment of the investigation recording the document verified, and how. */
  private void supply(String key, String manager) {
    amendments.amend(
        key,
        investigation(key).sequenceNo(),
        "客户补交2025年度审计报告,已实地核对原件 Supplied; original checked on site",
        Map.of("doc04Status", "verified", "doc04Method", "onSite"),
        manager,
        now());
  }

  private DutyFact supplyDuty(String key, Instant at) {
    List<DutyFact> facts =
        dutyFacts.of(key, ledger.records(key), at).stream()
            .filter(f -> f.code().equals("DOCUMENT_SUPPLIED"))
            .toList();
    assertThat(facts).hasSize(1);
    return facts.get(0);
  }

  private EvidenceRecord investigation(String key) {
    return ledger.records(key).stream()
        .filter(
            r ->
                r.recordType().equals("TASK_COMPLETED")
                    && "CUSTOMER_INVESTIGATION".equals(r.dutyCode()))
        .findFirst()
        .orElseThrow();
  }

  private static void moveClock(int days) {
    ClockUtil.setCurrentTime(Date.from(now().plus(days, ChronoUnit.DAYS)));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(now(), businessTime.zone());
  }

  private Instant endOf(LocalDate date) {
    return date.plusDays(1).atStartOfDay(businessTime.zone()).toInstant();
  }
}
