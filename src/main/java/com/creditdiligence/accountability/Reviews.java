package com.creditdiligence.accountability;

import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.NewEvidence;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.submission.BusinessTime;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the review's steps share: the case's facts as they stood when the review opened, who managed the
 * case, the §28 eligibility of each manager, and the review's own records in the case's ledger.
 */
@Component
public class Reviews {

  /** The ledger's name for the review process, on the records it writes itself. */
  static final String PROCESS_KEY = "accountability-review";

  private final ReviewStore store;
  private final EvidenceLedger ledger;
  private final CaseFiles caseFiles;
  private final CaseDutyFacts dutyFacts;

  /** Lazily: the rule book needs the engine, whose plugin needs the review's steps, which need this. */
  private final ObjectProvider<RuleBook> rules;

  private final BusinessTime businessTime;

  Reviews(
      ReviewStore store,
      EvidenceLedger ledger,
      CaseFiles caseFiles,
      CaseDutyFacts dutyFacts,
      ObjectProvider<RuleBook> rules,
      BusinessTime businessTime) {
    this.store = store;
    this.rules = rules;
    this.dutyFacts = dutyFacts;
    this.ledger = ledger;
    this.caseFiles = caseFiles;
    this.businessTime = businessTime;
  }

  /** The applicant of the case under review, as its case file names them. */
  Optional<String> applicantOf(String businessKey) {
    return caseFiles.find(businessKey).map(CaseFile::applicantName);
  }

  public AccountabilityReview review(String reviewId) {
    return store
        .review(reviewId)
        .orElseThrow(() -> new IllegalStateException("No review " + reviewId));
  }

  /**
   * Everyone the review decides on: whoever held the case when a duty fell due, whoever applied for it,
   * whoever holds it now — and whoever a duty fact holds responsible though they never managed it (an
   * administrator who bypassed the approval procedure answers for it, and is decided on like a manager).
   */
  List<String> managersOf(String businessKey, List<DutyFact> facts, List<EvidenceRecord> records) {
    TreeSet<String> managers = new TreeSet<>();
    facts.stream().map(DutyFact::responsible).filter(m -> m != null).forEach(managers::add);
    records.stream()
        .filter(r -> r.is(RecordType.PROCESS_STARTED) && "INTAKE_REGISTRATION".equals(r.dutyCode()))
        .map(EvidenceRecord::performer)
        .filter(m -> m != null)
        .forEach(managers::add);
    caseFiles.find(businessKey).ifPresent(file -> managers.add(file.caseManager()));
    return List.copyOf(managers);
  }

  /**
   * Everyone who may answer for the case: its managers, and the committee members who voted on its approval (a
   * collective decision is its voters'; a reject vote with its grounds clears the voter of a finding about it). The
   * auditor may name any of them in a finding, and none of them may audit, deliberate or decide the case's review.
   */
  public List<String> answerableFor(String businessKey) {
    List<EvidenceRecord> records = ledger.records(businessKey);
    TreeSet<String> persons =
        new TreeSet<>(
            managersOf(
                businessKey, dutyFacts.of(businessKey, records, businessTime.now()), records));
    persons.addAll(ExemptionEligibility.voters(records));
    return List.copyOf(persons);
  }

  /**
   * The persons a review hears and decides on, from its record: those the case held responsible when it opened, then
   * anyone the auditor's findings name (a committee member, say), in that order.
   */
  public List<String> underReview(AccountabilityReview review) {
    List<EvidenceRecord> records = ledger.records(review.businessKey());
    Set<String> persons =
        new LinkedHashSet<>(
            managersOf(
                review.businessKey(),
                dutyFacts.of(review.businessKey(), records, review.openedAt()),
                records));
    // The auditor's findings name persons checked against the case's answerable ones; a draft's
    // «未查明» names nobody.
    store.findings(review.reviewId()).stream()
        .filter(f -> ReviewFinding.BY_AUDITOR.equals(f.origin()))
        .map(ReviewFinding::manager)
        .forEach(persons::add);
    return List.copyOf(persons);
  }

  public List<String> managersOf(String businessKey) {
    List<EvidenceRecord> records = ledger.records(businessKey);
    return managersOf(businessKey, dutyFacts.of(businessKey, records, businessTime.now()), records);
  }

  public ExemptionEligibility.Eligibility eligibility(String reviewId, String manager) {
    return eligibility(review(reviewId), List.of(manager)).get(0);
  }

  /**
   * Each manager's §28 eligibility, from one reading of the case's ledger and the review's findings. The
   * duty facts are those as they stood when the review opened: later days do not make old duties late.
   */
  List<ExemptionEligibility.Eligibility> eligibility(
      AccountabilityReview review, Collection<String> managers) {
    List<EvidenceRecord> records = ledger.records(review.businessKey());
    return eligibility(review, managers, records, evidenceIntegrity(review, records));
  }

  /** A review as its readers see it: whom it decides on, their eligibility, and the evidence's integrity. */
  record Assessment(
      List<ExemptionEligibility.Eligibility> eligibility, EvidenceIntegrity evidence) {}

  /**
   * The review from one reading of the case's ledger and one verification of its chain: the persons the case
   * holds responsible now, and {@code alsoDecidedOn} (those findings name), each with their eligibility.
   */
  Assessment assess(AccountabilityReview review, Collection<String> alsoDecidedOn) {
    List<EvidenceRecord> records = ledger.records(review.businessKey());
    Set<String> managers =
        new LinkedHashSet<>(
            managersOf(
                review.businessKey(),
                dutyFacts.of(review.businessKey(), records, businessTime.now()),
                records));
    managers.addAll(alsoDecidedOn);
    EvidenceIntegrity evidence = evidenceIntegrity(review, records);
    return new Assessment(eligibility(review, managers, records, evidence), evidence);
  }

  private List<ExemptionEligibility.Eligibility> eligibility(
      AccountabilityReview review,
      Collection<String> managers,
      List<EvidenceRecord> records,
      EvidenceIntegrity evidence) {
    List<DutyFact> facts = dutyFacts.of(review.businessKey(), records, review.openedAt());
    List<ReviewFinding> findings = store.findings(review.reviewId());
    List<CaseFiles.Handover> handovers = caseFiles.handovers(review.businessKey());
    return managers.stream()
        .map(
            manager ->
                ExemptionEligibility.of(
                    manager,
                    facts,
                    findings,
                    records,
                    evidence,
                    grounds(review, manager, facts, findings, records, handovers)))
        .toList();
  }

  /** Per manager the review decides on, the exemption grounds the record shows (for the dossier). */
  public java.util.Map<String, List<ExemptionGround>> grounds(AccountabilityReview review) {
    java.util.Map<String, List<ExemptionGround>> grounds = new java.util.TreeMap<>();
    eligibility(review, managersOf(review.businessKey()))
        .forEach(e -> grounds.put(e.manager(), e.grounds()));
    return grounds;
  }

  /** The manager's exemption grounds, each judged by the grounds table in force when the review opened. */
  private List<ExemptionGround> grounds(
      AccountabilityReview review,
      String manager,
      List<DutyFact> facts,
      List<ReviewFinding> findings,
      List<EvidenceRecord> records,
      List<CaseFiles.Handover> handovers) {
    int major =
        (int)
            findings.stream()
                .filter(
                    f ->
                        manager.equals(f.manager())
                            && f.confirmed()
                            && "major".equals(f.severity()))
                .count();
    RuleBook book = rules.getObject();
    return ExemptionGrounds.of(manager, facts, findings, records, handovers).stream()
        .map(g -> g.judged(book.exemptionGround(g.code(), g.detail(), major, review.openedAt())))
        .toList();
  }

  /**
   * Whether the review's evidence can be relied on: the chain as verified when the review opened, and as it
   * verifies now (a record changed after the opening counts too) — the worse of the two.
   */
  public EvidenceIntegrity evidenceIntegrity(AccountabilityReview review) {
    return evidenceIntegrity(review, ledger.records(review.businessKey()));
  }

  EvidenceIntegrity evidenceIntegrity(AccountabilityReview review, List<EvidenceRecord> records) {
    return EvidenceIntegrity.worse(
        review.evidenceAtOpening(),
        EvidenceIntegrity.of(ledger.verify(review.businessKey(), records), now()));
  }

  /** A record of the review's own making (opened, closed) in the case's chain. */
  void record(
      String reviewId,
      String businessKey,
      RecordType recordType,
      String definitionId,
      String elementId,
      String performer,
      Map<String, Object> facts,
      String ruleVersions) {
    ledger.append(
        NewEvidence.of(businessKey, recordType, performer, businessTime.now())
            .withProcess(PROCESS_KEY, reviewId)
            .withDefinition(definitionId)
            .withStep(elementId, null)
            .withDuty(null, "§27 §28")
            .withFindings(CanonicalForm.json(facts))
            .withDocuments(CanonicalForm.json(List.of()))
            .withRuleSetVersion(ruleVersions));
  }

  /** The time by the business clock, for the review's steps. */
  public Instant now() {
    return businessTime.now();
  }

  /** The verification as people read it, its time in the business zone. */
  public String statementOf(EvidenceIntegrity evidence) {
    return evidence.statement(businessTime);
  }
}
