package com.creditdiligence.intake;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An intake's record read in today's units. The ledger is immutable, so records kept before revenue was asked in
 * yuan still say {@code annualRevenue} in 万元 (10,000 yuan); the key tells the unit. Read as today's
 * {@code revenueLastYear} in yuan, so that a person reads one figure in one unit whatever the form was then.
 */
public final class IntakeFindings {

  /** The field the intake form asked until it asked the revenue in yuan: last year's revenue in 万元. */
  public static final String REVENUE_IN_TEN_THOUSANDS = "annualRevenue";

  public static final String REVENUE = "revenueLastYear";

  private IntakeFindings() {}

  /** The findings with a former 万元 revenue restated in yuan under today's key; anything else as it was. */
  public static Map<String, Object> inTodaysUnits(Map<String, Object> findings) {
    if (!findings.containsKey(REVENUE_IN_TEN_THOUSANDS) || findings.get(REVENUE) != null) {
      return findings;
    }
    Map<String, Object> read = new LinkedHashMap<>(findings);
    Object former = read.remove(REVENUE_IN_TEN_THOUSANDS);
    if (former instanceof Number n) {
      read.put(
          REVENUE,
          new BigDecimal(n.toString()).multiply(BigDecimal.valueOf(10_000)).stripTrailingZeros());
    } else if (former != null) {
      read.put(REVENUE_IN_TEN_THOUSANDS, former);
    }
    return read;
  }
}
