package com.creditdiligence.casefile;

import static com.creditdiligence.ProcessAssertions.assertThat;
import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.investigation;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.ProcessAssertions;
import com.creditdiligence.demo.LifecycleDriver;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The case's manager is the case file's: only a reassignment changes it, never a caseManager variable. */
@ApplicationTest
class CaseManagerFromRecordTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseFiles caseFiles;

  LifecycleDriver driver;

  @BeforeEach
  void setUp() {
    driver = new LifecycleDriver(engine);
    ProcessAssertions.init(engine);
  }

  @Test
  void aForgedCaseManagerDoesNotTakeTheCasesNextTask() {
    ProcessInstance guaranteeCase =
        driver.apply("manager1", intake("常州经办甲公司", "workingCapitalLoan", 1_000_000, 12));
    Map<String, Object> investigated = investigation(false);
    investigated.put("caseManager", "manager2");
    driver.complete(guaranteeCase.getId(), "Task_CustomerInvestigation", "manager1", investigated);

    assertThat(guaranteeCase)
        .isWaitingAt("Task_AnalysisEvaluation")
        .task()
        .isAssignedTo("manager1");
  }

  @Test
  void theApplicantIsWhoeverSubmitsTheIntakeNotACaseManagerItNames() {
    Map<String, Object> application = intake("常州经办乙公司", "workingCapitalLoan", 1_000_000, 12);
    application.put("caseManager", "manager2");

    ProcessInstance guaranteeCase = driver.apply("manager1", application);

    assertThat(guaranteeCase)
        .isWaitingAt("Task_CustomerInvestigation")
        .task()
        .isAssignedTo("manager1");
    assertThat(caseFiles.find(guaranteeCase.getBusinessKey()).orElseThrow().caseManager())
        .isEqualTo("manager1");
    assertThat(caseFiles.appliedBy(guaranteeCase.getBusinessKey())).contains("manager1");
  }
}
