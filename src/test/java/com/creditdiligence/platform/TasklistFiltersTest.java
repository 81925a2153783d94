package com.creditdiligence.platform;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.demo.LifecycleDriver;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each user lands on their own tasks, and each row says which case it is. */
@ApplicationTest
class TasklistFiltersTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void myTasksListsOnlyTheLoggedInUsersTasksWithTheCaseNumberShown() {
    String key = new LifecycleDriver(engine).apply("manager2", intake("苏州过滤公司", "workingCapitalLoan", 1_000_000, 12))
        .getBusinessKey();
    Filter mine = engine.getFilterService().createFilterQuery().filterName("我的任务 My tasks").singleResult();

    LifecycleDriver.signIn(engine, "manager2");
    List<Task> manager2Sees;
    try {
      manager2Sees = engine.getFilterService().list(mine.getId());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    assertThat(manager2Sees).isNotEmpty().allSatisfy(task -> assertThat(task.getAssignee()).isEqualTo("manager2"));
    assertThat(manager2Sees).anySatisfy(task -> assertThat(engine.getTaskService().getVariable(task.getId(), "caseKey"))
        .isEqualTo(key));
    assertThat(mine.getProperties().get("variables").toString()).contains("caseKey").contains("applicantName");
  }

  @Test
  void aManagerLandsOnTheirOwnListsAndTheDepartmentHeadAlsoOnAllOpenTasks() {
    assertThat(filterNamesSeenBy("manager1")).containsExactlyInAnyOrder("我的任务 My tasks", "我组的任务 My groups' tasks");
    assertThat(filterNamesSeenBy("head1")).contains("全部待办 All open tasks");
  }

  private List<String> filterNamesSeenBy(String user) {
    LifecycleDriver.signIn(engine, user);
    try {
      return engine.getFilterService().createFilterQuery().list().stream().map(Filter::getName).toList();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
