package com.creditdiligence.e2e;

import com.creditdiligence.security.Memberships;
import com.creditdiligence.security.Qualification;
import com.creditdiligence.security.Qualifications;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;

/**
 * A customer manager of one journey's own (password {@code demo}), qualified on the day given: their Tasklist lists
 * the journey's tasks alone, whatever tasks the suite's other tests left to the demo managers, some of them created
 * on a clock moved months ahead and so listed first.
 */
final class ManagerOfTheirOwn {

  private ManagerOfTheirOwn() {}

  static String create(
      ProcessEngine engine,
      Qualifications qualifications,
      String userId,
      String name,
      LocalDate onDuty) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User manager = identity.newUser(userId);
      manager.setFirstName(name);
      manager.setLastName("经理");
      manager.setPassword("demo");
      identity.saveUser(manager);
      identity.createMembership(userId, Memberships.CUSTOMER_MANAGER);
    }
    qualifications.keep(
        new Qualification(userId, "intermediate", onDuty.minusDays(30), onDuty.plusYears(1)),
        "admin",
        Instant.now());
    return userId;
  }
}
