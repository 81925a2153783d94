package com.creditdiligence.security;

import com.creditdiligence.platform.GroupGrants;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups of SPEC "Users" and what each may do in Camunda, created at every start (idempotently;
 * a grant is only ever widened to the permissions listed here). Tasks need no grant here: Camunda
 * gives each task's assignee and candidate groups the right to work on that task and no other, so a
 * manager sees only their own cases' tasks and a committee member only their own vote.
 */
@Component
@Order(0)
public class AccessGrants implements ApplicationRunner {

  /** Group id → bilingual name. Ids are alphanumeric (Camunda's default id pattern). */
  public static final Map<String, String> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put(Memberships.CUSTOMER_MANAGER, "客户经理 Customer managers");
    GROUPS.put(Memberships.DEPARTMENT_HEAD, "部门负责人 Department heads");
    GROUPS.put(Memberships.COMMITTEE, "担保审查委员会 Guarantee committee");
    GROUPS.put(Memberships.AUDITOR, "稽核 Auditors");
    GROUPS.put(Memberships.ACCOUNTABILITY_BOARD, "问责委员会 Accountability board");
    GROUPS.put(Memberships.ADMIN, "运维 Operations");
    GROUPS.put(Memberships.CAMUNDA_ADMIN, "Camunda 管理员 Camunda administrators");
  }

  record Grant(String group, Resource resource, String resourceId, Set<Permissions> permissions) {}

  private static final EnumSet<Permissions> READ = EnumSet.of(Permissions.READ);

  /** Everything every group may do that is not a task of its own. */
  static final List<Grant> GRANTS = grants();

  private final AuthorizationService authorizations;
  private final IdentityService identity;

  AccessGrants(AuthorizationService authorizations, IdentityService identity) {
    this.authorizations = authorizations;
    this.identity = identity;
  }

  private static List<Grant> grants() {
    List<Grant> grants = new java.util.ArrayList<>();
    for (String group : GROUPS.keySet()) {
      grants.add(
          new Grant(group, Resources.APPLICATION, "tasklist", EnumSet.of(Permissions.ACCESS)));
      // Names in Tasklist (assignees, candidate groups): who is who is not a secret inside the
      // company.
      grants.add(new Grant(group, Resources.USER, "*", READ));
      grants.add(new Grant(group, Resources.GROUP, "*", READ));
    }
    // Managers start cases and report events on them; everything else they do is their own tasks.
    for (String process : List.of("guarantee-lifecycle", "case-event-report")) {
      grants.add(
          new Grant(
              Memberships.CUSTOMER_MANAGER,
              Resources.PROCESS_DEFINITION,
              process,
              EnumSet.of(Permissions.READ, Permissions.CREATE_INSTANCE)));
    }
    grants.add(
        new Grant(
            Memberships.CUSTOMER_MANAGER,
            Resources.PROCESS_INSTANCE,
            "*",
            EnumSet.of(Permissions.CREATE)));
    // One department in this deployment: its heads see every case and every task, and change none
    // but their own.
    grants.add(
        new Grant(
            Memberships.DEPARTMENT_HEAD,
            Resources.PROCESS_DEFINITION,
            "*",
            EnumSet.of(Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_TASK)));
    grants.add(new Grant(Memberships.DEPARTMENT_HEAD, Resources.PROCESS_INSTANCE, "*", READ));
    grants.add(new Grant(Memberships.DEPARTMENT_HEAD, Resources.TASK, "*", READ));
    grants.add(
        new Grant(
            Memberships.DEPARTMENT_HEAD,
            Resources.PROCESS_DEFINITION,
            "case-event-report",
            EnumSet.of(Permissions.READ, Permissions.CREATE_INSTANCE)));
    grants.add(
        new Grant(
            Memberships.DEPARTMENT_HEAD,
            Resources.PROCESS_INSTANCE,
            "*",
            EnumSet.of(Permissions.CREATE)));
    // Auditors read everything, history included, and change nothing but the reviews they open and
    // work on.
    grants.add(
        new Grant(
            Memberships.AUDITOR, Resources.APPLICATION, "cockpit", EnumSet.of(Permissions.ACCESS)));
    grants.add(
        new Grant(
            Memberships.AUDITOR,
            Resources.PROCESS_DEFINITION,
            "*",
            EnumSet.of(
                Permissions.READ,
                Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY,
                Permissions.READ_TASK)));
    grants.add(
        new Grant(
            Memberships.AUDITOR,
            Resources.DECISION_DEFINITION,
            "*",
            EnumSet.of(Permissions.READ, Permissions.READ_HISTORY)));
    grants.add(
        new Grant(Memberships.AUDITOR, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ));
    grants.add(new Grant(Memberships.AUDITOR, Resources.DEPLOYMENT, "*", READ));
    grants.add(new Grant(Memberships.AUDITOR, Resources.PROCESS_INSTANCE, "*", READ));
    grants.add(new Grant(Memberships.AUDITOR, Resources.TASK, "*", READ));
    grants.add(
        new Grant(
            Memberships.AUDITOR,
            Resources.PROCESS_DEFINITION,
            "accountability-review",
            EnumSet.of(Permissions.READ, Permissions.CREATE_INSTANCE)));
    grants.add(
        new Grant(
            Memberships.AUDITOR, Resources.PROCESS_INSTANCE, "*", EnumSet.of(Permissions.CREATE)));
    // Operations administer the platform.
    for (String group : List.of(Memberships.ADMIN, Memberships.CAMUNDA_ADMIN)) {
      for (Resources resource : Resources.values()) {
        grants.add(new Grant(group, resource, "*", EnumSet.of(Permissions.ALL)));
      }
    }
    return List.copyOf(grants);
  }

  @Override
  public void run(ApplicationArguments args) {
    GROUPS.forEach(this::ensureGroup);
    GRANTS.forEach(
        g ->
            GroupGrants.grant(
                authorizations, g.group(), g.resource(), g.resourceId(), g.permissions()));
  }

  private void ensureGroup(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(id.equals(Memberships.CAMUNDA_ADMIN) ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(group);
    }
  }
}
