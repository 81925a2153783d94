package com.creditdiligence.monitoring;

import java.time.LocalDate;

/**
 * When the next monitoring report is due: one interval after the previous due date, so that late
 * reports do not make the schedule drift — but never later than one interval from today, so that a
 * report filed early under a stricter class brings the next one closer; and never already past.
 */
final class MonitoringSchedule {

  private MonitoringSchedule() {}

  static LocalDate nextDue(LocalDate previousDue, int intervalDays, LocalDate today) {
    LocalDate anchor = previousDue.isBefore(today) ? previousDue : today;
    LocalDate next = anchor.plusDays(intervalDays);
    return next.isAfter(today) ? next : today.plusDays(intervalDays);
  }
}
