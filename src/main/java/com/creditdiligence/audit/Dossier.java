package com.creditdiligence.audit;

import com.creditdiligence.accountability.AccountabilityReview;
import com.creditdiligence.accountability.Determination;
import com.creditdiligence.accountability.DutyFact;
import com.creditdiligence.accountability.EvidenceIntegrity;
import com.creditdiligence.accountability.ReviewFinding;
import com.creditdiligence.brief.FormLayout;
import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.evidence.ChainVerification;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.LedgerCheckpoints;
import com.creditdiligence.evidence.RecordType;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything an outside auditor needs to re-check a case, in one document: the case, what happened
 * (timeline), who viewed or exported its record (access log, apart from what happened), the committee's minutes
 * with each named vote ({@code committee}: rendered for people; {@code committeeMinutes}: the stored text, which is
 * the record), the evidence with its hashes and their verification, the duty facts, the reviews with
 * their findings and decisions, and the rule and model versions that judged them. Where the chain does not
 * verify, the duty facts and findings resting on its first broken record or later say they are unreliable, and
 * each review states how its evidence verified. Served as JSON for machines and as PDF for people, from the
 * same content. For people it also names who acted ({@code people}: user id → name), each step as the model names
 * it ({@code stepNames}: BPMN element id → name), and what each step recorded, through its form ({@code submissions}).
 * {@code ledgerProofs}: the checkpoint signed at export, and for each of the case's records its
 * RFC 9162 inclusion proof against it, for {@code VerifyDossierCommand} to check with the public key alone (null
 * when no checkpoint could be signed: the ledger disagrees with an earlier one).
 */
public record Dossier(
    String businessKey,
    Instant generatedAt,
    String generatedBy,
    CaseFile caseFile,
    ChainVerification verification,
    List<TimelineEntry> timeline,
    List<TimelineEntry> accessLog,
    List<EvidenceRecord> evidence,
    List<Fact> dutyFacts,
    List<String> committeeMinutes,
    List<com.creditdiligence.committee.CommitteeMeeting> committee,
    List<Review> reviews,
    List<String> ruleVersions,
    Map<String, String> people,
    Map<String, String> stepNames,
    List<Submission> submissions,
    LedgerCheckpoints.CaseProofs ledgerProofs) {

  /**
   * What one step recorded, through the form it was submitted on: each answer labelled as the form asked it, with
   * the §19 amendments that followed applied (their numbers in {@code amendedBy}). A sealed vote has no answers.
   */
  public record Submission(
      int evidence,
      String element,
      String recordType,
      String performer,
      Instant at,
      List<FormLayout.Row> answers,
      List<Integer> amendedBy,
      boolean sealed) {

    /** A committee member's vote (the minutes list them apart from the other steps). */
    public boolean vote() {
      return RecordType.VOTE_CAST.code().equals(recordType);
    }
  }

  /** A duty fact, and whether it rests on the chain's first broken record or a later one. */
  public record Fact(@JsonUnwrapped DutyFact fact, boolean evidenceUnreliable) {}

  /**
   * @param evidenceIntegrity  the worse of the chain's verification when the review opened and now
   * @param unreliableFindings the numbers of the findings resting on its first broken record or later
   * @param grounds            per manager, the exemption grounds the record shows, with their evidence
   */
  public record Review(
      AccountabilityReview review,
      EvidenceIntegrity evidenceIntegrity,
      List<ReviewFinding> findings,
      List<Integer> unreliableFindings,
      List<Determination> determinations,
      java.util.Map<String, List<com.creditdiligence.accountability.ExemptionGround>> grounds) {}
}
