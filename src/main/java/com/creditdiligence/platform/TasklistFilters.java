package com.creditdiligence.platform;

import com.creditdiligence.casefile.StaffGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist lists a user lands on: their own tasks, the tasks offered to them and their groups' open tasks, each row showing the
 * case number and the applicant (tasks of different cases otherwise look the same). Created once.
 */
@Component
@Order(2)
class TasklistFilters implements ApplicationRunner {

  /** The variables each row shows besides the task's name: the case number and the applicant. */
  static final List<String> COLUMNS = List.of("caseKey", "applicantName");

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> everyone = StaffGroups.ALL;
    ensure(
        "我的任务 My tasks",
        -10,
        "分配给我的任务 Tasks assigned to me",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
        everyone);
    // A task offered to people by name (camunda:candidateUsers, e.g. «申诉复核» to the board members
    // who did not
    // decide the case) is in no group's list: each person it is offered to finds it here until
    // someone takes it.
    // The engine also counts the candidate groups the user belongs to, so this one list holds all
    // they may take.
    ensure(
        "待我处理 Offered to me",
        -8,
        "可由我认领的任务(点名给我或我所在组) Tasks I may claim, offered to me or my groups",
        tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}"),
        everyone);
    ensure(
        "我组的任务 My groups' tasks",
        -5,
        "我所在组可认领的任务 Open tasks my groups may claim",
        tasks
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .taskUnassigned(),
        everyone);
    // Those who watch over the department's work land on all of it (what each may see of it,
    // Camunda decides).
    ensure(
        "全部待办 All open tasks",
        0,
        "部门所有未完成任务,按到期日 Every open task, soonest due first",
        tasks.createTaskQuery().orderByDueDate().asc(),
        List.of(
            StaffGroups.DEPARTMENT_HEAD,
            StaffGroups.AUDITOR,
            StaffGroups.ADMIN,
            StaffGroups.CAMUNDA_ADMIN));
  }

  private void ensure(
      String name, int priority, String description, TaskQuery query, List<String> groups) {
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      grantRead(existing.getId(), groups);
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put(
        "variables",
        List.of(
            Map.of("name", COLUMNS.get(0), "label", "案件 Case"),
            Map.of("name", COLUMNS.get(1), "label", "申请人 Applicant")));
    Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
    filters.saveFilter(filter);
    grantRead(filter.getId(), groups);
  }

  /** A filter is shown to the groups it is made for. */
  private void grantRead(String filterId, List<String> groups) {
    groups.forEach(
        group ->
            GroupGrants.grant(
                authorizations, group, Resources.FILTER, filterId, List.of(Permissions.READ)));
  }
}
