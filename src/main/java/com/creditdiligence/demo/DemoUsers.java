package com.creditdiligence.demo;

import com.creditdiligence.casefile.StaffGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Demo identities in every group of SPEC "Users" (the groups themselves are {@code AccessGrants}');
 * password {@value #PASSWORD} for all. Idempotent. Never on the production profile.
 */
public final class DemoUsers {

  public static final String PASSWORD = "demo";

  /** User id → [first name, last name, groups...]. */
  public static final Map<String, List<String>> USERS = new LinkedHashMap<>();

  static {
    USERS.put("manager1", List.of("王", "经理一", StaffGroups.CUSTOMER_MANAGER));
    USERS.put("manager2", List.of("李", "经理二", StaffGroups.CUSTOMER_MANAGER));
    USERS.put("head1", List.of("张", "部长", StaffGroups.DEPARTMENT_HEAD));
    for (int i = 1; i <= 7; i++) {
      USERS.put("committee" + i, List.of("委员" + i, "Committee member " + i, StaffGroups.COMMITTEE));
    }
    USERS.put("auditor1", List.of("赵", "稽核", StaffGroups.AUDITOR));
    for (int i = 1; i <= 3; i++) {
      USERS.put(
          "board" + i, List.of("问责委员" + i, "Board member " + i, StaffGroups.ACCOUNTABILITY_BOARD));
    }
    USERS.put("admin", List.of("系统", "管理员", StaffGroups.ADMIN, StaffGroups.CAMUNDA_ADMIN));
  }

  private DemoUsers() {}

  public static void ensure(IdentityService identity) {
    USERS.forEach(
        (id, details) -> {
          if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(details.get(0));
            user.setLastName(details.get(1));
            user.setEmail(id + "@demo.creditdiligence.local");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
          }
          for (String group : details.subList(2, details.size())) {
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
              identity.createMembership(id, group);
            }
          }
        });
  }
}
