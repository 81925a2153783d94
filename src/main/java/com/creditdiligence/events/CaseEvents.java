package com.creditdiligence.events;

import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.submission.BusinessDays;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Rejection;
import com.creditdiligence.submission.TaskSpec.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * Delivers a major event or an early-warning signal to a live case, by its business key. Each starts
 * its own handling in the case (several may be in flight at once), with a deadline; a case that is not
 * in post-guarantee management refuses the event with a clear reason, never silently.
 */
@Service
public class CaseEvents {

  public static final String MAJOR_EVENT = "MajorEvent";
  public static final String WARNING_SIGNAL = "WarningSignal";

  /** The fields the handling tasks fill, declared in the event's own scope (see {@link EventScope}). */
  static final List<Field> MAJOR_EVENT_FIELDS =
      Stream.concat(
              MajorEventInvestigationRule.SPEC.fields().stream(),
              MajorEventReviewRule.SPEC.fields().stream())
          .distinct()
          .toList();

  static final List<Field> WARNING_SIGNAL_FIELDS = PreservationMeasuresRule.SPEC.fields();

  private final RuntimeService runtime;
  private final CaseFiles caseFiles;
  private final EventDeadlines deadlines;
  private final BusinessDays days;

  CaseEvents(
      RuntimeService runtime,
      CaseFiles caseFiles,
      EventDeadlines deadlines,
      BusinessTime businessTime) {
    this.runtime = runtime;
    this.caseFiles = caseFiles;
    this.deadlines = deadlines;
    this.days = businessTime.days();
  }

  public void majorEvent(
      String businessKey,
      String kind,
      String description,
      LocalDate occurredOn,
      Instant receivedAt) {
    Map<String, Object> event = new HashMap<>();
    event.put("majorEventKind", kind);
    event.put("majorEventDescription", description);
    event.put("majorEventOccurredOn", occurredOn.toString());
    event.put("majorEventReceivedAt", Date.from(receivedAt));
    event.put("majorEventOnSiteDue", endOfDayAfter(receivedAt, deadlines.majorEventOnSiteDays()));
    deliver(businessKey, MAJOR_EVENT, event);
  }

  public void warningSignal(
      String businessKey,
      String category,
      String item,
      String description,
      LocalDate occurredOn,
      Instant receivedAt) {
    Map<String, Object> event = new HashMap<>();
    event.put("warningCategory", category);
    event.put("warningItem", item);
    event.put("warningDescription", description);
    event.put("warningOccurredOn", occurredOn.toString());
    event.put("warningReceivedAt", Date.from(receivedAt));
    event.put(
        "warningMeasuresDue", endOfDayAfter(receivedAt, deadlines.warningSignalMeasuresDays()));
    deliver(businessKey, WARNING_SIGNAL, event);
  }

  /** "Within N days" ends with the N-th day in the business zone, as a person reading the date understands it. */
  private Date endOfDayAfter(Instant receivedAt, int n) {
    return Date.from(days.endOfDayAfter(receivedAt, n));
  }

  private void deliver(String businessKey, String message, Map<String, Object> event) {
    if (caseFiles.find(businessKey).isEmpty()) {
      throw Rejection.notFound("没有案件 " + businessKey + " No case " + businessKey);
    }
    try {
      runtime
          .createMessageCorrelation(message)
          .processInstanceBusinessKey(businessKey)
          .setVariablesLocal(event)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException notLive) {
      throw Rejection.notLive(
          "案件 "
              + businessKey
              + " 不在担保后管理阶段,不能接收该事项 Case "
              + businessKey
              + " is not in post-guarantee management and cannot receive this event");
    }
  }
}
