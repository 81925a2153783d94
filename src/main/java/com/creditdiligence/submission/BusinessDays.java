package com.creditdiligence.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Days as the business counts them, in one place: the day an instant falls on, and "within N days", which ends with
 * the N-th day as a person reading the date understands it. The zone is the JVM's until the configured business zone
 * of issue 21 replaces it here, for every deadline and duty fact at once. Plain Java.
 */
public final class BusinessDays {

  private static final ZoneId ZONE = ZoneId.systemDefault();

  private BusinessDays() {
  }

  public static LocalDate dayOf(Instant at) {
    return at.atZone(ZONE).toLocalDate();
  }

  public static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZONE).toInstant();
  }

  /** The last second of the day. */
  public static Instant endOf(LocalDate day) {
    return day.atTime(LocalTime.MAX).truncatedTo(ChronoUnit.SECONDS).atZone(ZONE).toInstant();
  }

  /** The end of the N-th day after the one the instant falls on. */
  public static Instant endOfDayAfter(Instant at, long days) {
    return endOf(dayOf(at).plusDays(days));
  }
}
