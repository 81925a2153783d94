package com.creditdiligence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.MapAssert;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Where a case stands, asserted on the engine's public API alone (runtime and history): what the tests ask of a
 * process instance. Ours rather than the engine's bpm-assert so that the same tests run on either engine (README
 * «Engines»): the registry here does not serve Operaton's bpm-assert.
 */
public final class ProcessAssertions {

  private static ProcessEngine engine;

  private ProcessAssertions() {}

  /** The engine the assertions read; each test class sets it before it asserts. */
  public static void init(ProcessEngine processEngine) {
    engine = processEngine;
  }

  public static ProcessInstanceAssert assertThat(ProcessInstance actual) {
    if (engine == null) {
      throw new IllegalStateException("ProcessAssertions.init(engine) first");
    }
    return new ProcessInstanceAssert(engine, actual);
  }

  public static final class ProcessInstanceAssert
      extends AbstractAssert<ProcessInstanceAssert, ProcessInstance> {

    private final ProcessEngine engine;

    private ProcessInstanceAssert(ProcessEngine engine, ProcessInstance actual) {
      super(actual, ProcessInstanceAssert.class);
      this.engine = engine;
    }

    /** Still running, with a token at each of these activities (a waiting task, a timer, a job), nested ones too. */
    public ProcessInstanceAssert isWaitingAt(String... activityIds) {
      Assertions.assertThat(activityIds)
          .as("activity ids to look for")
          .isNotEmpty()
          .doesNotContainNull();
      ActivityInstance tree = engine.getRuntimeService().getActivityInstance(running().getId());
      // Activities inside the process, and the asynchronous continuations before or after them
      // (transitions).
      List<String> waitingAt =
          descendants(tree)
              .flatMap(
                  instance ->
                      Stream.concat(
                          instance == tree ? Stream.empty() : Stream.of(instance.getActivityId()),
                          Stream.of(instance.getChildTransitionInstances())
                              .map(TransitionInstance::getActivityId)))
              .toList();
      Assertions.assertThat(waitingAt)
          .as("activities %s waits at", actual.getId())
          .contains(activityIds);
      return this;
    }

    /** Each of these activities was completed at least once (history). */
    public ProcessInstanceAssert hasPassed(String... activityIds) {
      Assertions.assertThat(activityIds)
          .as("activity ids to look for")
          .isNotEmpty()
          .doesNotContainNull();
      Assertions.assertThat(passed())
          .as("activities %s has passed", actual.getId())
          .contains(activityIds);
      return this;
    }

    /** None of these activities was ever completed (history). */
    public ProcessInstanceAssert hasNotPassed(String... activityIds) {
      Assertions.assertThat(activityIds)
          .as("activity ids to look for")
          .isNotEmpty()
          .doesNotContainNull();
      Assertions.assertThat(passed())
          .as("activities %s has passed", actual.getId())
          .doesNotContain(activityIds);
      return this;
    }

    /** No longer running, and ended in history. */
    public ProcessInstanceAssert isEnded() {
      isNotNull();
      Assertions.assertThat(current()).as("%s still running", actual.getId()).isNull();
      HistoricProcessInstance history =
          engine
              .getHistoryService()
              .createHistoricProcessInstanceQuery()
              .processInstanceId(actual.getId())
              .singleResult();
      Assertions.assertThat(history).as("%s in history", actual.getId()).isNotNull();
      Assertions.assertThat(history.getEndTime()).as("end of %s", actual.getId()).isNotNull();
      return this;
    }

    /** Its one open task (none: an assertion on no task, which fails; several: the engine refuses). */
    public TaskAssert task() {
      isNotNull();
      return new TaskAssert(
          engine
              .getTaskService()
              .createTaskQuery()
              .processInstanceId(actual.getId())
              .singleResult());
    }

    /** Its variables: the current ones while it runs, the last values in history once it has ended. */
    public MapAssert<String, Object> variables() {
      isNotNull();
      if (current() != null) {
        return Assertions.assertThat(engine.getRuntimeService().getVariables(actual.getId()));
      }
      Map<String, Object> last = new HashMap<>();
      engine
          .getHistoryService()
          .createHistoricVariableInstanceQuery()
          .processInstanceId(actual.getId())
          .list()
          .forEach(variable -> last.put(variable.getName(), variable.getValue()));
      return Assertions.assertThat(last);
    }

    private ProcessInstance current() {
      return engine
          .getRuntimeService()
          .createProcessInstanceQuery()
          .processInstanceId(actual.getId())
          .singleResult();
    }

    private ProcessInstance running() {
      isNotNull();
      ProcessInstance current = current();
      Assertions.assertThat(current).as("%s running", actual.getId()).isNotNull();
      return current;
    }

    private List<String> passed() {
      isNotNull();
      return engine
          .getHistoryService()
          .createHistoricActivityInstanceQuery()
          .processInstanceId(actual.getId())
          .finished()
          .list()
          .stream()
          .map(HistoricActivityInstance::getActivityId)
          .toList();
    }

    private static Stream<ActivityInstance> descendants(ActivityInstance instance) {
      return Stream.concat(
          Stream.of(instance),
          Stream.of(instance.getChildActivityInstances())
              .flatMap(ProcessInstanceAssert::descendants));
    }
  }

  public static final class TaskAssert extends AbstractAssert<TaskAssert, Task> {

    private TaskAssert(Task actual) {
      super(actual, TaskAssert.class);
    }

    public TaskAssert isAssignedTo(String userId) {
      isNotNull();
      Assertions.assertThat(actual.getAssignee())
          .as("assignee of %s", actual.getTaskDefinitionKey())
          .isEqualTo(userId);
      return this;
    }
  }
}
