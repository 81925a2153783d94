package com.creditdiligence.platform;

import com.creditdiligence.submission.BusinessTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The business clock is the engine's clock, read in the configured business zone. */
@Configuration(proxyBeanMethods = false)
class BusinessTimeConfiguration {

  @Bean
  BusinessTime businessTime(
      @Value("${credit-diligence.business-time-zone:Asia/Shanghai}") String zone) {
    return new BusinessTime(EngineClock.utc(), ZoneId.of(zone));
  }
}
