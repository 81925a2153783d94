package com.creditdiligence.accountability;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * §28: is a manager eligible for exemption? Every duty fact of theirs satisfied (or, where violated,
 * its finding rejected by the auditor with a reason) and no confirmed finding. A reserved opinion
 * (保留意见, «客户经理制» (四)2) the manager recorded, or a committee member's vote to reject with its grounds, clears findings
 * about the approval decision itself. A case
 * whose evidence chain does not verify is never eligible on its record: the facts and findings resting on
 * its first broken record or later are unreliable, and the record alone cannot support an exemption. The
 * result is shown to the board with its reasons; the decision stays human. Plain Java.
 */
public final class ExemptionEligibility {

  /** The stage an auditor gives a finding about the approval decision itself. */
  public static final String APPROVAL_STAGE = "approval";

  private ExemptionEligibility() {}

  /**
   * @param eligible       what §28 would allow the board to decide
   * @param reasons        why, line by line, bilingual
   * @param clearedFindings findings that do not count, because the manager reserved an opinion
   * @param standingFindings confirmed findings that count against the manager
   * @param grounds         the exemption grounds the record shows, with their evidence and what the table makes of them
   */
  public record Eligibility(
      String manager,
      boolean eligible,
      List<String> reasons,
      List<Integer> clearedFindings,
      List<ReviewFinding> standingFindings,
      List<ExemptionGround> grounds) {

    /** The lightest tier an accepted ground supports, if any does. */
    public Optional<Tier> supportedByGrounds() {
      return grounds.stream()
          .flatMap(g -> g.supports().stream())
          .min(java.util.Comparator.naturalOrder());
    }

    /** The clauses of the standing findings: what a decision other than exempt must cite from. */
    public List<String> clauses() {
      return List.copyOf(
          new TreeSet<>(standingFindings.stream().map(ReviewFinding::clause).toList()));
    }
  }

  /** @param evidence whether the case's chain verifies (null: not known, as for a review opened before it was kept) */
  public static Eligibility of(
      String manager,
      List<DutyFact> facts,
      List<ReviewFinding> findings,
      List<EvidenceRecord> ledger,
      EvidenceIntegrity evidence) {
    return of(manager, facts, findings, ledger, evidence, List.of());
  }

  /**
   * @param grounds the manager's exemption grounds, judged by the table: listed with their evidence for the board.
   *                They do not make eligible a manager against whom a violated duty or a finding stands: a ground
   *                covers its own matter (a dissent the approval, a handover the predecessor's time), not every
   *                other duty, and the board weighs it (the suggested tier may be lighter, see
   *                ManagerDetermination)
   */
  public static Eligibility of(
      String manager,
      List<DutyFact> facts,
      List<ReviewFinding> findings,
      List<EvidenceRecord> ledger,
      EvidenceIntegrity evidence,
      List<ExemptionGround> grounds) {
    List<String> reasons = new ArrayList<>();
    List<DutyFact> own = facts.stream().filter(f -> manager.equals(f.responsible())).toList();
    List<ReviewFinding> against =
        findings.stream().filter(f -> manager.equals(f.manager())).toList();
    Optional<EvidenceRecord> dissent = dissent(manager, ledger);

    List<DutyFact> unexcused =
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
    long satisfied = own.stream().filter(f -> f.status() == Status.SATISFIED).count();
    if (unexcused.isEmpty()) {
      reasons.add(
          "尽职事实全部满足 Every duty fact of "
              + manager
              + " is satisfied or excused ("
              + satisfied
              + " satisfied, stages: "
              + String.join(", ", new TreeSet<>(own.stream().map(DutyFact::stage).toList()))
              + ")");
    } else {
      unexcused.forEach(
          f ->
              reasons.add(
                  "未尽职 Duty not met: "
                      + f.code()
                      + " "
                      + f.clause()
                      + " → "
                      + f.trigger()
                      + " — "
                      + f.explanation()
                      + ExemptionGround.cited(f.evidence())));
    }
    against.stream()
        .filter(f -> f.status().equals(ReviewFinding.REJECTED))
        .forEach(
            f ->
                reasons.add(
                    "稽核已否定 Rejected by the auditor: F"
                        + f.findingNo()
                        + " "
                        + f.clause()
                        + " — "
                        + f.statusReason()));

    List<Integer> cleared = new ArrayList<>();
    List<ReviewFinding> standing = new ArrayList<>();
    for (ReviewFinding finding : against) {
      if (!finding.confirmed()) {
        continue;
      }
      if (dissent.isPresent() && APPROVAL_STAGE.equals(finding.stage())) {
        cleared.add(finding.findingNo());
        boolean voted = dissent.get().is(RecordType.VOTE_CAST);
        reasons.add(
            (voted ? "反对票免责" : "保留意见免责")
                + " Cleared: F"
                + finding.findingNo()
                + " concerns the approval decision, against which "
                + manager
                + (voted ? " voted, stating their grounds" : " recorded a reserved opinion")
                + ExemptionGround.cited(List.of(dissent.get().sequenceNo())));
      } else {
        standing.add(finding);
        reasons.add(
            "已确认情形 Confirmed finding: F"
                + finding.findingNo()
                + " "
                + finding.clause()
                + " — "
                + finding.explanation()
                + ExemptionGround.cited(finding.evidence()));
      }
    }
    boolean undecidedDrafts =
        against.stream().anyMatch(f -> f.status().equals(ReviewFinding.DRAFT));
    if (undecidedDrafts) {
      reasons.add("尚有未审核的拟定情形 Draft findings are not yet judged by the auditor");
    }
    boolean broken = evidence != null && !evidence.intact();
    if (broken) {
      reasons.add(evidence.noExemptionFromTheRecord() + " — " + evidence.reason());
      own.stream()
          .filter(f -> evidence.unreliable(f.evidence()))
          .forEach(
              f ->
                  reasons.add(
                      "证据不可靠 Unreliable: duty fact "
                          + f.code()
                          + " ("
                          + f.status()
                          + ") rests on evidence #"
                          + f.evidence()
                          + ", at or after the first broken record #"
                          + evidence.firstBrokenRecord()));
      against.stream()
          .filter(f -> evidence.unreliable(f.evidence()))
          .forEach(
              f ->
                  reasons.add(
                      "证据不可靠 Unreliable: finding F"
                          + f.findingNo()
                          + " "
                          + f.clause()
                          + " rests on evidence #"
                          + f.evidence()
                          + ", at or after the first broken record #"
                          + evidence.firstBrokenRecord()));
    }
    grounds.forEach(g -> reasons.add(g.line()));
    boolean eligible = unexcused.isEmpty() && standing.isEmpty() && !undecidedDrafts && !broken;
    reasons.add(
        0,
        eligible
            ? "符合第二十八条免责条件 Eligible for exemption under §28 (the decision is the board's)"
            : "不符合第二十八条免责条件 Not eligible for exemption under §28");
    return new Eligibility(
        manager,
        eligible,
        List.copyOf(reasons),
        List.copyOf(cleared),
        List.copyOf(standing),
        List.copyOf(grounds));
  }

  /**
   * The person's dissent from the approval on the record: their reserved opinion («客户经理制» (四)2), or their vote to reject
   * with its stated grounds (a dissent in a collective decision).
   */
  static Optional<EvidenceRecord> dissent(String person, List<EvidenceRecord> ledger) {
    return reservedOpinion(person, ledger).or(() -> rejectVote(person, ledger));
  }

  static Optional<EvidenceRecord> rejectVote(String person, List<EvidenceRecord> ledger) {
    return votes(ledger)
        .filter(r -> person.equals(r.performer()))
        .filter(
            r ->
                "reject".equals(DutyFacts.findings(r).path("vote").asText())
                    && !DutyFacts.findings(r).path("voteRationale").asText("").isBlank())
        .findFirst();
  }

  /** Whoever voted on the case's approval. */
  static List<String> voters(List<EvidenceRecord> ledger) {
    return votes(ledger).map(EvidenceRecord::performer).filter(p -> p != null).distinct().toList();
  }

  private static java.util.stream.Stream<EvidenceRecord> votes(List<EvidenceRecord> ledger) {
    return ledger.stream()
        .filter(r -> "COMMITTEE_VOTE".equals(r.dutyCode()) && r.is(RecordType.VOTE_CAST));
  }

  /** The manager's own reserved opinion against the approval, if they recorded one. */
  static Optional<EvidenceRecord> reservedOpinion(String manager, List<EvidenceRecord> ledger) {
    return ledger.stream()
        .filter(r -> "RESERVED_OPINION".equals(r.dutyCode()) && manager.equals(r.performer()))
        .filter(r -> "record".equals(DutyFacts.findings(r).path("reservedOpinionChoice").asText()))
        .findFirst();
  }
}
