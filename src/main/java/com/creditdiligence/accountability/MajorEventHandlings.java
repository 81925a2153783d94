package com.creditdiligence.accountability;

import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each major event of a case as the ledger shows its handling: the event received (its kind), the manager's
 * on-site investigation task (created with its due date; completed or cancelled) and the department head's review
 * of its report. The ledger writes them in the engine's transactions: the event and the investigation task in the
 * correlation's, the investigation's completion and the review task in the completion's; so an investigation task
 * belongs to the last major event received before it, and its review is the first review task created after it
 * was completed. Plain Java over the ledger.
 */
record MajorEventHandlings(
    EvidenceRecord event,
    EvidenceRecord created,
    Optional<EvidenceRecord> done,
    Optional<EvidenceRecord> cancelled,
    Optional<EvidenceRecord> reviewCreated,
    Optional<EvidenceRecord> reviewDone,
    Optional<EvidenceRecord> reviewCancelled) {

  static final String INVESTIGATION = "Task_MajorEventInvestigation";
  static final String REVIEW = "Task_ReviewMajorEventReport";

  static List<MajorEventHandlings> of(List<EvidenceRecord> records) {
    List<MajorEventHandlings> handlings = new ArrayList<>();
    EvidenceRecord lastEvent = null;
    for (EvidenceRecord r : records) {
      if (isMajorEvent(r)) {
        lastEvent = r;
      } else if (lastEvent != null
          && r.is(RecordType.TASK_CREATED)
          && INVESTIGATION.equals(r.elementId())) {
        Optional<EvidenceRecord> done = ofTask(records, r.taskId(), RecordType.TASK_COMPLETED);
        Optional<EvidenceRecord> review =
            done.flatMap(
                d ->
                    records.stream()
                        .filter(
                            x ->
                                x.sequenceNo() > d.sequenceNo()
                                    && x.is(RecordType.TASK_CREATED)
                                    && REVIEW.equals(x.elementId()))
                        .findFirst());
        handlings.add(
            new MajorEventHandlings(
                lastEvent,
                r,
                done,
                ofTask(records, r.taskId(), RecordType.TASK_CANCELLED),
                review,
                review.flatMap(x -> ofTask(records, x.taskId(), RecordType.TASK_COMPLETED)),
                review.flatMap(x -> ofTask(records, x.taskId(), RecordType.TASK_CANCELLED))));
      }
    }
    return List.copyOf(handlings);
  }

  /** The event's kind, as the case-event report or the API named it ({@code MajorEventKind}). */
  String kind() {
    return DutyFacts.findings(event).path("majorEventKind").asText("");
  }

  /** The investigation's due date, from its creation record. */
  Instant dueAt() {
    String due = DutyFacts.findings(created).path("dueDate").asText("");
    return due.isEmpty() ? null : Instant.parse(due);
  }

  /** The moment the duty is whose: its due date, or its completion if that came first. */
  Instant heldAt() {
    Instant due = dueAt();
    Instant completed = done.map(EvidenceRecord::recordedAt).orElse(null);
    if (completed == null) {
      return due;
    }
    return due != null && due.isBefore(completed) ? due : completed;
  }

  List<Integer> evidence() {
    List<Integer> evidence = new ArrayList<>(List.of(event.sequenceNo(), created.sequenceNo()));
    done.ifPresent(r -> evidence.add(r.sequenceNo()));
    cancelled.ifPresent(r -> evidence.add(r.sequenceNo()));
    reviewCreated.ifPresent(r -> evidence.add(r.sequenceNo()));
    reviewDone.ifPresent(r -> evidence.add(r.sequenceNo()));
    reviewCancelled.ifPresent(r -> evidence.add(r.sequenceNo()));
    return List.copyOf(evidence);
  }

  static boolean isMajorEvent(EvidenceRecord r) {
    String message = DutyFacts.findings(r).path("message").asText("");
    return r.is(RecordType.EVENT_RECEIVED)
        && (message.equals("MajorEvent") || message.equals("Message_MajorEvent"));
  }

  private static Optional<EvidenceRecord> ofTask(
      List<EvidenceRecord> records, String taskId, RecordType type) {
    return records.stream()
        .filter(x -> taskId != null && taskId.equals(x.taskId()) && x.is(type))
        .findFirst();
  }
}
