package com.creditdiligence.platform;

import com.creditdiligence.casefile.StaffGroups;
import java.util.Collection;
import java.util.Set;

/**
 * The groups whose members administer the platform: the engine's doors let them through, and what they do to
 * a case is recorded as an intervention. One list, so that the two can never disagree.
 */
public final class Administrators {

  public static final Set<String> GROUPS = Set.of(StaffGroups.ADMIN, StaffGroups.CAMUNDA_ADMIN);

  private Administrators() {}

  public static boolean amongThem(Collection<String> groups) {
    return groups != null && groups.stream().anyMatch(GROUPS::contains);
  }
}
