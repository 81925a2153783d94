package com.creditdiligence.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the manager has for the measures of §25 once a guarantee is transferred to problem handling:
 * {@code credit-diligence.deadlines.problem-measures-days} (10 by default); "within N days" ends with the N-th day.
 */
@ConfigurationProperties("credit-diligence.deadlines")
public record ProblemDeadline(Integer problemMeasuresDays) {

  public ProblemDeadline {
    problemMeasuresDays = problemMeasuresDays == null ? 10 : problemMeasuresDays;
  }
}
