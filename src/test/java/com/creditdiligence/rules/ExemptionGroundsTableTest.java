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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which exemption grounds count, and the lightest tier each supports: the business's table. */
class ExemptionGroundsTableTest {

  private static DmnEngine engine;
  private static DmnDecision grounds;

  @BeforeAll
  static void parseTable() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = Files.newInputStream(Path.of("bpmn/rules/exemption-grounds.dmn"))) {
      grounds = engine.parseDecision("Decision_ExemptionGrounds", dmn);
    }
  }

  @ParameterizedTest(name = "{0} ({1}), {2} major: {3} {4}")
  @CsvSource({
    "noConclusiveEvidence, , 0, true, exempt",
    "forceMajeure, externalPolicyChange, 0, true, exempt",
    "forceMajeure, emergency, 0, true, exempt",
    "forceMajeure, emergency, 1, true, reducible",
    "forceMajeure, majorLitigation, 0, false, none",
    "handover, visibleBefore, 1, true, exempt",
    "handover, detectedAfter, 0, true, reducible",
    "dissent, reservedOpinion, 2, true, exempt",
    "dissent, rejectVote, 0, true, exempt",
    "writtenWarning, , 1, true, reducible",
    "somethingElse, , 0, false, none"
  })
  void eachGroundCountsAsTheTableSays(
      String ground, String detail, int major, boolean accepted, String effect) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("ground", ground);
    variables.put("detail", detail);
    variables.put("majorFindings", major);
    Map<String, Object> result =
        engine.evaluateDecisionTable(grounds, variables).getFirstResult().getEntryMap();
    assertThat(result).containsEntry("accepted", accepted).containsEntry("effect", effect);
  }
}
