package com.creditdiligence.security;

import com.creditdiligence.platform.EngineStartCheck;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/**
 * Camunda's own first administrator ({@code camunda.bpm.admin-user}) is held to the rule of
 * {@link AdministratorSetup}: a default or short password stops the engine before it is built, so that no
 * such user is ever written. Camunda takes the user id as the password when none is given ({@code admin}
 * alone means admin/admin), and that is judged too. Run by the engine edge before the engine is built
 * ({@link EngineStartCheck}).
 */
@Component
class CamundaAdminUserPolicy implements EngineStartCheck {

  private final AdminUserProperty adminUser;

  CamundaAdminUserPolicy(CamundaBpmProperties camunda) {
    this.adminUser = camunda.getAdminUser();
  }

  @Override
  public void check() {
    if (adminUser == null || adminUser.getId() == null || adminUser.getId().isBlank()) {
      return;
    }
    String password = adminUser.getPassword() == null ? adminUser.getId() : adminUser.getPassword();
    String weakness = AdministratorSetup.weakness(password);
    if (weakness != null) {
      throw new IllegalStateException(
          "Refusing to start: Camunda's administrator password (camunda.bpm.admin-user."
              + "password) "
              + weakness
              + "; give a strong one, or use CREDIT_DILIGENCE_ADMIN_USER and _PASSWORD instead");
    }
  }
}
