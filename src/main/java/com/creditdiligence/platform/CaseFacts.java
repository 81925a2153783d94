package com.creditdiligence.platform;

import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The case file's facts for the models' expressions ({@code ${caseFacts.managerOf(execution)}}): who holds
 * the case, what was applied for. Read from case_file by the process's business key (the engine's, not a
 * variable), so a process variable of the same name, which a business user could write, decides nothing;
 * a reassignment ({@code handover.CaseReassignment}, which updates case_file) is the only way to change the manager.
 */
@Component("caseFacts")
public class CaseFacts {

  private final CaseFiles caseFiles;

  CaseFacts(CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
  }

  public String managerOf(DelegateExecution execution) {
    return of(execution).caseManager();
  }

  public String productOf(DelegateExecution execution) {
    return of(execution).product();
  }

  /** The amount applied for, as a number the decision tables compare (their inputs are doubles). */
  public double amountOf(DelegateExecution execution) {
    return of(execution).amount().doubleValue();
  }

  private CaseFile of(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    return caseFiles
        .find(businessKey)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No case file " + businessKey + " for " + execution.getId()));
  }
}
