package com.creditdiligence.events;

import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Rejection;
import com.creditdiligence.submission.SubmissionRefused;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Delivers a report made in Tasklist to its case, as the API would; a case not live refuses the report. */
@Component("forwardCaseEvent")
class ForwardCaseEvent implements JavaDelegate {

  private final CaseEvents events;
  private final BusinessTime businessTime;

  ForwardCaseEvent(CaseEvents events, BusinessTime businessTime) {
    this.events = events;
    this.businessTime = businessTime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseKey = execution.getProcessBusinessKey();
    String description = (String) execution.getVariable("eventDescription");
    LocalDate occurredOn =
        LocalDate.parse(execution.getVariable("occurredOn").toString().substring(0, 10));
    try {
      if ("majorEvent".equals(execution.getVariable("eventType"))) {
        events.majorEvent(
            caseKey,
            (String) execution.getVariable("majorEventKind"),
            description,
            occurredOn,
            businessTime.now());
      } else {
        WarningSignalCategory category =
            WarningSignalCategory.fromCode((String) execution.getVariable("warningCategory"))
                .orElseThrow();
        events.warningSignal(
            caseKey,
            category.name(),
            (String) execution.getVariable(category.formField()),
            description,
            occurredOn,
            businessTime.now());
      }
    } catch (SubmissionRefused refused) {
      throw refused;
    } catch (Rejection refused) {
      // Not found, not live: said to the reporter on the start form's case field.
      throw new SubmissionRefused(
          CaseEventReportRule.SPEC.elementId(),
          List.of(new Refusal("caseKey", refused.getMessage())));
    }
  }
}
