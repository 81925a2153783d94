package com.creditdiligence.accountability;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The review's clock: the manager's statement (申辩) and appeal (申诉) windows, and the year within which
 * 金规〔2024〕11号 expects a review to finish.
 */
@ConfigurationProperties("credit-diligence.review")
public record ReviewDeadlines(Integer statementDays, Integer appealDays, Integer completionDays) {

  public ReviewDeadlines {
    statementDays = statementDays == null ? 10 : statementDays;
    appealDays = appealDays == null ? 15 : appealDays;
    completionDays = completionDays == null ? 365 : completionDays;
  }
}
