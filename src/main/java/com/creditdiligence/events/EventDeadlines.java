package com.creditdiligence.events;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the manager has after an event: an on-site investigation within 5 days of a major event
 * (§14, §20), preservation measures within 3 days of an early-warning signal (§27(五)).
 */
@ConfigurationProperties("credit-diligence.deadlines")
public record EventDeadlines(Integer majorEventOnSiteDays, Integer warningSignalMeasuresDays) {

  public EventDeadlines {
    majorEventOnSiteDays = majorEventOnSiteDays == null ? 5 : majorEventOnSiteDays;
    warningSignalMeasuresDays = warningSignalMeasuresDays == null ? 3 : warningSignalMeasuresDays;
  }
}
