package com.creditdiligence.accountability;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The accountability rules as the business keeps them (decision tables), each question answered by
 * the version that was in force at the given moment: diligence is judged by the rules of its time.
 */
public interface RuleBook {

  /** @return the §27 clause and severity of a violated duty, and the rule version that said so */
  Judgement section27(String dutyCode, int daysLate, Instant asOf);

  /** @return the suggested tier (exempt / reducible / notExempt) and the rule version that said so */
  Judgement exemptionTier(int majorFindings, int minorFindings, Instant asOf);

  /** @return how many members vote and how many approvals carry, for the product and amount, and the rule version */
  ApprovalRecord.Authority approvalAuthority(String product, BigDecimal amount, Instant asOf);

  /**
   * @return at most how many days may pass between on-site checks (§23) of a guarantee of the risk class (§22; null
   *     is normal), by the table in force at the moment (onsite-check-frequency.dmn)
   */
  int maxDaysBetweenOnSiteChecks(String riskClass, Instant asOf);

  /**
   * @return whether an exemption ground counts (of the given detail: a major event's kind, a handover's branch),
   *     with the manager's standing major findings, and the lightest tier it supports; and the rule version
   */
  GroundJudgement exemptionGround(String ground, String detail, int majorFindings, Instant asOf);

  record GroundJudgement(boolean accepted, String effect, String ruleVersion) {}

  record Judgement(String clause, String severity, String ruleVersion) {}
}
