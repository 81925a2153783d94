package com.creditdiligence.platform;

import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Runs the element's {@link TaskRule} on every completion of a user task and on every start form,
 * whichever way it arrives (Tasklist, /engine-rest, Java API). Attached to every element by
 * {@link DiligenceParseListener}, as a built-in listener so that skipping custom listeners
 * cannot skip it. A refusal throws, and the engine's transaction rolls back entirely; the refusal is kept
 * afterwards ({@link RefusalUnwrappingInterceptor}).
 */
class SubmissionGuard implements TaskListener, ExecutionListener {

  static final int MAX_TEXT = 4000;

  private final TaskRules rules;
  private final BusinessTime businessTime;

  SubmissionGuard(TaskRules rules, BusinessTime businessTime) {
    this.rules = rules;
    this.businessTime = businessTime;
  }

  @Override
  public void notify(DelegateTask task) {
    check(
        task.getTaskDefinitionKey(),
        task.getId(),
        task.getExecution().getProcessBusinessKey(),
        task.getVariables(),
        task.getProcessEngineServices());
  }

  @Override
  public void notify(DelegateExecution execution) {
    check(
        execution.getCurrentActivityId(),
        null,
        execution.getProcessBusinessKey(),
        execution.getVariables(),
        execution.getProcessEngineServices());
  }

  private void check(
      String elementId,
      String taskId,
      String businessKey,
      java.util.Map<String, Object> variables,
      ProcessEngineServices engine) {
    TaskRule rule =
        rules
            .forElement(elementId)
            .orElseThrow(
                () ->
                    new SubmissionRefusedException(
                        elementId,
                        List.of(
                            new Refusal(
                                null,
                                "此步骤未配置校验规则,不能提交 No rule is configured for "
                                    + elementId
                                    + "; the submission cannot be checked and is refused"))));
    java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
    List<Refusal> refusals = new java.util.ArrayList<>();
    variables.forEach(
        (name, value) -> {
          try {
            values.put(name, EngineValues.plain(value, businessTime.zone()));
          } catch (IllegalArgumentException unreadable) {
            refusals.add(new Refusal(name, name + " 不是有效的JSON is not valid JSON"));
          }
        });
    Submission submission =
        new Submission(
            values, EngineValues.performer(engine), businessTime.today(), businessKey, taskId);
    refusals.addAll(tooLong(submission));
    if (refusals.isEmpty()) {
      refusals.addAll(rule.check(submission));
    }
    if (!refusals.isEmpty()) {
      throw new SubmissionRefusedException(elementId, refusals)
          .logged(businessKey, taskId, submission.performer(), businessTime.now());
    }
  }

  /** Text the record could not keep whole (Camunda and the ledger hold 4000 characters per value): refused, named. */
  private static List<Refusal> tooLong(Submission submission) {
    return submission.values().entrySet().stream()
        .filter(e -> e.getValue() instanceof String text && text.length() > MAX_TEXT)
        .map(
            e ->
                new Refusal(
                    e.getKey(),
                    e.getKey()
                        + " 过长,最多 "
                        + MAX_TEXT
                        + " 字 is too long: at most "
                        + MAX_TEXT
                        + " characters"))
        .toList();
  }
}
