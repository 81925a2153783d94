package com.creditdiligence.casefile;

import com.creditdiligence.platform.SubmissionRefusedException;
import com.creditdiligence.submission.Refusal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The department head may hand a case to another customer manager: the case, its open tasks and its
 * later tasks follow; the ledger records each reassignment, so duties attach to whoever held the case.
 */
@Component("caseReassignment")
class CaseReassignment implements TaskListener {

  private final CaseFiles caseFiles;

  CaseReassignment(CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public void notify(DelegateTask task) {
    Object requested = task.getVariable("reassignTo");
    if (requested == null || requested.toString().isBlank()) {
      return;
    }
    String successor = requested.toString().trim();
    var identity = task.getProcessEngineServices().getIdentityService();
    if (identity.createUserQuery().userId(successor).memberOfGroup("customerManager").count() == 0) {
      throw new SubmissionRefusedException(task.getTaskDefinitionKey(), List.of(new Refusal("reassignTo",
          "用户 " + successor + " 不是客户经理 " + successor + " is not a customer manager")));
    }
    String businessKey = task.getExecution().getProcessBusinessKey();
    // Who held the case is the case file's fact, not the caseManager variable (which only the forms show).
    String predecessor = caseFiles.find(businessKey).map(CaseFile::caseManager)
        .orElseThrow(() -> new IllegalStateException("No case file " + businessKey));
    task.getExecution().setVariable("caseManager", successor);
    var tasks = task.getProcessEngineServices().getTaskService();
    for (Task open : tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId()).taskAssignee(predecessor).list()) {
      tasks.setAssignee(open.getId(), successor);
    }
    caseFiles.reassign(businessKey, predecessor, successor, ClockUtil.getCurrentTime().toInstant());
    task.setVariable("reassignTo", null);
  }
}
