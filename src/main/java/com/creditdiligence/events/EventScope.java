package com.creditdiligence.events;

import com.creditdiligence.platform.FormFieldDefaults;
import com.creditdiligence.submission.TaskSpec.Field;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Gives each event its own variables. A correlated message leaves its payload in the enclosing scope,
 * where the next event would overwrite it, and Camunda has no input mapping on event subprocesses; so
 * the event subprocess copies the payload into its own scope as it starts, and declares there the
 * fields its tasks fill: {@code ${eventScope.isolate(execution, 'MajorEvent')}} (public: called by expression).
 */
@Component("eventScope")
public class EventScope {

  static final List<String> MAJOR_EVENT_PAYLOAD =
      List.of(
          "majorEventKind",
          "majorEventDescription",
          "majorEventOccurredOn",
          "majorEventReceivedAt",
          "majorEventOnSiteDue");
  static final List<String> WARNING_SIGNAL_PAYLOAD =
      List.of(
          "warningCategory",
          "warningItem",
          "warningDescription",
          "warningOccurredOn",
          "warningReceivedAt",
          "warningMeasuresDue");

  public void isolate(DelegateExecution execution, String message) {
    boolean major = CaseEvents.MAJOR_EVENT.equals(message);
    for (String name : major ? MAJOR_EVENT_PAYLOAD : WARNING_SIGNAL_PAYLOAD) {
      execution.setVariableLocal(name, execution.getVariable(name));
    }
    for (Field field : major ? CaseEvents.MAJOR_EVENT_FIELDS : CaseEvents.WARNING_SIGNAL_FIELDS) {
      execution.setVariableLocal(field.name(), FormFieldDefaults.empty(field));
    }
  }
}
