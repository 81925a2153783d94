package com.creditdiligence.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.e2e.FormGallery;
import com.creditdiligence.e2e.FormGallery.FormOnScreen;
import com.creditdiligence.events.CaseEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every task is findable: for each user task of each deployed process, a task of that kind, brought about the
 * way real cases bring it (the form gallery's cases), is listed by some Tasklist filter that each user who may
 * take it can read: its assignee, or, while nobody has taken it, every candidate user and every member of a
 * candidate group. A task only a deep link reaches is not done by anyone.
 */
@ApplicationTest
class EveryTaskIsFindableTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired ReviewStore reviews;

  @Test
  void everyUserTaskOfEveryProcessIsListedInAFilterOfEachUserWhoMayTakeIt() {
    Map<String, Task> taskOfEachKind = new LinkedHashMap<>();
    for (FormOnScreen screen : new FormGallery(engine, events, reviews).prepare()) {
      if (!screen.isStartForm()) {
        Task task =
            engine.getTaskService().createTaskQuery().taskId(screen.taskId()).singleResult();
        taskOfEachKind.put(
            task.getProcessDefinitionId().split(":")[0] + "/" + task.getTaskDefinitionKey(), task);
      }
    }

    List<String> userTasks = userTasksOfDeployedProcesses();
    assertThat(userTasks).as("user tasks of the deployed processes").isNotEmpty();
    assertThat(taskOfEachKind.keySet())
        .as("a case brings each kind of task about")
        .containsAll(userTasks);

    List<String> unfindable = new ArrayList<>();
    int checked = 0;
    for (String kind : userTasks) {
      Task task = taskOfEachKind.get(kind);
      for (String user : mayTake(task)) {
        checked++;
        List<String> filters = filtersListing(user, task.getId());
        if (filters.isEmpty()) {
          unfindable.add(kind + " (" + task.getName() + ") for " + user);
        }
      }
    }
    assertThat(checked).as("users checked").isGreaterThanOrEqualTo(userTasks.size());
    assertThat(unfindable).as("tasks in no filter their user can read").isEmpty();
  }

  @Test
  void theAppealDecisionOfferedToTheOtherBoardMembersByNameIsInTheirOfferedToMeList() {
    Task appealDecision =
        engine
            .getTaskService()
            .createTaskQuery()
            .taskDefinitionKey("Task_AppealDecision")
            .taskUnassigned()
            .active()
            .list()
            .stream()
            .findFirst()
            .orElseGet(
                () -> {
                  String id =
                      new FormGallery(engine, events, reviews)
                          .prepare().stream()
                              .filter(screen -> "Form_AppealDecision".equals(screen.formId()))
                              .findFirst()
                              .orElseThrow()
                              .taskId();
                  return engine.getTaskService().createTaskQuery().taskId(id).singleResult();
                });
    List<String> candidates =
        engine.getTaskService().getIdentityLinksForTask(appealDecision.getId()).stream()
            .filter(
                link ->
                    IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
            .map(IdentityLink::getUserId)
            .toList();

    assertThat(candidates).as("offered by name").isNotEmpty();
    assertThat(candidates)
        .allSatisfy(
            member ->
                assertThat(filtersListing(member, appealDecision.getId()))
                    .contains("待我处理 Offered to me"));
  }

  /** Each user task (process key / task id) of the latest version of each deployed process. */
  private List<String> userTasksOfDeployedProcesses() {
    List<String> kinds = new ArrayList<>();
    for (ProcessDefinition process :
        engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()) {
      engine
          .getRepositoryService()
          .getBpmnModelInstance(process.getId())
          .getModelElementsByType(UserTask.class)
          .forEach(task -> kinds.add(process.getKey() + "/" + task.getId()));
    }
    return kinds;
  }

  /** Its assignee; or, while nobody has taken it, its candidate users and the members of its candidate groups. */
  private Set<String> mayTake(Task task) {
    Set<String> users = new LinkedHashSet<>();
    if (task.getAssignee() != null) {
      users.add(task.getAssignee());
      return users;
    }
    for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        users.add(link.getUserId());
      } else {
        engine
            .getIdentityService()
            .createUserQuery()
            .memberOfGroup(link.getGroupId())
            .list()
            .stream()
            .map(User::getId)
            .forEach(users::add);
      }
    }
    assertThat(users)
        .as("who may take %s (%s)", task.getTaskDefinitionKey(), task.getId())
        .isNotEmpty();
    return users;
  }

  /**
   * The names of the filters the user can read whose list holds the task, each run as Tasklist runs it: as that
   * user, with the filter's own query (narrowed to the one task, so that the other tests' tasks need not be read).
   */
  private List<String> filtersListing(String user, String taskId) {
    FilterService filters = engine.getFilterService();
    LifecycleDriver.signIn(engine, user);
    try {
      List<String> listing = new ArrayList<>();
      for (Filter filter : filters.createFilterQuery().list()) {
        if (filters
            .list(filter.getId(), engine.getTaskService().createTaskQuery().taskId(taskId))
            .stream()
            .anyMatch(task -> task.getId().equals(taskId))) {
          listing.add(filter.getName());
        }
      }
      return listing;
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
