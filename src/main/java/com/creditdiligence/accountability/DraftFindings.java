package com.creditdiligence.accountability;

import com.creditdiligence.accountability.DutyFact.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The investigation step of an accountability review (调查): each violated duty becomes a draft
 * finding under its §27 clause, judged by the rules in force when the duty fell due, attached to the
 * manager who held the case then; each manager gets a suggested tier. Drafts: an auditor confirms or
 * rejects them, and the board decides. Plain Java over a {@link RuleBook}.
 */
public final class DraftFindings {

  /** Who a finding is against when the record names nobody (an approval record changed behind the application's back). */
  public static final String UNATTRIBUTED = "未查明 unattributed";

  private DraftFindings() {}

  public record Finding(
      String manager,
      String dutyCode,
      String stage,
      String clause,
      String severity,
      String explanation,
      List<Integer> evidence,
      Instant dueAt,
      String ruleVersion) {}

  public record ManagerAssessment(
      String manager,
      int majorFindings,
      int minorFindings,
      String suggestedTier,
      String ruleVersion) {}

  public record Assessment(
      List<Finding> findings, List<ManagerAssessment> managers, List<String> ruleVersionsUsed) {}

  public static Assessment of(List<DutyFact> facts, RuleBook rules, Instant now) {
    List<Finding> findings = new ArrayList<>();
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (DutyFact fact : facts) {
      if (fact.responsible() != null) {
        counts.putIfAbsent(fact.responsible(), new int[2]);
      }
      if (fact.status() != Status.VIOLATED) {
        continue;
      }
      Instant due = fact.dueAt() == null ? now : fact.dueAt();
      RuleBook.Judgement judgement = rules.section27(fact.code(), daysLate(fact, now), due);
      findings.add(
          new Finding(
              fact.responsible() == null ? UNATTRIBUTED : fact.responsible(),
              fact.code(),
              fact.stage(),
              judgement.clause(),
              judgement.severity(),
              fact.explanation(),
              fact.evidence(),
              fact.dueAt(),
              judgement.ruleVersion()));
      if (fact.responsible() != null) {
        counts
            .computeIfAbsent(fact.responsible(), m -> new int[2])[
            "major".equals(judgement.severity()) ? 0 : 1]++;
      }
    }
    List<ManagerAssessment> managers = new ArrayList<>();
    counts.forEach(
        (manager, c) -> {
          RuleBook.Judgement tier = rules.exemptionTier(c[0], c[1], now);
          managers.add(
              new ManagerAssessment(manager, c[0], c[1], tier.severity(), tier.ruleVersion()));
        });
    TreeSet<String> versions = new TreeSet<>();
    findings.forEach(f -> versions.add(f.ruleVersion()));
    managers.forEach(m -> versions.add(m.ruleVersion()));
    return new Assessment(findings, managers, List.copyOf(versions));
  }

  /** Whole days after the due date that it was done, or that it is still missing. */
  static int daysLate(DutyFact fact, Instant now) {
    if (fact.dueAt() == null) {
      return 0;
    }
    Instant end = fact.doneAt() == null ? now : fact.doneAt();
    long seconds = Duration.between(fact.dueAt(), end).getSeconds();
    return seconds <= 0 ? 0 : (int) ((seconds + 86_399) / 86_400);
  }
}
