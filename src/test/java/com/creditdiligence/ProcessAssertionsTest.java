package com.creditdiligence;

import static com.creditdiligence.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tests' process assertions say no when a case is elsewhere: on a one-task model in an engine of its own. */
class ProcessAssertionsTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    engine =
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
            .setProcessEngineName("processAssertionsTest")
            .setJdbcUrl("jdbc:h2:mem:process-assertions-test;DB_CLOSE_DELAY=-1")
            .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
            .setJobExecutorActivate(false)
            .buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "one-task.bpmn",
            Bpmn.createExecutableProcess("oneTask")
                .camundaHistoryTimeToLive(1)
                .startEvent("Start")
                .userTask("Task_Work")
                .camundaAssignee("worker")
                .endEvent("End_Done")
                .done())
        .addModelInstance(
            "async-step.bpmn",
            Bpmn.createExecutableProcess("asyncStep")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_Later")
                .camundaAsyncBefore()
                .camundaExpression("${true}")
                .endEvent()
                .done())
        .deploy();
    ProcessAssertions.init(engine);
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @Test
  void aCaseWaitingAtItsTaskIsNeitherEndedNorPastIt() {
    ProcessInstance waiting = engine.getRuntimeService().startProcessInstanceByKey("oneTask");

    assertThat(waiting)
        .isWaitingAt("Task_Work")
        .hasPassed("Start")
        .hasNotPassed("Task_Work", "End_Done")
        .task()
        .isAssignedTo("worker");
    assertThatThrownBy(() -> assertThat(waiting).isWaitingAt("End_Done"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(waiting).isEnded()).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(waiting).hasPassed("Task_Work"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(waiting).task().isAssignedTo("someoneElse"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aCaseWhoseNextStepRunsLaterWaitsAtThatStep() {
    ProcessInstance queued = engine.getRuntimeService().startProcessInstanceByKey("asyncStep");

    assertThat(queued).isWaitingAt("Task_Later").hasNotPassed("Task_Later");
  }

  @Test
  void anEndedCaseHasPassedItsStepsAndKeepsItsVariablesInHistory() {
    ProcessInstance done = engine.getRuntimeService().startProcessInstanceByKey("oneTask");
    engine
        .getTaskService()
        .complete(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(done.getId())
                .singleResult()
                .getId(),
            java.util.Map.of("outcome", "approved"));

    assertThat(done).isEnded().hasPassed("Task_Work", "End_Done");
    assertThat(done).variables().containsEntry("outcome", "approved");
    assertThatThrownBy(() -> assertThat(done).hasNotPassed("Task_Work"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(done).isWaitingAt("Task_Work"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(done).task().isAssignedTo("worker"))
        .isInstanceOf(AssertionError.class);
  }
}
