package com.creditdiligence.accountability;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.evidence.EvidenceRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * §12 客户资料如有变动,客户经理应要求客户提供书面报告,进一步核实后在档案中重新记载: a change of the customer's information
 * is what the record shows as a major event of kind {@code organisationChange} (ownership, organisation or leadership).
 * Its investigation must cite the customer's written report (a case document, by its SHA-256), say how the change
 * was verified, and record it re-entered in the file.
 *
 * <p>Warning signals of category {@code managementChanges} are not taken as such a change: their 附录五 items (unusual
 * behaviour of management, family problems of key managers, strategy changes…) are signs of risk, answered by
 * preservation measures within days (§27(五)), not a change of the customer's recorded information; a signal that
 * turns out to be one is reported as a major event of that kind. Plain Java over the ledger.
 */
final class CustomerChanges {

  static final String DUTY = "CUSTOMER_CHANGE_REVERIFIED";
  static final String KIND = "organisationChange";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CustomerChanges() {}

  static List<DutyFact> of(
      List<EvidenceRecord> records, Function<Instant, String> managerAt, Instant now) {
    List<DutyFact> facts = new ArrayList<>();
    for (MajorEventHandlings h : MajorEventHandlings.of(records)) {
      if (KIND.equals(h.kind())) {
        facts.add(judge(h, managerAt, now));
      }
    }
    return facts;
  }

  private static DutyFact judge(
      MajorEventHandlings h, Function<Instant, String> managerAt, Instant now) {
    String change =
        "客户资料变动 change of the customer's information ("
            + h.kind()
            + ", received "
            + h.event().recordedAt()
            + ")";
    Instant dueAt = h.dueAt();
    String holder = managerAt.apply(h.heldAt());
    if (h.done().isEmpty()) {
      Status status =
          h.cancelled().isPresent() || (dueAt != null && now.isAfter(dueAt))
              ? Status.NOT_APPLICABLE
              : Status.PENDING;
      String why =
          h.cancelled().isPresent()
              ? "调查已取消 the investigation was cancelled"
              : status == Status.NOT_APPLICABLE
                  ? "未记录调查:该违反归入重大事项实地调查 no investigation recorded: that breach is ONSITE_AFTER_MAJOR_EVENT's"
                  : "调查期限 " + dueAt + " the investigation is due " + dueAt;
      return new DutyFact(
          DUTY,
          "monitoring",
          "§12",
          "§27(二)",
          status,
          change + "; " + why,
          h.evidence(),
          dueAt,
          null,
          holder);
    }
    EvidenceRecord done = h.done().get();
    JsonNode findings = DutyFacts.findings(done);
    List<String> documents = documents(done);
    String verification = findings.path("meChangeReverification").asText("").strip();
    boolean reRecorded = findings.path("meFileReRecorded").asBoolean(false);
    List<String> problems = new ArrayList<>();
    if (documents.isEmpty()) {
      problems.add("未附客户书面报告 no written report of the customer's cited");
    }
    if (RecordContent.isTrivial(verification)) {
      problems.add(
          verification.isEmpty()
              ? "未记录核实情况 no re-verification recorded"
              : "核实情况无实质内容 the re-verification says nothing: «" + verification + "»");
    }
    if (!reRecorded) {
      problems.add("未在档案中重新记载 not recorded as re-entered in the file");
    }
    boolean ok = problems.isEmpty();
    String explanation =
        ok
            ? change
                + "; 客户书面报告 the customer's written report cited ("
                + String.join(", ", documents)
                + "), 核实 verified: «"
                + verification
                + "», 已在档案中重新记载 re-entered in the file, "
                + done.recordedAt()
            : change + "; " + String.join("; ", problems);
    return new DutyFact(
        DUTY,
        "monitoring",
        "§12",
        "§27(二)",
        ok ? Status.SATISFIED : Status.VIOLATED,
        explanation,
        h.evidence(),
        dueAt,
        done.recordedAt(),
        holder);
  }

  /** The documents the record cites, each as its name and SHA-256. */
  private static List<String> documents(EvidenceRecord record) {
    try {
      JsonNode cited = JSON.readTree(record.documents() == null ? "[]" : record.documents());
      List<String> names = new ArrayList<>();
      for (JsonNode document : cited) {
        String sha256 = document.path("sha256").asText("");
        if (!sha256.isEmpty()) {
          names.add(
              document.path("fileName").asText("?")
                  + " sha256:"
                  + sha256.substring(0, Math.min(12, sha256.length())));
        }
      }
      return names;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable documents in record " + record.sequenceNo(), e);
    }
  }
}
