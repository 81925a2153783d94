package com.creditdiligence.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BusinessTimeTest {

  private final Instant lateEveningUtc = Instant.parse("2027-03-01T18:30:00Z");
  private final BusinessTime beijing =
      new BusinessTime(Clock.fixed(lateEveningUtc, ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));

  @Test
  void theDayIsTheBusinessZonesDayNotTheServers() {
    assertThat(beijing.today()).isEqualTo(LocalDate.of(2027, 3, 2));
  }

  @Test
  void aTimeIsShownInTheBusinessZoneAndSaysSo() {
    assertThat(beijing.shown(lateEveningUtc)).isEqualTo("2027-03-02 02:30:00");
    assertThat(beijing.shownWithZone(lateEveningUtc))
        .isEqualTo("2027-03-02 02:30:00 北京时间 Beijing time (UTC+08:00)");
    assertThat(beijing.offset(lateEveningUtc).toString()).isEqualTo("2027-03-02T02:30+08:00");
  }

  @Test
  void anotherZoneIsNamedByItsId() {
    BusinessTime utc =
        new BusinessTime(Clock.fixed(lateEveningUtc, ZoneOffset.UTC), ZoneId.of("UTC"));
    assertThat(utc.label()).isEqualTo("UTC (UTC+00:00)");
  }

  @Test
  void anInstantCitedInStoredTextReadsInTheBusinessZone() {
    assertThat(
            beijing.timesInText(
                "逾期完成 done late, on 2027-03-01T18:30:00Z; due 2027-03-01T23:59:59.999+08:00"))
        .isEqualTo(
            "逾期完成 done late, on 2027-03-02 02:30:00 (北京时间 Beijing time (UTC+08:00)); due"
                + " 2027-03-01 23:59:59 (北京时间 Beijing time (UTC+08:00))");
    assertThat(beijing.timesInText(null)).isNull();
  }
}
