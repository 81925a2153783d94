package com.creditdiligence.monitoring;

import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.NewEvidence;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.TaskSpec;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A monitoring report not done by its due date is itself a fact on record (§21, §23 → §27(三)),
 * with its dates, whoever held the case; the department head is then given a task.
 */
@Component("recordOverdueReport")
class RecordOverdueReport implements JavaDelegate {

  private final EvidenceLedger ledger;
  private final CaseFiles caseFiles;
  private final BusinessTime businessTime;

  RecordOverdueReport(EvidenceLedger ledger, CaseFiles caseFiles, BusinessTime businessTime) {
    this.ledger = ledger;
    this.caseFiles = caseFiles;
    this.businessTime = businessTime;
  }

  private static final TaskSpec REPORT = MonitoringReportRule.SPEC;
  private static final TaskSpec.Deadline ON_TIME = REPORT.deadline().orElseThrow();

  @Override
  public void execute(DelegateExecution execution) {
    // The manager the duty attaches to is whoever the case file says holds the case, not a
    // caseManager variable.
    String caseManager =
        caseFiles
            .find(execution.getProcessBusinessKey())
            .map(CaseFile::caseManager)
            .orElseThrow(
                () ->
                    new IllegalStateException("No case file " + execution.getProcessBusinessKey()));
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put(
        "dueAt",
        CanonicalForm.time(((Date) execution.getVariable("monitoringReportDue")).toInstant()));
    facts.put("monitoringRound", execution.getVariable("monitoringRound"));
    facts.put("caseManager", caseManager);
    facts.put("riskClass", execution.getVariable("riskClass"));
    ledger.append(
        NewEvidence.of(
                execution.getProcessBusinessKey(),
                RecordType.MONITORING_REPORT_OVERDUE,
                null,
                businessTime.now())
            .withProcess("guarantee-lifecycle", execution.getProcessInstanceId())
            .withDefinition(execution.getProcessDefinitionId())
            .withStep(REPORT.elementId(), null)
            .withDuty(REPORT.duty().code(), ON_TIME.clause() + " → " + ON_TIME.section27())
            .withAssignee(caseManager)
            .withFindings(CanonicalForm.json(facts)));
  }
}
