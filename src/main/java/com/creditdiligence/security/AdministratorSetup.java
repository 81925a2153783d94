package com.creditdiligence.security;

import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first administrator comes from configuration ({@code CREDIT_DILIGENCE_ADMIN_USER} and
 * {@code _PASSWORD} on the production profile), never from a built-in default: start-up refuses a
 * default or short password, and refuses to run with no administrator at all.
 */
@Component
@Order(1)
class AdministratorSetup implements ApplicationRunner {

  static final int MINIMUM_PASSWORD_LENGTH = 12;
  private static final Set<String> DEFAULT_PASSWORDS =
      Set.of(
          "demo",
          "admin",
          "password",
          "camunda",
          "changeit",
          "changeme",
          "123456",
          "12345678",
          "123456789012",
          "administrator");

  private final IdentityService identity;
  private final String adminUser;
  private final String adminPassword;
  private final boolean demoUsers;

  AdministratorSetup(
      IdentityService identity,
      @Value("${credit-diligence.admin.user:}") String adminUser,
      @Value("${credit-diligence.admin.password:}") String adminPassword,
      @Value("${credit-diligence.demo.users:false}") boolean demoUsers) {
    this.identity = identity;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
    this.demoUsers = demoUsers;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!adminUser.isBlank()) {
      String weakness = weakness(adminPassword);
      if (weakness != null) {
        throw new IllegalStateException(
            "Refusing to start: the administrator password (CREDIT_DILIGENCE_ADMIN_PASSWORD) "
                + weakness);
      }
      if (identity.createUserQuery().userId(adminUser).count() == 0) {
        User user = identity.newUser(adminUser);
        user.setFirstName("系统");
        user.setLastName("管理员 Administrator");
        user.setPassword(adminPassword);
        identity.saveUser(user);
      }
      for (String group : new String[] {Memberships.ADMIN, Memberships.CAMUNDA_ADMIN}) {
        if (identity.createUserQuery().userId(adminUser).memberOfGroup(group).count() == 0) {
          identity.createMembership(adminUser, group);
        }
      }
    }
    if (!demoUsers
        && identity.createUserQuery().memberOfGroup(Memberships.CAMUNDA_ADMIN).count() == 0) {
      throw new IllegalStateException(
          "Refusing to start: no administrator exists; set CREDIT_DILIGENCE_ADMIN_USER and "
              + "CREDIT_DILIGENCE_ADMIN_PASSWORD (at least "
              + MINIMUM_PASSWORD_LENGTH
              + " characters, not a default)");
    }
  }

  /** Why a password may not guard the administrator, or null when it may. */
  static String weakness(String password) {
    if (password == null || password.isBlank()) {
      return "is not set";
    }
    if (DEFAULT_PASSWORDS.contains(password.toLowerCase(Locale.ROOT))) {
      return "is a well-known default";
    }
    if (password.length() < MINIMUM_PASSWORD_LENGTH) {
      return "is shorter than " + MINIMUM_PASSWORD_LENGTH + " characters";
    }
    return null;
  }
}
