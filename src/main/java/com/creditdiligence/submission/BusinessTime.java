package com.creditdiligence.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one clock and the one business zone (configured as {@code credit-diligence.business-time-zone}, Asia/Shanghai by
 * default) by which every date and time is computed and shown, so that a page, the dossier, the API and Tasklist say
 * the same time. Plain Java: the engine's clock is given to it from outside (platform/EngineClock).
 */
public final class BusinessTime {

  /** The zone when none is configured: the bank's, Beijing time. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

  private static final Pattern ISO_INSTANT_IN_TEXT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter SHOWN_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final Clock clock;
  private final ZoneId zone;

  public BusinessTime(Clock clock, ZoneId zone) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  public Clock clock() {
    return clock;
  }

  public ZoneId zone() {
    return zone;
  }

  /** Days and deadlines counted in this zone. */
  public BusinessDays days() {
    return new BusinessDays(zone);
  }

  public Instant now() {
    return clock.instant();
  }

  public LocalDate today() {
    return dayOf(now());
  }

  public LocalDate dayOf(Instant at) {
    return at.atZone(zone).toLocalDate();
  }

  /** For APIs: ISO 8601 with the business zone's offset. */
  public OffsetDateTime offset(Instant at) {
    return at.atZone(zone).toOffsetDateTime();
  }

  /** «北京时间 Beijing time (UTC+08:00)» in the default zone; the zone's id and offset in any other. */
  public String label() {
    String offset =
        "UTC" + OffsetDateTime.now(clock.withZone(zone)).getOffset().getId().replace("Z", "+00:00");
    return DEFAULT_ZONE.equals(zone)
        ? "北京时间 Beijing time (" + offset + ")"
        : zone.getId() + " (" + offset + ")";
  }

  /** A time as a person reads it, in the business zone, without the label (put it once in a heading or column). */
  public String shown(Instant at) {
    return at == null ? "" : SHOWN.format(at.atZone(zone));
  }

  /** A time as a person reads it, with the zone said: «2026-12-02 18:57:03 北京时间 Beijing time (UTC+08:00)». */
  public String shownWithZone(Instant at) {
    return at == null ? "" : shown(at) + " " + label();
  }

  public String shownDay(Instant at) {
    return at == null ? "" : SHOWN_DAY.format(at.atZone(zone));
  }

  /**
   * Free text (a stored explanation: «done late, on 2026-12-08T02:18:56+08:00») with each ISO 8601 instant it cites
   * written as people read it, in the business zone with its label; null stays null.
   */
  public String timesInText(String text) {
    return text == null
        ? null
        : ISO_INSTANT_IN_TEXT
            .matcher(text)
            .replaceAll(
                match ->
                    shown(OffsetDateTime.parse(match.group()).toInstant()) + " (" + label() + ")");
  }
}
