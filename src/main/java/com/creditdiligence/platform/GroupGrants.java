package com.creditdiligence.platform;

import java.util.Collection;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** Grants a group permissions on a Camunda resource, idempotently: a grant is only ever widened, never duplicated. */
public final class GroupGrants {

  private GroupGrants() {}

  public static void grant(
      AuthorizationService authorizations,
      String group,
      Resource resource,
      String resourceId,
      Collection<? extends Permission> permissions) {
    Authorization authorization =
        authorizations
            .createAuthorizationQuery()
            .groupIdIn(group)
            .resourceType(resource)
            .resourceId(resourceId)
            .list()
            .stream()
            .filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
            .findFirst()
            .orElseGet(
                () -> {
                  Authorization created =
                      authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                  created.setGroupId(group);
                  created.setResource(resource);
                  created.setResourceId(resourceId);
                  return created;
                });
    boolean missing = false;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (missing || authorization.getId() == null) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
