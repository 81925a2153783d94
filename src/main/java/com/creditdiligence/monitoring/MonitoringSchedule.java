package com.creditdiligence.monitoring;

import java.time.LocalDate;

/**
 * When the next monitoring report is due: one interval after the previous due date, so the schedule
 * does not drift with late reports; never already past when it is set.
 */
final class MonitoringSchedule {

  private MonitoringSchedule() {
  }

  static LocalDate nextDue(LocalDate previousDue, int intervalDays, LocalDate today) {
    LocalDate next = previousDue.plusDays(intervalDays);
    return next.isAfter(today) ? next : today.plusDays(intervalDays);
  }
}
