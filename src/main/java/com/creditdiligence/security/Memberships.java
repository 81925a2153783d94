package com.creditdiligence.security;

import com.creditdiligence.casefile.StaffGroups;
import com.creditdiligence.platform.EngineActions;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Who belongs to which group, as Camunda's identity service knows it: the source for segregation checks. */
@Component
public class Memberships {

  // The groups' ids are the kernel's (StaffGroups); repeated here for the many callers that name
  // them by Memberships.

  public static final String CUSTOMER_MANAGER = StaffGroups.CUSTOMER_MANAGER;
  public static final String DEPARTMENT_HEAD = StaffGroups.DEPARTMENT_HEAD;
  public static final String COMMITTEE = StaffGroups.COMMITTEE;
  public static final String ADMIN = StaffGroups.ADMIN;
  public static final String CAMUNDA_ADMIN = StaffGroups.CAMUNDA_ADMIN;
  public static final String AUDITOR = StaffGroups.AUDITOR;
  public static final String ACCOUNTABILITY_BOARD = StaffGroups.ACCOUNTABILITY_BOARD;

  private final ObjectProvider<IdentityService> identity;
  private final EngineActions engine;

  /** Looked up lazily: the task rules that ask are part of the engine's own configuration. */
  Memberships(ObjectProvider<IdentityService> identity, EngineActions engine) {
    this.identity = identity;
    this.engine = engine;
  }

  /** Asked by the application about anyone, whatever the signed-in user may read of the identity store. */
  public boolean isMember(String userId, String groupId) {
    return userId != null
        && engine.asApplication(
            () ->
                identity.getObject().createUserQuery().userId(userId).memberOfGroup(groupId).count()
                    > 0);
  }
}
