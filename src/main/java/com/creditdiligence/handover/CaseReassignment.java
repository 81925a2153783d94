package com.creditdiligence.handover;

import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.SubmissionRefused;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The department head's review of an overdue report may hand the case to another customer manager (its
 * {@code reassignTo}): the case, its open tasks and its later tasks follow, as {@link CaseHandovers} does it; the
 * head's instruction is the reason on record.
 */
@Component("caseReassignment")
class CaseReassignment implements TaskListener {

  private final CaseHandovers handovers;
  private final BusinessTime businessTime;

  CaseReassignment(CaseHandovers handovers, BusinessTime businessTime) {
    this.handovers = handovers;
    this.businessTime = businessTime;
  }

  @Override
  public void notify(DelegateTask task) {
    Object requested = task.getVariable("reassignTo");
    if (requested == null || requested.toString().isBlank()) {
      return;
    }
    String successor = requested.toString().trim();
    String businessKey = task.getExecution().getProcessBusinessKey();
    Instant now = businessTime.now();
    Object instruction = task.getVariable("headInstruction");
    String reason = instruction == null ? null : instruction.toString();
    List<String> refused =
        handovers.refusals(
            businessKey,
            successor,
            reason,
            businessTime.dayOf(now),
            task.getProcessEngineServices());
    if (!refused.isEmpty()) {
      throw new SubmissionRefused(
          task.getTaskDefinitionKey(),
          refused.stream().map(message -> new Refusal("reassignTo", message)).toList());
    }
    handovers.handOver(
        businessKey, successor, reason, task.getAssignee(), now, task.getProcessEngineServices());
    task.setVariable("reassignTo", null);
  }
}
