package com.creditdiligence.accountability;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.casefile.CaseFiles.Handover;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The exemption grounds of SPEC's table that the record shows for one person under review, each with the
 * ledger records it rests on. Plain Java, and only the derivation: which grounds count and what they support
 * is the business's table (exemption-grounds.dmn), asked by {@link Reviews}. The board decides.
 */
public final class ExemptionGrounds {

  static final String MAJOR_EVENT = "MajorEvent";
  static final String WARNING_SIGNAL = "WarningSignal";
  static final String COMPENSATION_STEP = "Task_RecordCompensation";
  static final String VISIBLE_BEFORE = "visibleBefore";
  static final String DETECTED_AFTER = "detectedAfter";

  private ExemptionGrounds() {}

  /**
   * @param facts     the case's duty facts (as the review opened)
   * @param findings  the review's findings
   * @param ledger    the case's records
   * @param handovers the case's handovers, oldest first
   */
  public static List<ExemptionGround> of(
      String manager,
      List<DutyFact> facts,
      List<ReviewFinding> findings,
      List<EvidenceRecord> ledger,
      List<Handover> handovers) {
    List<DutyFact> own = facts.stream().filter(f -> manager.equals(f.responsible())).toList();
    List<ReviewFinding> against =
        findings.stream().filter(f -> manager.equals(f.manager())).toList();
    List<DutyFact> violated =
        own.stream()
            .filter(f -> f.status() == Status.VIOLATED)
            .filter(
                f ->
                    against.stream()
                        .noneMatch(
                            r ->
                                r.status().equals(ReviewFinding.REJECTED)
                                    && f.code().equals(r.dutyCode())
                                    && r.evidence().equals(f.evidence())))
            .toList();
    // The loss: the first record of the compensation step; what came before it in the chain came
    // before the loss.
    int loss =
        ledger.stream()
            .filter(r -> COMPENSATION_STEP.equals(r.elementId()))
            .mapToInt(EvidenceRecord::sequenceNo)
            .min()
            .orElse(Integer.MAX_VALUE);
    List<ExemptionGround> grounds = new ArrayList<>();

    if (violated.isEmpty() && against.stream().noneMatch(ReviewFinding::confirmed)) {
      grounds.add(
          ExemptionGround.candidate(
              ExemptionGround.NO_CONCLUSIVE_EVIDENCE,
              null,
              evidenceOf(own.stream().filter(f -> f.status() == Status.SATISFIED).toList()),
              "无违反的尽职事实,无已确认情形 No violated duty fact of "
                  + manager
                  + " and no confirmed finding against them"));
    }
    forceMajeure(manager, own, ledger).ifPresent(grounds::add);
    handover(manager, own, violated, ledger, handovers).ifPresent(grounds::add);
    dissent(manager, ledger).ifPresent(grounds::add);
    writtenWarning(manager, ledger, loss).ifPresent(grounds::add);
    return List.copyOf(grounds);
  }

  /** A major event, and the manager's on-site check and measures after it, all within their deadlines. */
  private static Optional<ExemptionGround> forceMajeure(
      String manager, List<DutyFact> own, List<EvidenceRecord> ledger) {
    for (EvidenceRecord event : ledger) {
      if (!isEvent(event, MAJOR_EVENT)) {
        continue;
      }
      List<DutyFact> after =
          own.stream()
              .filter(
                  f ->
                      f.code().equals("ONSITE_AFTER_MAJOR_EVENT")
                          || f.code().equals("PRESERVATION_AFTER_WARNING_SIGNAL"))
              .filter(f -> f.dueAt() != null && f.dueAt().isAfter(event.recordedAt()))
              .toList();
      boolean onSite =
          after.stream()
              .anyMatch(
                  f ->
                      f.code().equals("ONSITE_AFTER_MAJOR_EVENT")
                          && f.status() == Status.SATISFIED);
      boolean allInTime = after.stream().noneMatch(f -> f.status() == Status.VIOLATED);
      if (onSite && allInTime) {
        String kind = DutyFacts.findings(event).path("majorEventKind").asText("");
        List<Integer> evidence = new ArrayList<>(List.of(event.sequenceNo()));
        evidence.addAll(evidenceOf(after));
        return Optional.of(
            ExemptionGround.candidate(
                ExemptionGround.FORCE_MAJEURE,
                kind,
                sorted(evidence),
                "重大事项("
                    + kind
                    + ")后按期现场检查并采取措施 After the major event ("
                    + kind
                    + ") "
                    + manager
                    + " checked on site and took measures within their deadlines"));
      }
    }
    return Optional.empty();
  }

  /**
   * The manager took the case over: risk visible before the handover is not theirs if they broke no rule; risk
   * that showed only after it is mitigated if they took the measures in time.
   */
  private static Optional<ExemptionGround> handover(
      String manager,
      List<DutyFact> own,
      List<DutyFact> violated,
      List<EvidenceRecord> ledger,
      List<Handover> handovers) {
    for (Handover handover : handovers) {
      if (!manager.equals(handover.successor()) || manager.equals(handover.predecessor())) {
        continue;
      }
      List<Integer> visible =
          ledger.stream()
              .filter(r -> r.recordedAt().isBefore(handover.at()))
              .filter(ExemptionGrounds::showsRisk)
              .map(EvidenceRecord::sequenceNo)
              .toList();
      if (!visible.isEmpty() && violated.isEmpty()) {
        return Optional.of(
            ExemptionGround.candidate(
                ExemptionGround.HANDOVER,
                VISIBLE_BEFORE,
                visible,
                "风险在移交前已显现("
                    + handover.predecessor()
                    + " -> "
                    + manager
                    + ", "
                    + handover.at()
                    + "),接手后未违反规定 The risk was visible before "
                    + handover.predecessor()
                    + " handed the case to "
                    + manager
                    + " on "
                    + handover.at()
                    + ", and "
                    + manager
                    + " broke no rule after"));
      }
      List<Integer> later =
          ledger.stream()
              .filter(r -> !r.recordedAt().isBefore(handover.at()))
              .filter(ExemptionGrounds::showsRisk)
              .map(EvidenceRecord::sequenceNo)
              .toList();
      List<DutyFact> measures =
          own.stream()
              .filter(f -> f.code().equals("PRESERVATION_AFTER_WARNING_SIGNAL"))
              .filter(f -> f.dueAt() != null && !f.dueAt().isBefore(handover.at()))
              .toList();
      if (!later.isEmpty()
          && !measures.isEmpty()
          && measures.stream().allMatch(f -> f.status() == Status.SATISFIED)) {
        List<Integer> evidence = new ArrayList<>(later);
        evidence.addAll(evidenceOf(measures));
        return Optional.of(
            ExemptionGround.candidate(
                ExemptionGround.HANDOVER,
                DETECTED_AFTER,
                sorted(evidence),
                "移交后显现的风险已及时发现并采取保全措施 The risk showed after the handover to "
                    + manager
                    + ", who detected it and took preservation measures in time"));
      }
    }
    return Optional.empty();
  }

  /** A reserved opinion against the approval, or a reject vote with its rationale. */
  private static Optional<ExemptionGround> dissent(String manager, List<EvidenceRecord> ledger) {
    Optional<EvidenceRecord> reserved = ExemptionEligibility.reservedOpinion(manager, ledger);
    if (reserved.isPresent()) {
      return Optional.of(
          ExemptionGround.candidate(
              ExemptionGround.DISSENT,
              "reservedOpinion",
              List.of(reserved.get().sequenceNo()),
              "当事人 "
                  + manager
                  + " 对审批决定记录了保留意见,损失证明其意见成立 recorded a reserved "
                  + "opinion against the approval, and the loss under review bears it out"));
    }
    return ExemptionEligibility.rejectVote(manager, ledger)
        .map(
            r ->
                ExemptionGround.candidate(
                    ExemptionGround.DISSENT,
                    "rejectVote",
                    List.of(r.sequenceNo()),
                    "当事人 "
                        + manager
                        + " 投反对票并说明理由,损失证明其意见成立 voted to reject, with a rationale (\""
                        + DutyFacts.findings(r).path("voteRationale").asText()
                        + "\"), and the loss bears it out"));
  }

  /** The manager's own written warning before the loss: a warning signal they reported, or a worse classification. */
  private static Optional<ExemptionGround> writtenWarning(
      String manager, List<EvidenceRecord> ledger, int loss) {
    List<Integer> warnings =
        ledger.stream()
            .filter(r -> manager.equals(r.performer()))
            .filter(r -> r.sequenceNo() < loss)
            .filter(r -> isEvent(r, WARNING_SIGNAL) || reportedWarning(r) || worseClassification(r))
            .map(EvidenceRecord::sequenceNo)
            .toList();
    if (warnings.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        ExemptionGround.candidate(
            ExemptionGround.WRITTEN_WARNING,
            null,
            warnings,
            "当事人 " + manager + " 在损失前书面提示了风险 warned of the risk in writing before the loss"));
  }

  private static boolean showsRisk(EvidenceRecord r) {
    return isEvent(r, WARNING_SIGNAL) || isEvent(r, MAJOR_EVENT) || worseClassification(r);
  }

  private static boolean isEvent(EvidenceRecord r, String message) {
    String received = DutyFacts.findings(r).path("message").asText();
    return r.is(RecordType.EVENT_RECEIVED)
        && (received.equals(message) || received.equals("Message_" + message));
  }

  private static boolean reportedWarning(EvidenceRecord r) {
    return r.is(RecordType.PROCESS_STARTED)
        && "EVENT_REPORTED".equals(r.dutyCode())
        && "warningSignal".equals(DutyFacts.findings(r).path("eventType").asText());
  }

  private static boolean worseClassification(EvidenceRecord r) {
    if (!r.is(RecordType.TASK_COMPLETED) || !"MONITORING_REPORT".equals(r.dutyCode())) {
      return false;
    }
    JsonNode riskClass = DutyFacts.findings(r).path("riskClass");
    return riskClass.isTextual()
        && !riskClass.asText().equals("normal")
        && !riskClass.asText().isBlank();
  }

  private static List<Integer> evidenceOf(List<DutyFact> facts) {
    return sorted(facts.stream().flatMap(f -> f.evidence().stream()).toList());
  }

  private static List<Integer> sorted(List<Integer> numbers) {
    return List.copyOf(new TreeSet<>(numbers));
  }
}
