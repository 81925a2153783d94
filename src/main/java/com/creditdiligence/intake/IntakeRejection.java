package com.creditdiligence.intake;

import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.casefile.CaseStatus;
import com.creditdiligence.submission.BusinessTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An ineligible application ends here: the eligibility table's reasons go on the case file. */
@Component("intakeRejection")
class IntakeRejection implements JavaDelegate {

  private final CaseFiles caseFiles;
  private final BusinessTime businessTime;

  IntakeRejection(CaseFiles caseFiles, BusinessTime businessTime) {
    this.caseFiles = caseFiles;
    this.businessTime = businessTime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    List<Object> failures = (List<Object>) execution.getVariable("eligibilityFailures");
    String reasons =
        failures.stream().map(IntakeRejection::reasonOf).collect(Collectors.joining("\n"));
    execution.setVariable("rejectionReasons", reasons);
    caseFiles.changeStatus(
        execution.getProcessBusinessKey(),
        CaseStatus.REJECTED_AT_INTAKE,
        reasons,
        businessTime.now());
  }

  /** collectEntries yields the reason text itself; tolerate a whole row too. */
  private static String reasonOf(Object failure) {
    return failure instanceof Map<?, ?> row
        ? String.valueOf(row.get("reason"))
        : String.valueOf(failure);
  }
}
