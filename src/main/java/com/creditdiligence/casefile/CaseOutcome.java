package com.creditdiligence.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Called from the BPMN where a case changes stage or ends: {@code ${caseOutcome.record(execution, 'RELEASED')}}. */
@Component("caseOutcome")
public class CaseOutcome {

  private final CaseFiles caseFiles;

  public CaseOutcome(CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
  }

  public void record(DelegateExecution execution, String status) {
    caseFiles.changeStatus(execution.getProcessBusinessKey(), CaseStatus.valueOf(status), null,
        ClockUtil.getCurrentTime().toInstant());
  }
}
