package com.creditdiligence.monitoring;

import static com.creditdiligence.demo.DemoSubmissions.compensation;
import static com.creditdiligence.demo.DemoSubmissions.preservationMeasures;
import static com.creditdiligence.demo.DemoSubmissions.problemHandling;
import static com.creditdiligence.demo.TestSubmissions.monitoringReport;

import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.submission.BusinessTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Stages 6–8 on an issued guarantee, driven as its manager and the engine's timers would: for the tests
 * and the e2e form gallery. Steps that depend on time move the engine's clock; the caller resets it
 * ({@link ClockUtil#reset()}).
 */
public class PostGuaranteeSteps {

  private final ProcessEngine engine;
  private final CaseEvents events;
  private final LifecycleDriver driver;

  public PostGuaranteeSteps(ProcessEngine engine, CaseEvents events) {
    this.engine = engine;
    this.events = events;
    this.driver = new LifecycleDriver(engine);
  }

  /** An issued guarantee that goes bad: a warning signal, preservation measures (late by the given days), compensation. */
  public String compensatedCase(String manager, String applicant, int measuresDaysAfterSignal) {
    String key = driver.issuedGuarantee(manager, applicant, 1_000_000).getBusinessKey();
    payCompensation(key, manager, measuresDaysAfterSignal);
    return key;
  }

  /** Moves the clock by the given days between the warning signal and the measures. */
  public void payCompensation(String key, String manager, int measuresDaysAfterSignal) {
    Instant signalled = ClockUtil.getCurrentTime().toInstant();
    events.warningSignal(
        key,
        "financialCondition",
        "fc01",
        "连续两期利息逾期 Two interest payments missed",
        LocalDate.ofInstant(signalled, BusinessTime.DEFAULT_ZONE),
        signalled);
    ClockUtil.setCurrentTime(Date.from(signalled.plus(measuresDaysAfterSignal, ChronoUnit.DAYS)));
    driver.completeInCase(key, "Task_PreservationMeasures", manager, preservationMeasures(true));
    driver.completeInCase(key, "Task_ProblemHandling", manager, problemHandling("compensated"));
    driver.completeInCase(
        key, "Task_RecordCompensation", manager, compensation(1_000_000, 400_000));
  }

  /** Moves the clock a day past the monitoring report's deadline and fires its overdue timer. */
  public void letMonitoringReportFallOverdue(String processInstanceId) {
    ManagementService management = engine.getManagementService();
    Job overdueTimer =
        management.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
    ClockUtil.setCurrentTime(
        Date.from(overdueTimer.getDuedate().toInstant().plus(1, ChronoUnit.DAYS)));
    management.executeJob(overdueTimer.getId());
  }

  /** The manager reports the guarantee substandard, terminates its unused limits and, recovered, asks to use them again. */
  public void requestLimitReuse(String key, String manager) {
    driver.completeInCase(
        key,
        "Task_MonitoringReport",
        manager,
        monitoringReport("substandard", 95, "transferToProblemHandling"));
    var measures = problemHandling("recoveredContinue");
    measures.put("measures", SpinValues.jsonValue("[\"terminateUnusedLimits\"]").create());
    measures.put("requestLimitReuse", true);
    driver.completeInCase(key, "Task_ProblemHandling", manager, measures);
  }
}
