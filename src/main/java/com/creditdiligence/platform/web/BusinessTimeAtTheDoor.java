package com.creditdiligence.platform.web;

import com.creditdiligence.submission.BusinessTime;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API speaks the business zone. Its instants are written in ISO 8601 with that zone's offset
 * («2027-03-02T23:59:59+08:00», not «2027-03-02T15:59:59Z»), so that a client reads the time Tasklist and the pages
 * show; the same instant either way ({@code Instant.parse} reads both). Only the API's JSON: the ledger's canonical form
 * keeps UTC and its hashes. And "not in the future" ({@code @PastOrPresent}) is judged by the business clock in the
 * business zone, not by the server's: an event that occurred today in Beijing is not refused after 16:00 UTC.
 */
@Configuration(proxyBeanMethods = false)
class BusinessTimeAtTheDoor {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer instantsInTheBusinessZone(BusinessTime businessTime) {
    return builder ->
        builder.serializerByType(Instant.class, new OffsetInstantSerializer(businessTime));
  }

  @Bean
  ValidationConfigurationCustomizer validationByTheBusinessClock(BusinessTime businessTime) {
    return configuration ->
        configuration.clockProvider(() -> businessTime.clock().withZone(businessTime.zone()));
  }

  static final class OffsetInstantSerializer extends JsonSerializer<Instant> {

    private final BusinessTime businessTime;

    OffsetInstantSerializer(BusinessTime businessTime) {
      this.businessTime = businessTime;
    }

    @Override
    public void serialize(Instant value, JsonGenerator json, SerializerProvider serializers)
        throws IOException {
      json.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(businessTime.offset(value)));
    }

    @Override
    public Class<Instant> handledType() {
      return Instant.class;
    }
  }
}
