package com.creditdiligence;

import com.creditdiligence.security.Qualification;
import com.creditdiligence.security.Qualifications;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;

/**
 * The staff a production deployment's administrator creates (the production profile has no demo users):
 * two qualified customer managers and seven committee members, with non-demo passwords. Idempotent.
 */
public final class ProductionStaff {

  private ProductionStaff() {}

  public static void create(IdentityService identity, Qualifications qualifications) {
    for (String manager : new String[] {"manager1", "manager2"}) {
      person(identity, manager, "customerManager");
      if (qualifications.of(manager).isEmpty()) {
        LocalDate from = LocalDate.now().minusMonths(1);
        qualifications.keep(
            new Qualification(manager, "senior", from, from.plusYears(Qualification.MAXIMUM_YEARS)),
            "opsadmin",
            Instant.now());
      }
    }
    for (int i = 1; i <= 7; i++) {
      person(identity, "committee" + i, "committee");
    }
  }

  private static void person(IdentityService identity, String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setPassword("Staff-Password-" + id);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }
}
