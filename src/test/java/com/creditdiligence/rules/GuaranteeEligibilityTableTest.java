package com.creditdiligence.rules;

import static com.creditdiligence.rules.GuaranteeEligibilityTableTest.Reason.ABOVE_SINGLE_CUSTOMER_LIMIT;
import static com.creditdiligence.rules.GuaranteeEligibilityTableTest.Reason.ADVERSE_CREDIT;
import static com.creditdiligence.rules.GuaranteeEligibilityTableTest.Reason.LICENCE_INVALID;
import static com.creditdiligence.rules.GuaranteeEligibilityTableTest.Reason.NATURAL_PERSON;
import static com.creditdiligence.rules.GuaranteeEligibilityTableTest.Reason.NOT_AN_SME;
import static com.creditdiligence.rules.GuaranteeEligibilityTableTest.Reason.NO_COUNTER_GUARANTEE;
import static com.creditdiligence.rules.GuaranteeEligibilityTableTest.Reason.SHORT_TERM_PRODUCT_TOO_LONG;
import static com.creditdiligence.rules.GuaranteeEligibilityTableTest.Reason.TERM_TOO_LONG;
import static com.creditdiligence.rules.GuaranteeEligibilityTableTest.Reason.TOO_YOUNG;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The eligibility table (§2, §5, §6, §18), evaluated by the standalone DMN engine: every row that
 * matches is one reason the application is not accepted; no match means eligible.
 */
class GuaranteeEligibilityTableTest {

  private static final Path TABLE = Path.of("bpmn/rules/guarantee-eligibility.dmn");

  private static DmnEngine engine;
  private static DmnDecision decision;

  /** The rows of the table, recognised by the section they cite and their English wording. */
  enum Reason {
    NATURAL_PERSON("§2", "must not be a natural person"),
    LICENCE_INVALID("§6", "business licence is not valid"),
    ADVERSE_CREDIT("§6", "adverse credit record"),
    TOO_YOUNG("§6", "Less than one year in operation"),
    NOT_AN_SME("§5", "Not an SME"),
    ABOVE_SINGLE_CUSTOMER_LIMIT("§6", "Above the single-customer limit of 50 million yuan"),
    TERM_TOO_LONG("§6", "Term longer than 60 months"),
    SHORT_TERM_PRODUCT_TOO_LONG("§6", "Short-term products run at most 12 months"),
    NO_COUNTER_GUARANTEE("§18", "No counter-guarantee offered");

    private final String section;
    private final String wording;

    Reason(String section, String wording) {
      this.section = section;
      this.wording = wording;
    }

    boolean describes(String reason) {
      return reason.startsWith(section + " ") && reason.contains(wording);
    }
  }

  @BeforeAll
  static void parseTable() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = Files.newInputStream(TABLE)) {
      decision = engine.parseDecision("Decision_GuaranteeEligibility", dmn);
    }
  }

  @Test
  void aCleanApplicantIsEligible() {
    assertThat(reasonsFor(eligibleApplicant())).isEmpty();
  }

  @Test
  void aNaturalPersonIsNotEligible() {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("applicantType", "naturalPerson");

    assertThat(reasonsFor(applicant)).containsExactly(NATURAL_PERSON);
  }

  @Test
  void anOtherOrganisationIsEligible() {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("applicantType", "otherOrganisation");

    assertThat(reasonsFor(applicant)).isEmpty();
  }

  @Test
  void anInvalidBusinessLicenceIsNotEligible() {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("businessLicenceValid", false);

    assertThat(reasonsFor(applicant)).containsExactly(LICENCE_INVALID);
  }

  @Test
  void anAdverseCreditRecordIsNotEligible() {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("creditRecord", "adverse");

    assertThat(reasonsFor(applicant)).containsExactly(ADVERSE_CREDIT);
  }

  @Test
  void aResolvedOverdueCreditRecordIsEligible() {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("creditRecord", "resolvedOverdue");

    assertThat(reasonsFor(applicant)).isEmpty();
  }

  @Test
  void lessThanOneYearInOperationIsNotEligible() {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("yearsInOperation", 0);

    assertThat(reasonsFor(applicant)).containsExactly(TOO_YOUNG);
  }

  @Test
  void exactlyOneYearInOperationIsEligible() {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("yearsInOperation", 1);

    assertThat(reasonsFor(applicant)).isEmpty();
  }

  @Test
  void aCompanyWithAtLeast1000EmployeesAndAtLeast400MillionRevenueIsNotAnSme() {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("employeeCount", 1000);
    applicant.put("revenueLastYear", 400_000_000L);

    assertThat(reasonsFor(applicant)).containsExactly(NOT_AN_SME);
  }

  /** The table reads the revenue in yuan, as the intake asks it: the 40,000 of the 万元 a former form asked is 40,000 yuan. */
  @Test
  void theRevenueIsComparedInYuanNotInTenThousands() {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("employeeCount", 1000);
    applicant.put("revenueLastYear", 40_000L);

    assertThat(reasonsFor(applicant)).isEmpty();
  }

  @ParameterizedTest(name = "{0} employees, revenue {1} yuan")
  @CsvSource({"999,   400000000", "1000,  399999999.99", "50000, 0", "0,     90000000000"})
  void aCompanyLargeByOnlyOneMeasureIsStillAnSme(int employeeCount, double revenueLastYear) {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("employeeCount", employeeCount);
    applicant.put("revenueLastYear", revenueLastYear);

    assertThat(reasonsFor(applicant)).isEmpty();
  }

  @Test
  void exactly50MillionIsWithinTheSingleCustomerLimit() {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("amount", 50_000_000L);

    assertThat(reasonsFor(applicant)).isEmpty();
  }

  @Test
  void oneYuanAbove50MillionExceedsTheSingleCustomerLimit() {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("amount", 50_000_001L);

    assertThat(reasonsFor(applicant)).containsExactly(ABOVE_SINGLE_CUSTOMER_LIMIT);
  }

  @Test
  void projectFinancingMayRun60Months() {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("product", "projectFinancing");
    applicant.put("termMonths", 60);

    assertThat(reasonsFor(applicant)).isEmpty();
  }

  @Test
  void projectFinancingMayNotRun61Months() {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("product", "projectFinancing");
    applicant.put("termMonths", 61);

    assertThat(reasonsFor(applicant)).containsExactly(TERM_TOO_LONG);
  }

  @ParameterizedTest
  @ValueSource(strings = {"workingCapitalLoan", "letterOfCredit", "billAcceptance"})
  void aShortTermProductMayRun12Months(String product) {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("product", product);
    applicant.put("termMonths", 12);

    assertThat(reasonsFor(applicant)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"workingCapitalLoan", "letterOfCredit", "billAcceptance"})
  void aShortTermProductMayNotRun13Months(String product) {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("product", product);
    applicant.put("termMonths", 13);

    assertThat(reasonsFor(applicant)).containsExactly(SHORT_TERM_PRODUCT_TOO_LONG);
  }

  @ParameterizedTest
  @ValueSource(strings = {"projectFinancing", "equipmentFinancing", "mediumLongTermCredit"})
  void theTwelveMonthLimitDoesNotApplyToOtherProducts(String product) {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("product", product);
    applicant.put("termMonths", 36);

    assertThat(reasonsFor(applicant)).isEmpty();
  }

  @Test
  void withoutACounterGuaranteeTheApplicantIsNotEligible() {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("hasCounterGuarantee", false);

    assertThat(reasonsFor(applicant)).containsExactly(NO_COUNTER_GUARANTEE);
  }

  @Test
  void everyFailureIsReportedTogether() {
    Map<String, Object> applicant = eligibleApplicant();
    applicant.put("applicantType", "naturalPerson");
    applicant.put("creditRecord", "adverse");
    applicant.put("amount", 60_000_000L);
    applicant.put("termMonths", 72);
    applicant.put("hasCounterGuarantee", false);

    assertThat(reasonsFor(applicant))
        .containsExactlyInAnyOrder(
            NATURAL_PERSON,
            ADVERSE_CREDIT,
            ABOVE_SINGLE_CUSTOMER_LIMIT,
            TERM_TOO_LONG,
            SHORT_TERM_PRODUCT_TOO_LONG,
            NO_COUNTER_GUARANTEE);
  }

  /** A legal-person SME with a clean record, a 2-million 12-month working-capital loan and a counter-guarantee. */
  private static Map<String, Object> eligibleApplicant() {
    Map<String, Object> applicant = new HashMap<>();
    applicant.put("applicantType", "legalPerson");
    applicant.put("businessLicenceValid", true);
    applicant.put("creditRecord", "clean");
    applicant.put("yearsInOperation", 8);
    applicant.put("employeeCount", 240);
    applicant.put("revenueLastYear", 180_000_000L);
    applicant.put("amount", 2_000_000L);
    applicant.put("termMonths", 12);
    applicant.put("product", "workingCapitalLoan");
    applicant.put("hasCounterGuarantee", true);
    return applicant;
  }

  /** The table's reasons for the applicant, each recognised as exactly one of its rows. */
  private static List<Reason> reasonsFor(Map<String, Object> applicant) {
    List<String> reasons =
        engine
            .evaluateDecisionTable(decision, Variables.fromMap(applicant))
            .collectEntries("reason");
    return reasons.stream().map(GuaranteeEligibilityTableTest::recognise).toList();
  }

  private static Reason recognise(String reason) {
    List<Reason> matching =
        Arrays.stream(Reason.values()).filter(r -> r.describes(reason)).toList();
    assertThat(matching).as("rows described by the reason '%s'", reason).hasSize(1);
    return matching.get(0);
  }
}
