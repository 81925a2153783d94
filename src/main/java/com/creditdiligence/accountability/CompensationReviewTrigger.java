package com.creditdiligence.accountability;

import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.SubmissionRefused;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A review "opened on compensation paid" only when the case's record shows the compensation: the case
 * exists, and its chain holds the completed compensation step. The trigger, case and reason are the
 * server's, whatever the message carried, so a message correlated by hand (an administrator through
 * /engine-rest/message) can neither invent a compensation nor open a review of a case that does not exist.
 * The refusal rolls the start back: no review, no record.
 */
@Component("compensationReviewTrigger")
class CompensationReviewTrigger implements ExecutionListener {

  static final String COMPENSATION_STEP = "Task_RecordCompensation";

  private final CaseFiles caseFiles;
  private final EvidenceLedger ledger;

  CompensationReviewTrigger(CaseFiles caseFiles, EvidenceLedger ledger) {
    this.caseFiles = caseFiles;
    this.ledger = ledger;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseKey = execution.getProcessBusinessKey();
    if (caseKey == null || caseFiles.find(caseKey).isEmpty()) {
      throw refused(execution, "没有案件 " + caseKey + " No case " + caseKey);
    }
    boolean compensationOnRecord =
        ledger.summaries(caseKey, null, RecordType.TASK_COMPLETED.code(), null, null).stream()
            .anyMatch(record -> COMPENSATION_STEP.equals(record.elementId()));
    if (!compensationOnRecord) {
      throw refused(
          execution,
          "案件 "
              + caseKey
              + " 没有代偿记录,不能以代偿为由发起问责审查 Case "
              + caseKey
              + " has no compensation on record; a review cannot be opened as compensation paid");
    }
    execution.setVariable("caseKey", caseKey);
    execution.setVariable("reviewTrigger", OpenReviewOnCompensation.COMPENSATION_PAID);
    execution.setVariable("reviewReason", OpenReviewOnCompensation.REASON);
  }

  private static SubmissionRefused refused(DelegateExecution execution, String message) {
    return new SubmissionRefused(
        execution.getCurrentActivityId(), List.of(new Refusal("businessKey", message)));
  }
}
