package com.creditdiligence.audit;

import com.creditdiligence.accountability.CaseDutyFacts;
import com.creditdiligence.accountability.EvidenceIntegrity;
import com.creditdiligence.accountability.ReviewFinding;
import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.accountability.Reviews;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.committee.CommitteeDecisions;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.ChainVerification;
import com.creditdiligence.evidence.EvidenceDisclosure;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.LedgerCheckpoints;
import com.creditdiligence.platform.TaskRules;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.security.Memberships;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** Assembles a case's dossier from the ledger and the review tables (never from Camunda's history). */
@Component
class CaseDossiers {

  private final CaseFiles caseFiles;
  private final EvidenceLedger ledger;
  private final ReviewStore reviews;
  private final EvidenceDisclosure disclosure;
  private final CaseAccess access;
  private final TaskRules steps;
  private final CaseDutyFacts dutyFacts;
  private final Reviews review;
  private final CommitteeDecisions committee;
  private final LedgerCheckpoints checkpoints;

  CaseDossiers(CaseFiles caseFiles, EvidenceLedger ledger, ReviewStore reviews, EvidenceDisclosure disclosure,
               CaseAccess access, TaskRules steps, CaseDutyFacts dutyFacts, Reviews review,
               CommitteeDecisions committee, LedgerCheckpoints checkpoints) {
    this.checkpoints = checkpoints;
    this.review = review;
    this.committee = committee;
    this.caseFiles = caseFiles;
    this.ledger = ledger;
    this.reviews = reviews;
    this.disclosure = disclosure;
    this.access = access;
    this.steps = steps;
    this.dutyFacts = dutyFacts;
  }

  /** The dossier as exported: a checkpoint is signed first, so that every record read below is covered by it. */
  Dossier of(String businessKey, String generatedBy, Instant now) {
    return assemble(businessKey, generatedBy, now, checkpoints.proofsFor(businessKey).orElse(null));
  }

  /** For the replay page: proofs against the latest checkpoint, none signed for a mere view. */
  Dossier forViewing(String businessKey, String generatedBy, Instant now) {
    return assemble(businessKey, generatedBy, now, checkpoints.proofsAgainstLatest(businessKey).orElse(null));
  }

  private Dossier assemble(String businessKey, String generatedBy, Instant now, LedgerCheckpoints.CaseProofs proofs) {
    List<EvidenceRecord> records = ledger.records(businessKey);
    List<TimelineEntry> timeline = Timeline.all(records, steps.stages());
    ChainVerification verification = ledger.verify(businessKey, records);
    EvidenceIntegrity current = EvidenceIntegrity.of(verification, now);
    List<Dossier.Review> caseReviews = reviews.reviewsOfCase(businessKey).stream().map(r -> {
      EvidenceIntegrity evidence = EvidenceIntegrity.worse(r.evidenceAtOpening(), current);
      List<ReviewFinding> findings = reviews.findings(r.reviewId());
      return new Dossier.Review(r, evidence, findings,
          findings.stream().filter(f -> evidence.unreliable(f.evidence())).map(ReviewFinding::findingNo).toList(),
          reviews.determinations(r.reviewId()), review.grounds(r));
    }).toList();
    TreeSet<String> versions = new TreeSet<>();
    versions.add("ledger " + CanonicalForm.VERSION);
    records.stream().map(EvidenceRecord::ruleSetVersion).filter(Objects::nonNull).forEach(versions::add);
    caseReviews.forEach(r -> versions.addAll(r.review().ruleVersions()));
    return new Dossier(businessKey, now, generatedBy, caseFiles.find(businessKey).orElseThrow(),
        verification, Timeline.steps(timeline), Timeline.accessLog(timeline),
        // Sealed votes stay sealed in the dossier, its PDF and the replay, as in the evidence API.
        disclosure.asSeenBy(businessKey, access.inGroup(Memberships.AUDITOR), records),
        dutyFacts.of(businessKey, records, now).stream()
            .map(f -> new Dossier.Fact(f, current.unreliable(f.evidence()))).toList(),
        committee.allMinutesOf(businessKey), caseReviews,
        List.copyOf(versions), proofs);
  }
}
