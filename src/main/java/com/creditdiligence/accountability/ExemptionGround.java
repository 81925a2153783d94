package com.creditdiligence.accountability;

import java.util.List;

/**
 * One exemption ground (SPEC "Exemption grounds and mitigating facts") the record shows for a person under
 * review, with the ledger records (sequence numbers) it rests on, and what the business's decision table
 * (exemption-grounds.dmn) makes of it: whether it counts, and the lightest tier it supports. A ground informs
 * the board; the decision stays human.
 *
 * @param code        noConclusiveEvidence, forceMajeure, handover, dissent, writtenWarning
 * @param detail      what the table also weighs: the kind of major event for force majeure, the handover
 *                    branch (visibleBefore / detectedAfter); null otherwise
 * @param evidence    sequence numbers of the records the ground rests on
 * @param accepted    whether the table counts the ground (null before the table is asked)
 * @param effect      the lightest tier the ground supports (exempt / reducible), or none
 * @param ruleVersion the version of the table that said so
 */
public record ExemptionGround(
    String code,
    String detail,
    List<Integer> evidence,
    String explanation,
    Boolean accepted,
    String effect,
    String ruleVersion) {

  public static final String NO_CONCLUSIVE_EVIDENCE = "noConclusiveEvidence";
  public static final String FORCE_MAJEURE = "forceMajeure";
  public static final String HANDOVER = "handover";
  public static final String DISSENT = "dissent";
  public static final String WRITTEN_WARNING = "writtenWarning";

  static ExemptionGround candidate(
      String code, String detail, List<Integer> evidence, String explanation) {
    return new ExemptionGround(code, detail, List.copyOf(evidence), explanation, null, null, null);
  }

  ExemptionGround judged(RuleBook.GroundJudgement judgement) {
    return new ExemptionGround(
        code,
        detail,
        evidence,
        explanation,
        judgement.accepted(),
        judgement.accepted() ? judgement.effect() : "none",
        judgement.ruleVersion());
  }

  /** The tier the ground supports, if the table accepts it and names one. */
  public java.util.Optional<Tier> supports() {
    return Boolean.TRUE.equals(accepted) ? Tier.ofCode(effect) : java.util.Optional.empty();
  }

  public String label() {
    return switch (code) {
      case NO_CONCLUSIVE_EVIDENCE -> "无确凿证据表明未尽职 No conclusive evidence of a lack of diligence";
      case FORCE_MAJEURE -> "不可抗力且及时预警处置 Force majeure, the risk flagged and acted on at once";
      case HANDOVER -> "案件移交 Case handed over";
      case DISSENT -> "集体决策中持异议 Dissented in the collective decision";
      case WRITTEN_WARNING -> "书面预警 Warned of the risk in writing";
      default -> code;
    };
  }

  /** One line for the board's brief and the dossier. */
  public String line() {
    return "免责事由 Ground: "
        + label()
        + (accepted == null
            ? ""
            : accepted
                ? " · 决策表认可,支持 accepted by the table, supports "
                    + Tier.ofCode(effect).map(Tier::label).orElse(effect)
                : " · 决策表不认可 not accepted by the table")
        + ": "
        + explanation
        + cited(evidence);
  }

  /** The records a line rests on, as the board's brief and the dossier cite them: " (evidence #3, #4)". */
  static String cited(List<Integer> evidence) {
    return evidence.isEmpty()
        ? ""
        : " (evidence #"
            + String.join(", #", evidence.stream().map(String::valueOf).toList())
            + ")";
  }
}
