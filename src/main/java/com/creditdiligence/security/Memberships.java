package com.creditdiligence.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Who belongs to which group, as Camunda's identity service knows it: the source for segregation checks. */
@Component
public class Memberships {

  public static final String CUSTOMER_MANAGER = "customerManager";
  public static final String AUDITOR = "auditor";
  public static final String ACCOUNTABILITY_BOARD = "accountabilityBoard";

  private final ObjectProvider<IdentityService> identity;

  /** Looked up lazily: the task rules that ask are part of the engine's own configuration. */
  Memberships(ObjectProvider<IdentityService> identity) {
    this.identity = identity;
  }

  public boolean isMember(String userId, String groupId) {
    return userId != null && identity.getObject().createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
  }
}
