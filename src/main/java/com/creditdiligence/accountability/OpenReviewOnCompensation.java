package com.creditdiligence.accountability;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Compensation paid (代偿) opens an accountability review of the case, in the same transaction. The review's
 * start ({@link CompensationReviewTrigger}) sets the trigger and reason itself, from the record.
 */
@Component("openReviewOnCompensation")
class OpenReviewOnCompensation implements JavaDelegate {

  static final String MESSAGE = "AccountabilityReviewRequired";
  static final String COMPENSATION_PAID = "COMPENSATION_PAID";
  static final String REASON =
      "代偿已支付,依第二十七条审查 Compensation was paid; the case is reviewed under §27 and §28";

  @Override
  public void execute(DelegateExecution execution) {
    String caseKey = execution.getProcessBusinessKey();
    execution
        .getProcessEngineServices()
        .getRuntimeService()
        .createMessageCorrelation(MESSAGE)
        .processInstanceBusinessKey(caseKey)
        .correlateStartMessage();
  }
}
