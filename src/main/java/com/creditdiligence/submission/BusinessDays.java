package com.creditdiligence.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Days as the business counts them, in the business zone it is given (never the server's): the day an instant falls
 * on, and "within N days", which ends with the last second of the N-th day as a person reading the date understands
 * it (a report due 2027-03-02 in Asia/Shanghai is due 2027-03-02T23:59:59+08:00). Plain Java; the rules receive an
 * instance from their adapter ({@link BusinessTime#days()}).
 */
public final class BusinessDays {

  /** An instant as Instant.toString() writes it, in UTC: 2027-03-02T15:59:59Z, 2027-03-02T15:59:59.123Z. */
  private static final Pattern UTC_INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

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

  /**
   * The day a form's date field recorded: an ISO date is that day; a time with an offset or Z (a date picker that
   * wrote an instant) is the day it falls on in this zone, not the day of its UTC text; a local date-time is its date.
   * Empty if unreadable.
   */
  public Optional<LocalDate> dayWritten(String text) {
    if (text == null || text.length() < 10) {
      return Optional.empty();
    }
    try {
      if (text.length() > 10 && (text.endsWith("Z") || text.matches(".*T.*[+-]\\d{2}:\\d{2}$"))) {
        return Optional.of(dayOf(OffsetDateTime.parse(text).toInstant()));
      }
      return Optional.of(LocalDate.parse(text.substring(0, 10)));
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
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

  /** An instant as a person reads it here: ISO 8601 with this zone's offset, 2027-03-02T23:59:59+08:00. */
  public String shown(Instant at) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime());
  }

  /**
   * A text the rules wrote with instants in UTC (an explanation: "done late, on 2027-03-02T16:10:00Z"), with each
   * instant said in this zone instead ("2027-03-03T00:10:00+08:00"): the same instants, read as the business reads them.
   */
  public String shownIn(String text) {
    if (text == null) {
      return null;
    }
    Matcher instants = UTC_INSTANT.matcher(text);
    StringBuilder shown = new StringBuilder();
    while (instants.find()) {
      instants.appendReplacement(
          shown, Matcher.quoteReplacement(shown(Instant.parse(instants.group()))));
    }
    return instants.appendTail(shown).toString();
  }
}
