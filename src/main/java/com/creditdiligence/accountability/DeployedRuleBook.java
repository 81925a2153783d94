package com.creditdiligence.accountability;

import com.creditdiligence.platform.EngineActions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Answers from the decision tables deployed in Camunda, which keeps every version: the version used is
 * the newest one deployed at or before the moment asked about (the first one for moments before it).
 */
@Component
class DeployedRuleBook implements RuleBook {

  private final RepositoryService repository;
  private final DecisionService decisions;
  private final EngineActions engine;

  /** A deployment's time never changes: read once, not once per finding. */
  private final Map<String, Date> deploymentTimes = new ConcurrentHashMap<>();

  DeployedRuleBook(RepositoryService repository, DecisionService decisions, EngineActions engine) {
    this.repository = repository;
    this.decisions = decisions;
    this.engine = engine;
  }

  @Override
  public Judgement section27(String dutyCode, int daysLate, Instant asOf) {
    // The rule book is the company's, not the reader's: whoever may see the case may see how it is
    // judged.
    return engine.asApplication(() -> judge27(dutyCode, daysLate, asOf));
  }

  private Judgement judge27(String dutyCode, int daysLate, Instant asOf) {
    DecisionDefinition inForce = inForceAt("Decision_Section27Finding", asOf);
    // A duty the table in force did not name yet (a duty fact added later, read of an older case)
    // is judged by the
    // first version after it that names it.
    List<DecisionDefinition> candidates = new java.util.ArrayList<>(List.of(inForce));
    candidates.addAll(
        repository
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey("Decision_Section27Finding")
            .orderByDecisionDefinitionVersion()
            .asc()
            .list()
            .stream()
            .filter(v -> v.getVersion() > inForce.getVersion())
            .toList());
    for (DecisionDefinition table : candidates) {
      var result =
          decisions
              .evaluateDecisionTableById(table.getId())
              .variables(Map.of("dutyCode", dutyCode, "daysLate", daysLate))
              .evaluate()
              .getFirstResult();
      if (result != null) {
        return new Judgement(
            (String) result.getEntryMap().get("clause"),
            (String) result.getEntryMap().get("severity"),
            versionOf(table));
      }
    }
    throw new IllegalStateException(
        "No §27 row for duty " + dutyCode + " in Decision_Section27Finding");
  }

  @Override
  public Judgement exemptionTier(int majorFindings, int minorFindings, Instant asOf) {
    return engine.asApplication(() -> tier(majorFindings, minorFindings, asOf));
  }

  private Judgement tier(int majorFindings, int minorFindings, Instant asOf) {
    DecisionDefinition table = inForceAt("Decision_ExemptionTier", asOf);
    String tier =
        decisions
            .evaluateDecisionTableById(table.getId())
            .variables(Map.of("majorFindings", majorFindings, "minorFindings", minorFindings))
            .evaluate()
            .getSingleEntry();
    return new Judgement(null, tier, versionOf(table));
  }

  @Override
  public GroundJudgement exemptionGround(
      String ground, String detail, int majorFindings, Instant asOf) {
    return engine.asApplication(
        () -> {
          DecisionDefinition table = inForceAt("Decision_ExemptionGrounds", asOf);
          Map<String, Object> variables = new java.util.HashMap<>();
          variables.put("ground", ground);
          variables.put("detail", detail);
          variables.put("majorFindings", majorFindings);
          Map<String, Object> result =
              decisions
                  .evaluateDecisionTableById(table.getId())
                  .variables(variables)
                  .evaluate()
                  .getFirstResult()
                  .getEntryMap();
          return new GroundJudgement(
              Boolean.TRUE.equals(result.get("accepted")),
              (String) result.get("effect"),
              versionOf(table));
        });
  }

  @Override
  public ApprovalRecord.Authority approvalAuthority(
      String product, BigDecimal amount, Instant asOf) {
    return engine.asApplication(
        () -> {
          DecisionDefinition table = inForceAt("Decision_ApprovalAuthority", asOf);
          Map<String, Object> result =
              decisions
                  .evaluateDecisionTableById(table.getId())
                  .variables(Map.of("product", product, "amount", amount.doubleValue()))
                  .evaluate()
                  .getSingleResult()
                  .getEntryMap();
          return new ApprovalRecord.Authority(
              product,
              amount,
              ((Number) result.get("votersRequired")).intValue(),
              ((Number) result.get("approvalsRequired")).intValue(),
              versionOf(table));
        });
  }

  @Override
  public int maxDaysBetweenOnSiteChecks(String riskClass, Instant asOf) {
    return engine.asApplication(
        () -> {
          DecisionDefinition table = inForceAt("Decision_OnSiteCheckFrequency", asOf);
          Map<String, Object> variables = new java.util.HashMap<>();
          variables.put("riskClass", riskClass);
          Object days =
              decisions
                  .evaluateDecisionTableById(table.getId())
                  .variables(variables)
                  .evaluate()
                  .getSingleEntry();
          return ((Number) days).intValue();
        });
  }

  private DecisionDefinition inForceAt(String key, Instant asOf) {
    List<DecisionDefinition> versions =
        repository
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(key)
            .orderByDecisionDefinitionVersion()
            .asc()
            .list();
    if (versions.isEmpty()) {
      throw new IllegalStateException("No decision table " + key + " is deployed");
    }
    return versions.stream()
        .filter(v -> !deployedAt(v).after(Date.from(asOf)))
        .max(Comparator.comparingInt(DecisionDefinition::getVersion))
        .orElse(versions.get(0));
  }

  private Date deployedAt(DecisionDefinition definition) {
    return deploymentTimes.computeIfAbsent(
        definition.getDeploymentId(),
        id ->
            repository.createDeploymentQuery().deploymentId(id).singleResult().getDeploymentTime());
  }

  private static String versionOf(DecisionDefinition table) {
    return table.getKey() + ":v" + table.getVersion() + " deployment " + table.getDeploymentId();
  }
}
