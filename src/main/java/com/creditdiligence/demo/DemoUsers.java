package com.creditdiligence.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/** Demo identities of every group in SPEC "Users"; password {@value #PASSWORD} for all. Idempotent. */
public final class DemoUsers {

  public static final String PASSWORD = "demo";

  /** Group id → bilingual name. Ids are alphanumeric (Camunda's default id pattern). */
  static final Map<String, String> GROUPS = new LinkedHashMap<>();
  /** User id → [first name, last name, groups...]. */
  static final Map<String, List<String>> USERS = new LinkedHashMap<>();

  static {
    GROUPS.put("customerManager", "客户经理 Customer managers");
    GROUPS.put("departmentHead", "部门负责人 Department heads");
    GROUPS.put("committee", "担保审查委员会 Guarantee committee");
    GROUPS.put("auditor", "稽核 Auditors");
    GROUPS.put("accountabilityBoard", "问责委员会 Accountability board");
    GROUPS.put("admin", "运维 Operations");
    USERS.put("manager1", List.of("王", "经理一", "customerManager"));
    USERS.put("manager2", List.of("李", "经理二", "customerManager"));
    USERS.put("head1", List.of("张", "部长", "departmentHead"));
    for (int i = 1; i <= 7; i++) {
      USERS.put("committee" + i, List.of("委员" + i, "Committee member " + i, "committee"));
    }
    USERS.put("auditor1", List.of("赵", "稽核", "auditor"));
    for (int i = 1; i <= 3; i++) {
      USERS.put("board" + i, List.of("问责委员" + i, "Board member " + i, "accountabilityBoard"));
    }
    USERS.put("admin", List.of("系统", "管理员", "admin", "camunda-admin"));
  }

  private DemoUsers() {
  }

  public static void ensure(IdentityService identity) {
    GROUPS.forEach((id, name) -> ensureGroup(identity, id, name));
    ensureGroup(identity, "camunda-admin", "Camunda 管理员 Camunda administrators");
    USERS.forEach((id, details) -> {
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

  private static void ensureGroup(IdentityService identity, String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }
}
