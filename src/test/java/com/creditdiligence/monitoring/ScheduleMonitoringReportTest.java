package com.creditdiligence.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.creditdiligence.submission.BusinessTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/**
 * The next monitoring report falls due at the end of its day in the business zone: due 2027-03-02 in Beijing is
 * 2027-03-02T23:59:59+08:00, not 2027-03-02T23:59:59Z (07:59 the next morning in Beijing) as on a server in UTC.
 */
class ScheduleMonitoringReportTest {

  /** Issued on 2027-03-01 in Beijing; 2027-02-28 16:30 UTC is 2027-03-01 00:30 there. */
  private static final Instant ISSUED_AT = Instant.parse("2027-02-28T16:30:00Z");

  @Test
  void inBeijingTheReportIsDueAtTheEndOfTheDayInBeijing() {
    Map<String, Object> set = schedule(ZoneId.of("Asia/Shanghai"), 1);

    assertThat(((Date) set.get("monitoringReportDue")).toInstant())
        .isEqualTo(Instant.parse("2027-03-02T23:59:59+08:00"));
  }

  @Test
  void inAnotherBusinessZoneTheReportIsDueAtTheEndOfTheDayThere() {
    // In New York the same instant is still 2027-02-28: one day later is 2027-03-01, ending at its
    // midnight there.
    Map<String, Object> set = schedule(ZoneId.of("America/New_York"), 1);

    assertThat(((Date) set.get("monitoringReportDue")).toInstant())
        .isEqualTo(Instant.parse("2027-03-01T23:59:59-05:00"));
  }

  @Test
  void theDayOfTheFirstReportIsCountedFromTheBusinessDayOfIssueNotTheServers() {
    Map<String, Object> set = schedule(ZoneId.of("Asia/Shanghai"), 30);

    Instant due = ((Date) set.get("monitoringReportDue")).toInstant();
    assertThat(LocalDate.ofInstant(due, ZoneId.of("Asia/Shanghai")))
        .isEqualTo(LocalDate.of(2027, 3, 31));
  }

  /** Runs the delegate for a guarantee issued at ISSUED_AT (no issuedOn recorded: the first report counts from today). */
  private static Map<String, Object> schedule(ZoneId businessZone, int intervalDays) {
    BusinessTime businessTime =
        new BusinessTime(Clock.fixed(ISSUED_AT, ZoneOffset.UTC), businessZone);
    Map<String, Object> variables = new HashMap<>(Map.of("monitoringIntervalDays", intervalDays));
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable(anyString()))
        .thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
        .when(execution)
        .setVariable(anyString(), org.mockito.ArgumentMatchers.any());

    new ScheduleMonitoringReport(businessTime).execute(execution);
    return variables;
  }
}
