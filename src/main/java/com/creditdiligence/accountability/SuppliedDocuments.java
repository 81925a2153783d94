package com.creditdiligence.accountability;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.investigation.ChecklistDocument;
import com.creditdiligence.submission.BusinessDays;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * 后补 documents to be supplied: each document the investigation accepted «to be supplied» is a deadline duty
 * (§9, 附录二), met when a §19 amendment of the investigation records it verified, with how, by its due date;
 * missed, it falls under §27(二) citing the document. The holder is whoever held the case when it fell due (or
 * when it was supplied, if earlier). Plain Java over the ledger.
 */
public final class SuppliedDocuments {

  public static final String DUTY = "DOCUMENT_SUPPLIED";

  private SuppliedDocuments() {}

  /**
   * @param defaultDays the days after the investigation a document is due when the investigation names no date
   * @param managerAt   who held the case at a moment
   */
  public static List<DutyFact> of(
      BusinessDays days,
      List<EvidenceRecord> records,
      int defaultDays,
      Function<Instant, String> managerAt,
      Instant now) {
    Optional<EvidenceRecord> investigation =
        records.stream()
            .filter(
                r ->
                    r.is(RecordType.TASK_COMPLETED)
                        && "CUSTOMER_INVESTIGATION".equals(r.dutyCode()))
            .findFirst();
    if (investigation.isEmpty()) {
      return List.of();
    }
    EvidenceRecord submitted = investigation.get();
    JsonNode findings = DutyFacts.findings(submitted);
    Instant dueAt = dueAt(days, findings, submitted.recordedAt(), defaultDays);
    List<EvidenceRecord> amendments =
        records.stream()
            .filter(
                r ->
                    r.is(RecordType.AMENDMENT)
                        && Integer.valueOf(submitted.sequenceNo()).equals(r.amendsSequenceNo()))
            .toList();
    List<DutyFact> facts = new ArrayList<>();
    for (ChecklistDocument document : ChecklistDocument.values()) {
      if (!ChecklistDocument.TO_BE_SUPPLIED.equals(findings.path(document.statusKey()).asText())) {
        continue;
      }
      String what =
          "附录二 "
              + document.name()
              + " "
              + document.label()
              + " 后补 to be supplied by "
              + dueAt
              + " ("
              + findings.path(document.noteKey()).asText("")
              + ")";
      Optional<EvidenceRecord> supplied = supplied(document, findings, amendments);
      List<Integer> evidence = new ArrayList<>(List.of(submitted.sequenceNo()));
      supplied.ifPresent(a -> evidence.add(a.sequenceNo()));
      Instant doneAt = supplied.map(EvidenceRecord::recordedAt).orElse(null);
      Status status;
      String explanation;
      if (doneAt != null && !doneAt.isAfter(dueAt)) {
        status = Status.SATISFIED;
        explanation = what + ": 已补交核实 supplied and verified on " + doneAt;
      } else if (doneAt != null) {
        status = Status.VIOLATED;
        explanation = what + ": 逾期补交 supplied late, on " + doneAt;
      } else if (now.isAfter(dueAt)) {
        status = Status.VIOLATED;
        explanation = what + ": 未补交 never supplied";
      } else {
        status = Status.PENDING;
        explanation = what + ": 尚未到期 not yet due";
      }
      Instant heldAt = doneAt != null && doneAt.isBefore(dueAt) ? doneAt : dueAt;
      facts.add(
          new DutyFact(
              DUTY,
              "investigation",
              "§9 附录二",
              "§27(二)",
              status,
              explanation,
              List.copyOf(evidence),
              dueAt,
              doneAt,
              managerAt.apply(heldAt)));
    }
    return facts;
  }

  /** The end of the due date the investigation names, or the default days after it was submitted. */
  static Instant dueAt(
      BusinessDays days, JsonNode findings, Instant investigatedAt, int defaultDays) {
    String named = findings.path(ChecklistDocument.DOCUMENTS_DUE_BY).asText("");
    Optional<LocalDate> day = days.dayWritten(named);
    if (day.isPresent()) {
      return days.startOf(day.get().plusDays(1));
    }
    return investigatedAt.plus(defaultDays, ChronoUnit.DAYS);
  }

  /** The first amendment after which the document reads verified with a known method (§10, §11). */
  private static Optional<EvidenceRecord> supplied(
      ChecklistDocument document, JsonNode original, List<EvidenceRecord> amendments) {
    String status = original.path(document.statusKey()).asText();
    String method = original.path(document.methodKey()).asText("");
    for (EvidenceRecord amendment : amendments) {
      JsonNode changes = DutyFacts.findings(amendment);
      status =
          changes.has(document.statusKey()) ? changes.path(document.statusKey()).asText() : status;
      method =
          changes.has(document.methodKey())
              ? changes.path(document.methodKey()).asText("")
              : method;
      if (ChecklistDocument.VERIFIED.equals(status) && ChecklistDocument.METHODS.contains(method)) {
        return Optional.of(amendment);
      }
    }
    return Optional.empty();
  }
}
