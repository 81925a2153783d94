package com.creditdiligence.monitoring;

import com.creditdiligence.platform.EngineValues;
import com.creditdiligence.platform.FormFieldDefaults;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.TaskSpec.Field;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets the due date of the next monitoring report from the interval the frequency table gave, and
 * gives the manager an empty report: last round's answers are in the ledger, not to be filed again.
 */
@Component("scheduleMonitoringReport")
class ScheduleMonitoringReport implements JavaDelegate {

  private final BusinessTime businessTime;

  ScheduleMonitoringReport(BusinessTime businessTime) {
    this.businessTime = businessTime;
  }

  /** The report's fields and its adjustment's approval, all but the class, which the form shows as the class on record until the manager changes it. */
  static final List<Field> REPORT_FIELDS =
      java.util.stream.Stream.concat(
              MonitoringReportRule.SPEC.fields().stream(),
              AdjustmentApprovalRule.SPEC.fields().stream())
          .filter(field -> !field.name().equals("riskClass"))
          .toList();

  @Override
  public void execute(DelegateExecution execution) {
    int interval = ((Number) execution.getVariable("monitoringIntervalDays")).intValue();
    LocalDate today = businessTime.today();
    LocalDate anchor = previousDue(execution, today);
    LocalDate due = MonitoringSchedule.nextDue(anchor, interval, today);
    // Due at the end of that day in the business zone: 2027-03-02 is 2027-03-02T23:59:59+08:00 in
    // Beijing.
    execution.setVariable("monitoringReportDue", Date.from(businessTime.days().endOf(due)));
    Integer round = (Integer) execution.getVariable("monitoringRound");
    execution.setVariable("monitoringRound", round == null ? 1 : round + 1);
    REPORT_FIELDS.forEach(
        field -> execution.setVariable(field.name(), FormFieldDefaults.empty(field)));
    if (execution.getVariable("riskClass") == null) {
      execution.setVariable("riskClass", RiskClass.normal.name());
    }
    // What the form shows as the class on record: the select beside it changes as the manager
    // chooses.
    execution.setVariable("riskClassOnRecord", execution.getVariable("riskClass"));
  }

  /** The previous report's due date; for the first report, the day the guarantee was issued. */
  private LocalDate previousDue(DelegateExecution execution, LocalDate today) {
    Object previous =
        EngineValues.plain(execution.getVariable("monitoringReportDue"), businessTime.zone());
    if (previous instanceof LocalDate date) {
      return date;
    }
    Object issuedOn = execution.getVariable("issuedOn");
    return issuedOn == null ? today : LocalDate.parse(issuedOn.toString().substring(0, 10));
  }
}
