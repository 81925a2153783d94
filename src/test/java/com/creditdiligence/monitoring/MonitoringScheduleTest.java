package com.creditdiligence.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MonitoringScheduleTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  @Test
  void theNextReportIsDueOneIntervalAfterThePreviousDueDateSoTheScheduleDoesNotDrift() {
    assertThat(MonitoringSchedule.nextDue(LocalDate.of(2026, 11, 20), 90, TODAY))
        .isEqualTo(LocalDate.of(2027, 2, 18));
  }

  @Test
  void aReportFiledEarlyUnderAStricterClassBringsTheNextOneCloser() {
    assertThat(MonitoringSchedule.nextDue(LocalDate.of(2027, 2, 18), 14, TODAY))
        .isEqualTo(TODAY.plusDays(14));
  }

  @Test
  void aScheduleFallenBehindRestartsFromToday() {
    assertThat(MonitoringSchedule.nextDue(LocalDate.of(2026, 10, 1), 14, TODAY))
        .isEqualTo(TODAY.plusDays(14));
  }
}
