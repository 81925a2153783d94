package com.creditdiligence.events;

import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.platform.SubmissionRefusedException;
import com.creditdiligence.submission.Refusal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** A report runs under the case's own business key, so that it stands in the case's evidence chain. */
@Component("caseEventReportKey")
class CaseEventReportKey implements ExecutionListener {

  private final CaseFiles caseFiles;

  CaseEventReportKey(CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseKey = (String) execution.getVariable("caseKey");
    if (caseFiles.find(caseKey).isEmpty()) {
      throw new SubmissionRefusedException("StartEvent_EventReported",
          List.of(new Refusal("caseKey", "没有案件 " + caseKey + " No case " + caseKey)));
    }
    execution.setProcessBusinessKey(caseKey);
  }
}
