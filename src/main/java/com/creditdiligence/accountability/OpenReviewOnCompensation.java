package com.creditdiligence.accountability;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Compensation paid (代偿) opens an accountability review of the case, in the same transaction. */
@Component("openReviewOnCompensation")
class OpenReviewOnCompensation implements JavaDelegate {

  static final String MESSAGE = "AccountabilityReviewRequired";
  static final String COMPENSATION_PAID = "COMPENSATION_PAID";

  @Override
  public void execute(DelegateExecution execution) {
    String caseKey = execution.getProcessBusinessKey();
    execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(MESSAGE)
        .processInstanceBusinessKey(caseKey)
        .setVariable("caseKey", caseKey)
        .setVariable("reviewTrigger", COMPENSATION_PAID)
        .setVariable("reviewReason", "代偿已支付,依第二十七条审查 Compensation was paid; the case is reviewed under §27 and §28")
        .correlateStartMessage();
  }
}
