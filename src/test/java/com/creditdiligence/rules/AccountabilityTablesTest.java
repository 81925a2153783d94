package com.creditdiligence.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The §27 mapping of violated duties and the three tiers of the 2024 exemption rules. */
class AccountabilityTablesTest {

  private static DmnEngine engine;
  private static DmnDecision section27;
  private static DmnDecision tier;

  @BeforeAll
  static void parseTables() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = Files.newInputStream(Path.of("bpmn/rules/section27-finding.dmn"))) {
      section27 = engine.parseDecision("Decision_Section27Finding", dmn);
    }
    try (InputStream dmn = Files.newInputStream(Path.of("bpmn/rules/exemption-tier.dmn"))) {
      tier = engine.parseDecision("Decision_ExemptionTier", dmn);
    }
  }

  @ParameterizedTest(name = "{0}, {1} days late: {2} {3}")
  @CsvSource({
    "CHECKLIST_VERIFIED, 0, §27(二), major",
    "ONSITE_BEFORE_EVALUATION, 0, §27(二), major",
    "RELATED_PARTY_CHECK, 0, §27(二), minor",
    "ANALYSIS_REPORT_COMPLETE, 0, §27(一), major",
    "CLASS_CHANGE_REPORTED, 0, §27(三), minor",
    "NEW_ANALYSIS_AFTER_MAJOR_EVENT, 0, §27(七), major",
    "DOCUMENT_SUPPLIED, 30, §27(二), minor",
    "DOCUMENT_SUPPLIED, 31, §27(二), major",
    "MONITORING_REPORT_ON_TIME, 30, §27(三), minor",
    "MONITORING_REPORT_ON_TIME, 31, §27(三), major",
    "ONSITE_AFTER_MAJOR_EVENT, 5, §27(四), minor",
    "ONSITE_AFTER_MAJOR_EVENT, 6, §27(四), major",
    "PRESERVATION_AFTER_WARNING_SIGNAL, 3, §27(五), minor",
    "PRESERVATION_AFTER_WARNING_SIGNAL, 4, §27(五), major",
    "INVESTIGATION_RESULTS_REPORTED, 5, §27(一), minor",
    "INVESTIGATION_RESULTS_REPORTED, 6, §27(一), major",
    "EMERGENCY_REPORTED_TO_LEADER, 5, §27(四), minor",
    "EMERGENCY_REPORTED_TO_LEADER, 6, §27(四), major",
    "CUSTOMER_CHANGE_REVERIFIED, 0, §27(二), major",
    "ADJUSTMENT_GROUNDED, 0, §27(七), minor",
    "ADJUSTMENT_APPROVED, 0, §27(七), major",
    "ONSITE_CHECK_FREQUENCY, 30, §27(三), minor",
    "ONSITE_CHECK_FREQUENCY, 31, §27(三), major",
    "PROBLEM_MEASURES_TAKEN, 10, §27(五), minor",
    "PROBLEM_MEASURES_TAKEN, 11, §27(五), major",
    "PROBLEM_MEASURES_OF_SECTION25, 0, §27(五), major",
    "LIMIT_REUSE_APPROVED, 0, §27(七), major"
  })
  void eachViolatedDutyFallsUnderItsClauseOfSection27(
      String duty, int daysLate, String clause, String severity) {
    Map<String, Object> result =
        engine
            .evaluateDecisionTable(section27, Map.of("dutyCode", duty, "daysLate", daysLate))
            .getSingleResult()
            .getEntryMap();
    assertThat(result).containsEntry("clause", clause).containsEntry("severity", severity);
  }

  @ParameterizedTest(name = "{0} major, {1} minor: {2}")
  @CsvSource({
    "0, 0, exempt",
    "0, 1, reducible",
    "0, 5, reducible",
    "1, 0, notExempt",
    "2, 3, notExempt"
  })
  void noBreachIsExemptMinorFaultReducibleMajorFaultNot(int major, int minor, String expected) {
    assertThat(
            (String)
                engine
                    .evaluateDecisionTable(
                        tier, Map.of("majorFindings", major, "minorFindings", minor))
                    .getSingleEntry())
        .isEqualTo(expected);
  }
}
