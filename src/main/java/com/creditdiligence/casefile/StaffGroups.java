package com.creditdiligence.casefile;

import java.util.List;

/**
 * The staff's groups, by the ids the identity service, the models' candidate groups and the doors all use: the one
 * place they are spelled. Who belongs to a group is the identity service's ({@code security.Memberships}).
 */
public final class StaffGroups {

  /** 客户经理 Customer managers (the rule book's «客户经理»). */
  public static final String CUSTOMER_MANAGER = "customerManager";

  /** 部门负责人 Department heads. */
  public static final String DEPARTMENT_HEAD = "departmentHead";

  /** 评审委员会 The guarantee committee's members. */
  public static final String COMMITTEE = "committee";

  /** The application's administrators. */
  public static final String ADMIN = "admin";

  /** Camunda's own administrators (the webapps' admin group). */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** 稽核 Auditors. */
  public static final String AUDITOR = "auditor";

  /** 问责委员会 The accountability board. */
  public static final String ACCOUNTABILITY_BOARD = "accountabilityBoard";

  /** Every group, in the order the staff's work flows. */
  public static final List<String> ALL =
      List.of(
          CUSTOMER_MANAGER,
          DEPARTMENT_HEAD,
          COMMITTEE,
          AUDITOR,
          ACCOUNTABILITY_BOARD,
          ADMIN,
          CAMUNDA_ADMIN);

  private StaffGroups() {}
}
