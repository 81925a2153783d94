package com.creditdiligence.monitoring;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The floor as the business keeps it: decision table Decision_ClassificationFloor, latest deployed version. */
@Component
class ClassificationFloorTable implements ClassificationFloor {

  /** Lazily: the rule that asks is part of the engine's set-up. */
  private final ObjectProvider<DecisionService> decisions;

  ClassificationFloorTable(ObjectProvider<DecisionService> decisions) {
    this.decisions = decisions;
  }

  @Override
  public RiskClass floorFor(int daysOverdue) {
    Map<String, Object> result =
        decisions
            .getObject()
            .evaluateDecisionTableByKey(
                "Decision_ClassificationFloor", Map.of("daysOverdue", daysOverdue))
            .getSingleResult()
            .getEntryMap();
    return RiskClass.fromCode((String) result.get("floorClass"))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Decision_ClassificationFloor answered an unknown class: " + result));
  }
}
