package com.creditdiligence.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;

/** Camunda's camunda.bpm.admin-user is refused with a default or short password, exactly like our own administrator. */
class CamundaAdminUserPolicyTest {

  @Test
  void adminAdminStopsTheEngineBeforeItIsBuilt() {
    assertThatThrownBy(() -> preInit("admin", "admin"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is a well-known default");
  }

  @Test
  void noPasswordMeansCamundasDefaultOfTheUserIdAndIsRefused() {
    assertThatThrownBy(() -> preInit("admin", null))
        .hasMessageContaining("is a well-known default");
    assertThatThrownBy(() -> preInit("opsadmin", null))
        .hasMessageContaining("is shorter than 12 characters");
  }

  @Test
  void aShortPasswordIsRefusedAndAStrongOneOrNoCamundaAdminAccepted() {
    assertThatThrownBy(() -> preInit("opsadmin", "S3cret!x"))
        .hasMessageContaining("is shorter than 12 characters");
    assertThatCode(() -> preInit("opsadmin", "Ops-Admin-2026-Strong!")).doesNotThrowAnyException();
    assertThatCode(() -> preInit(null, null)).doesNotThrowAnyException();
  }

  private static void preInit(String id, String password) {
    AdminUserProperty adminUser = new AdminUserProperty();
    adminUser.setId(id);
    adminUser.setPassword(password);
    CamundaBpmProperties camunda = new CamundaBpmProperties();
    camunda.setAdminUser(id == null ? null : adminUser);
    new CamundaAdminUserPolicy(camunda).check();
  }
}
