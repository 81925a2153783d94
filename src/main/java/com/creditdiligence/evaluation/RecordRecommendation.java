package com.creditdiligence.evaluation;

import com.creditdiligence.casefile.CaseFiles;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of the (already validated) evaluation: keeps its recommendation on the case file, the
 * one the committee's decision is compared with. A recommendation variable written later decides nothing.
 */
@Component("recordRecommendation")
class RecordRecommendation implements TaskListener {

  private final CaseFiles caseFiles;

  RecordRecommendation(CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public void notify(DelegateTask task) {
    caseFiles.recordRecommendation(
        task.getExecution().getProcessBusinessKey(),
        task.getVariable("recommendation").toString().trim());
  }
}
