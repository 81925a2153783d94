package com.creditdiligence.platform;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock held at a past moment while the demo tells a case that took weeks (a guarantee issued, a warning,
 * measures taken days later, a review), then given back to the present. For the demo's seeding of an empty database
 * only: every record, task and deadline of the story is then stamped with the moment it happened, as the tests do with
 * ClockUtil, and the record never disagrees with the engine about when.
 */
public final class StoryClock {

  private StoryClock() {}

  public static void at(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment));
  }

  public static void present() {
    ClockUtil.reset();
  }
}
