package com.creditdiligence.platform;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each user lands on their own tasks, and each row says which case it is. */
@ApplicationTest
class TasklistFiltersTest {

  @Autowired ProcessEngine engine;
  @Autowired Http http;
  @Autowired CaseEvents events;

  @Test
  void myTasksListsOnlyTheLoggedInUsersTasksWithTheCaseNumberShown() {
    String key =
        new LifecycleDriver(engine)
            .apply("manager2", intake("苏州过滤公司", "workingCapitalLoan", 1_000_000, 12))
            .getBusinessKey();
    Filter mine =
        engine.getFilterService().createFilterQuery().filterName("我的任务 My tasks").singleResult();

    LifecycleDriver.signIn(engine, "manager2");
    List<Task> manager2Sees;
    try {
      manager2Sees = engine.getFilterService().list(mine.getId());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    assertThat(manager2Sees)
        .isNotEmpty()
        .allSatisfy(task -> assertThat(task.getAssignee()).isEqualTo("manager2"));
    assertThat(manager2Sees)
        .anySatisfy(
            task ->
                assertThat(engine.getTaskService().getVariable(task.getId(), "caseKey"))
                    .isEqualTo(key));
    assertThat(mine.getProperties().get("variables").toString())
        .contains("caseKey")
        .contains("applicantName");
  }

  @Test
  void tasklistShowsEachRowsCaseAndApplicantToTheManagerWhoseTaskItIs() {
    String key =
        new LifecycleDriver(engine)
            .apply(
                "manager2", intake("苏州列表公司 Suzhou List Co.", "workingCapitalLoan", 1_000_000, 12))
            .getBusinessKey();
    Filter mine =
        engine.getFilterService().createFilterQuery().filterName("我的任务 My tasks").singleResult();

    // As Tasklist asks for a filter's rows: HAL, with the filter's variables embedded.
    JsonNode rows =
        http.post("/engine-rest/filter/" + mine.getId() + "/list?firstResult=0&maxResults=50")
            .as("manager2")
            .header("Accept", "application/hal+json")
            .json("{}")
            .send()
            .json();

    JsonNode row =
        StreamSupport.stream(rows.at("/_embedded/task").spliterator(), false)
            .filter(task -> task.at("/_embedded/variable").findValuesAsText("value").contains(key))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row shows the case " + key + ": " + rows));
    assertThat(row.path("name").asText()).isEqualTo("客户调查 Customer investigation (§5–§14)");
    assertThat(row.at("/_embedded/variable").findValuesAsText("value"))
        .contains("苏州列表公司 Suzhou List Co.");
  }

  @Test
  void aCommitteeMemberReadsOfTheCaseOnlyTheColumnsOnTheirOwnVotesRow() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String id =
        driver
            .toCommittee(
                "manager2", intake("苏州表决列公司", "workingCapitalLoan", 1_000_000, 12), "approve")
            .getId();
    String member = driver.voters(id).get(0);
    String vote = driver.taskOf(id, "Task_CommitteeVote", member).getId();

    LifecycleDriver.signIn(engine, member);
    List<VariableInstance> readable;
    try {
      readable =
          engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(id).list();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    assertThat(readable)
        .extracting(v -> v.getName())
        .containsExactlyInAnyOrder("caseKey", "applicantName");
    assertThat(readable).allSatisfy(v -> assertThat(v.getTaskId()).isEqualTo(vote));
  }

  @Test
  void anAccountabilityReviewsTasksShowTheCaseAndApplicantToo() {
    String key;
    try {
      key =
          new PostGuaranteeSteps(engine, events)
              .compensatedCase("manager2", "苏州审查列公司 Suzhou Review Row Co.", 0);
    } finally {
      ClockUtil.reset();
    }
    Task auditorReview =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(key)
            .taskDefinitionKey("Task_AuditorReview")
            .singleResult();

    assertThat(engine.getTaskService().getVariablesLocal(auditorReview.getId()))
        .containsEntry("caseKey", key)
        .containsEntry("applicantName", "苏州审查列公司 Suzhou Review Row Co.");
  }

  @Test
  void aManagerLandsOnTheirOwnListsAndTheDepartmentHeadAlsoOnAllOpenTasks() {
    // their own tasks, those offered to them (by name or through a group), their groups' tasks
    assertThat(filterNamesSeenBy("manager1"))
        .containsExactlyInAnyOrder("我的任务 My tasks", "待我处理 Offered to me", "我组的任务 My groups' tasks");
    assertThat(filterNamesSeenBy("head1")).contains("全部待办 All open tasks");
  }

  private List<String> filterNamesSeenBy(String user) {
    LifecycleDriver.signIn(engine, user);
    try {
      return engine.getFilterService().createFilterQuery().list().stream()
          .map(Filter::getName)
          .toList();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
