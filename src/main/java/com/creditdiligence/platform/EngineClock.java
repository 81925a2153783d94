package com.creditdiligence.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock as a {@link Clock}: the time the engine stamps on tasks, jobs and history, which tests move with
 * ClockUtil. Every other class asks {@link com.creditdiligence.submission.BusinessTime} for the time, so that the
 * record and the engine never disagree about when something happened.
 */
final class EngineClock extends Clock {

  private final ZoneId zone;

  EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  static EngineClock utc() {
    return new EngineClock(ZoneOffset.UTC);
  }
}
