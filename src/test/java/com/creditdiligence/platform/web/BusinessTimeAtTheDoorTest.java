package com.creditdiligence.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.submission.BusinessTime;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The API's instants carry the business zone's offset: the same instant, as the business zone reads it. */
class BusinessTimeAtTheDoorTest {

  private static final Instant LATE_EVENING_UTC = Instant.parse("2027-03-01T18:30:00Z");

  record Deadline(Instant dueAt) {}

  @Test
  void inBeijingAnInstantIsWrittenWithPlusEight() throws Exception {
    String json = mapperIn("Asia/Shanghai").writeValueAsString(new Deadline(LATE_EVENING_UTC));

    assertThat(json).isEqualTo("{\"dueAt\":\"2027-03-02T02:30:00+08:00\"}");
  }

  @Test
  void inNewYorkTheSameInstantIsWrittenWithThatZonesOffsetOnThatDay() throws Exception {
    String json = mapperIn("America/New_York").writeValueAsString(new Deadline(LATE_EVENING_UTC));

    assertThat(json).isEqualTo("{\"dueAt\":\"2027-03-01T13:30:00-05:00\"}");
  }

  @Test
  void whatIsWrittenReadsBackAsTheSameInstant() throws Exception {
    ObjectMapper mapper = mapperIn("Asia/Shanghai");
    String json = mapper.writeValueAsString(new Deadline(LATE_EVENING_UTC));

    assertThat(mapper.readValue(json, Deadline.class).dueAt()).isEqualTo(LATE_EVENING_UTC);
    assertThat(Instant.parse("2027-03-02T02:30:00+08:00")).isEqualTo(LATE_EVENING_UTC);
  }

  private static ObjectMapper mapperIn(String zone) {
    BusinessTime businessTime =
        new BusinessTime(Clock.fixed(LATE_EVENING_UTC, ZoneOffset.UTC), ZoneId.of(zone));
    Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
    new BusinessTimeAtTheDoor().instantsInTheBusinessZone(businessTime).customize(builder);
    return builder.build();
  }
}
