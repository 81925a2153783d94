package com.creditdiligence.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Days as the business counts them, in the business zone it is given (never the server's): the day an instant falls
 * on, and "within N days", which ends with the last second of the N-th day as a person reading the date understands
 * it (a report due 2027-03-02 in Asia/Shanghai is due 2027-03-02T23:59:59+08:00). Plain Java; the rules receive an
 * instance from their adapter ({@link BusinessTime#days()}).
 */
public final class BusinessDays {

  private final ZoneId zone;

  public BusinessDays(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalDate dayOf(Instant at) {
    return at.atZone(zone).toLocalDate();
  }

  public Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  /** The last second of the day. */
  public Instant endOf(LocalDate day) {
    return day.atTime(LocalTime.MAX).truncatedTo(ChronoUnit.SECONDS).atZone(zone).toInstant();
  }

  /** The end of the N-th day after the one the instant falls on. */
  public Instant endOfDayAfter(Instant at, long days) {
    return endOf(dayOf(at).plusDays(days));
  }
}
