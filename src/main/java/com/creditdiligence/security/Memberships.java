package com.creditdiligence.security;

import com.creditdiligence.platform.EngineActions;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Who belongs to which group, as Camunda's identity service knows it: the source for segregation checks. */
@Component
public class Memberships {

  public static final String CUSTOMER_MANAGER = "customerManager";
  public static final String DEPARTMENT_HEAD = "departmentHead";
  public static final String COMMITTEE = "committee";
  public static final String ADMIN = "admin";
  public static final String CAMUNDA_ADMIN = "camunda-admin";
  public static final String AUDITOR = "auditor";
  public static final String ACCOUNTABILITY_BOARD = "accountabilityBoard";

  private final ObjectProvider<IdentityService> identity;
  private final EngineActions engine;

  /** Looked up lazily: the task rules that ask are part of the engine's own configuration. */
  Memberships(ObjectProvider<IdentityService> identity, EngineActions engine) {
    this.identity = identity;
    this.engine = engine;
  }

  /** Asked by the application about anyone, whatever the signed-in user may read of the identity store. */
  public boolean isMember(String userId, String groupId) {
    return userId != null && engine.asApplication(
        () -> identity.getObject().createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
  }
}
