package com.creditdiligence.audit;

import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.EvidenceSummary;
import com.creditdiligence.evidence.RecordType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A case's timeline, built from its evidence ledger alone, so that it replays a case after Camunda's
 * history cleanup. Plain Java: stage by BPMN element (each step's stage as its spec declares it, given by the
 * caller), filters, pages.
 */
public final class Timeline {

  /** The stage of the audit trail's records: views and exports of the case's record. */
  static final String AUDIT_STAGE = "audit";

  private Timeline() {}

  public record Filter(String stage, String actor, String type, Instant from, Instant to) {

    Predicate<TimelineEntry> predicate() {
      return e ->
          (stage == null || stage.equals(e.stage()))
              && (actor == null || actor.equals(e.actor()) || actor.equals(e.assignee()))
              && (type == null || type.equals(e.type()))
              && (from == null || !e.at().isBefore(from))
              && (to == null || e.at().isBefore(to));
    }
  }

  public record Page(int page, int size, int total, List<TimelineEntry> entries) {}

  /** Everything, in order. */
  public static List<TimelineEntry> all(List<EvidenceRecord> records, Map<String, String> stages) {
    return records.stream().map(r -> entry(EvidenceSummary.of(r), stages)).toList();
  }

  /** The case's own steps, in order (of {@link #all}): what happened to the case, not who looked at it since. */
  public static List<TimelineEntry> steps(List<TimelineEntry> all) {
    return all.stream().filter(e -> !AUDIT_STAGE.equals(e.stage())).toList();
  }

  /** The views and exports of the case's record (of {@link #all}), in order: an access log, not steps of the case. */
  public static List<TimelineEntry> accessLog(List<TimelineEntry> all) {
    return all.stream().filter(e -> AUDIT_STAGE.equals(e.stage())).toList();
  }

  /**
   * A page of the entries that pass the filter, from the case's summaries in order (which the ledger may
   * already have narrowed by actor, type and time: the filter is applied again, and decides the stage).
   */
  public static Page of(
      List<EvidenceSummary> records,
      Map<String, String> stages,
      Filter filter,
      int page,
      int size) {
    List<TimelineEntry> matching =
        records.stream().map(r -> entry(r, stages)).filter(filter.predicate()).toList();
    int from = Math.min(page * size, matching.size());
    int to = Math.min(from + size, matching.size());
    return new Page(page, size, matching.size(), matching.subList(from, to));
  }

  static TimelineEntry entry(EvidenceSummary r, Map<String, String> stages) {
    return new TimelineEntry(
        r.recordedAt(),
        r.recordType(),
        stageOf(r, stages),
        r.elementId(),
        r.performer(),
        r.assignee(),
        r.dutyCode(),
        r.clause(),
        r.processDefinitionKey(),
        r.sequenceNo());
  }

  /** By the process for its other processes and the audit trail; by the step's spec; the end events close. */
  static String stageOf(EvidenceSummary r, Map<String, String> stages) {
    if ("accountability-review".equals(r.processDefinitionKey())) {
      return "accountability";
    }
    if (r.processDefinitionKey() == null && r.type().map(RecordType::isAccess).orElse(false)) {
      return AUDIT_STAGE;
    }
    if ("problem-guarantee".equals(r.processDefinitionKey())) {
      return "problemHandling";
    }
    if ("case-event-report".equals(r.processDefinitionKey()) || r.is(RecordType.EVENT_RECEIVED)) {
      return "monitoring";
    }
    if (r.elementId() == null) {
      return "case";
    }
    return stages.getOrDefault(
        r.elementId(), r.elementId().startsWith("End_") ? "closure" : "monitoring");
  }
}
