package com.creditdiligence.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.TimeZone;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Deadlines end at the end of the day in the business zone, whatever zone the server runs in. */
class BusinessDaysTest {

  private static final LocalDate DUE = LocalDate.of(2027, 3, 2);
  private final BusinessDays beijing = new BusinessDays(ZoneId.of("Asia/Shanghai"));
  private final BusinessDays newYork = new BusinessDays(ZoneId.of("America/New_York"));

  @Test
  void aReportDueOnADayIsDueAtTheLastSecondOfThatDayInBeijing() {
    assertThat(beijing.endOf(DUE)).isEqualTo(Instant.parse("2027-03-02T23:59:59+08:00"));
    assertThat(beijing.endOf(DUE)).isEqualTo(Instant.parse("2027-03-02T15:59:59Z"));
  }

  @Test
  void inAnotherBusinessZoneTheSameDayEndsAtThatZonesMidnight() {
    assertThat(newYork.endOf(DUE)).isEqualTo(Instant.parse("2027-03-02T23:59:59-05:00"));
  }

  @Test
  void theDayAnInstantFallsOnIsTheBusinessZonesDay() {
    Instant lateEveningUtc = Instant.parse("2027-03-01T18:30:00Z");
    assertThat(beijing.dayOf(lateEveningUtc)).isEqualTo(LocalDate.of(2027, 3, 2));
    assertThat(newYork.dayOf(lateEveningUtc)).isEqualTo(LocalDate.of(2027, 3, 1));
  }

  @Test
  void withinNDaysOfAnEventReceivedAfterMidnightInBeijingCountsFromTheBeijingDay() {
    // 2027-03-01 16:30 UTC is already 2027-03-02 00:30 in Beijing: three days end with 2027-03-05
    // in Beijing.
    assertThat(beijing.endOfDayAfter(Instant.parse("2027-03-01T16:30:00Z"), 3))
        .isEqualTo(Instant.parse("2027-03-05T23:59:59+08:00"));
  }

  @Test
  void anExplanationWrittenInUtcIsShownWithTheBusinessZonesOffset() {
    String written = "done late, on 2027-03-02T16:10:00Z, due 2027-03-02T15:59:59Z; 3 days";

    assertThat(beijing.shownIn(written))
        .isEqualTo(
            "done late, on 2027-03-03T00:10:00+08:00, due 2027-03-02T23:59:59+08:00; 3 days");
    assertThat(newYork.shownIn("received 2027-03-02T16:10:00.250Z"))
        .isEqualTo("received 2027-03-02T11:10:00.25-05:00");
    assertThat(beijing.shownIn("no time here: 2027-03-02")).isEqualTo("no time here: 2027-03-02");
  }

  @Test
  void aDateAFormWroteIsTheDayMeantAndAnInstantItWroteIsTheDayItFallsOnHere() {
    assertThat(beijing.dayWritten("2027-03-02")).contains(LocalDate.of(2027, 3, 2));
    // A picker that wrote Beijing's 2027-03-02 00:30 as an instant: the UTC text says 03-01, the
    // day meant is 03-02.
    assertThat(beijing.dayWritten("2027-03-01T16:30:00Z")).contains(LocalDate.of(2027, 3, 2));
    assertThat(beijing.dayWritten("2027-03-02T00:30:00+08:00")).contains(LocalDate.of(2027, 3, 2));
    assertThat(newYork.dayWritten("2027-03-01T16:30:00Z")).contains(LocalDate.of(2027, 3, 1));
    assertThat(beijing.dayWritten("2027-03-02T09:00")).contains(LocalDate.of(2027, 3, 2));
    assertThat(beijing.dayWritten("2027-13-45")).isEmpty();
    assertThat(beijing.dayWritten("")).isEmpty();
  }

  @Test
  void theServersDefaultZoneChangesNothing() {
    Supplier<Object> answers =
        () ->
            java.util.List.of(
                beijing.endOf(DUE),
                beijing.dayOf(Instant.parse("2027-03-01T18:30:00Z")),
                beijing.startOf(DUE),
                newYork.endOf(DUE));
    Object inUtc = inDefaultZone("UTC", answers);
    Object inHonolulu = inDefaultZone("Pacific/Honolulu", answers);
    assertThat(inHonolulu).isEqualTo(inUtc);
    assertThat(inDefaultZone("Asia/Shanghai", answers)).isEqualTo(inUtc);
  }

  private static Object inDefaultZone(String zone, Supplier<Object> answers) {
    TimeZone before = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      return answers.get();
    } finally {
      TimeZone.setDefault(before);
    }
  }
}
