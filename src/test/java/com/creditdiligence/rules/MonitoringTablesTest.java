package com.creditdiligence.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The monitoring frequency and the on-site check frequency by risk class (§22, §23), and the 2023 classification floor by days overdue. */
class MonitoringTablesTest {

  private static DmnEngine engine;
  private static DmnDecision frequency;
  private static DmnDecision floor;
  private static DmnDecision onSite;

  @BeforeAll
  static void parseTables() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = Files.newInputStream(Path.of("bpmn/rules/monitoring-frequency.dmn"))) {
      frequency = engine.parseDecision("Decision_MonitoringFrequency", dmn);
    }
    try (InputStream dmn = Files.newInputStream(Path.of("bpmn/rules/classification-floor.dmn"))) {
      floor = engine.parseDecision("Decision_ClassificationFloor", dmn);
    }
    try (InputStream dmn = Files.newInputStream(Path.of("bpmn/rules/onsite-check-frequency.dmn"))) {
      onSite = engine.parseDecision("Decision_OnSiteCheckFrequency", dmn);
    }
  }

  @ParameterizedTest(name = "{0}: every {1} days")
  @CsvSource({"normal, 90", "specialMention, 30", "substandard, 14", "doubtful, 14", "loss, 14"})
  void normalIsQuarterlySpecialMentionMonthlyAndWorseEveryTwoWeeks(String riskClass, int days) {
    assertThat(intervalFor(riskClass)).isEqualTo(days);
  }

  @Test
  void aCaseWithoutAClassYetIsMonitoredAsNormal() {
    assertThat(intervalFor(null)).isEqualTo(90);
  }

  @ParameterizedTest(name = "{0} days overdue: at least {1}")
  @CsvSource({
    "0, normal",
    "7, normal",
    "8, specialMention",
    "90, specialMention",
    "91, substandard",
    "270, substandard",
    "271, doubtful",
    "360, doubtful",
    "361, loss",
    "2000, loss"
  })
  void theFloorFollowsTheDaysOverdueWithASevenDayGrace(int daysOverdue, String floorClass) {
    Map<String, Object> result =
        engine
            .evaluateDecisionTable(floor, Map.of("daysOverdue", daysOverdue))
            .getSingleResult()
            .getEntryMap();
    assertThat(result.get("floorClass")).isEqualTo(floorClass);
  }

  @ParameterizedTest(name = "{0}: on site at least every {1} days")
  @CsvSource({"normal, 180", "specialMention, 90", "substandard, 30", "doubtful, 30", "loss, 30"})
  void normalIsCheckedOnSiteHalfYearlySpecialMentionQuarterlyAndWorseMonthly(
      String riskClass, int days) {
    assertThat(maxDaysBetweenOnSiteChecks(riskClass)).isEqualTo(days);
  }

  @Test
  void aCaseWithoutAClassYetIsCheckedOnSiteAsNormal() {
    assertThat(maxDaysBetweenOnSiteChecks(null)).isEqualTo(180);
  }

  private static int maxDaysBetweenOnSiteChecks(String riskClass) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("riskClass", riskClass);
    return ((Number) engine.evaluateDecisionTable(onSite, variables).getSingleEntry()).intValue();
  }

  private static int intervalFor(String riskClass) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("riskClass", riskClass);
    return ((Number) engine.evaluateDecisionTable(frequency, variables).getSingleEntry())
        .intValue();
  }
}
