package com.creditdiligence.platform;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is signed in, as the engine's identity service holds it. The engine hands it out as an internal type
 * ({@link Authentication}); this is the one place outside the engine that reads it.
 */
public final class SignedIn {

  private SignedIn() {}

  /** The signed-in user's id, or null when nobody is signed in. */
  public static String userId(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** The groups that came with the sign-in, or null when nobody is signed in or the sign-in named none. */
  public static List<String> groupIds(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null ? null : authentication.getGroupIds();
  }
}
