package com.creditdiligence.platform;

import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.submission.Refusal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A process started about an existing case (an event report, an accountability review) runs under the
 * case's own business key, given as {@code caseKey} on its start form, so that it stands in the case's
 * evidence chain.
 */
@Component("caseBusinessKey")
class CaseBusinessKey implements ExecutionListener {

  private final CaseFiles caseFiles;

  CaseBusinessKey(CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseKey = (String) execution.getVariable("caseKey");
    if (caseKey == null || caseFiles.find(caseKey).isEmpty()) {
      throw new SubmissionRefusedException(
          execution.getCurrentActivityId(),
          List.of(new Refusal("caseKey", "没有案件 " + caseKey + " No case " + caseKey)));
    }
    execution.setProcessBusinessKey(caseKey);
  }
}
