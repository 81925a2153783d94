package com.creditdiligence.platform;

import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.casefile.CaseStatus;
import com.creditdiligence.submission.BusinessTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Called from the BPMN where a case changes stage or ends: {@code ${caseOutcome.record(execution, 'RELEASED')}}. */
@Component("caseOutcome")
public class CaseOutcome {

  private final CaseFiles caseFiles;
  private final BusinessTime businessTime;

  public CaseOutcome(CaseFiles caseFiles, BusinessTime businessTime) {
    this.caseFiles = caseFiles;
    this.businessTime = businessTime;
  }

  public void record(DelegateExecution execution, String status) {
    caseFiles.changeStatus(
        execution.getProcessBusinessKey(), CaseStatus.valueOf(status), null, businessTime.now());
  }
}
