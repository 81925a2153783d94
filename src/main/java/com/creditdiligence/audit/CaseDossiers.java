package com.creditdiligence.audit;

import com.creditdiligence.accountability.CaseDutyFacts;
import com.creditdiligence.accountability.EvidenceIntegrity;
import com.creditdiligence.accountability.ReviewFinding;
import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.accountability.Reviews;
import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.committee.CommitteeDecisions;
import com.creditdiligence.committee.CommitteeMeeting;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.ChainVerification;
import com.creditdiligence.evidence.EvidenceDisclosure;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.LedgerCheckpoints;
import com.creditdiligence.platform.TaskRules;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.security.Memberships;
import com.creditdiligence.security.People;
import com.creditdiligence.submission.TaskRule;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
  private final ModelDiagrams models;
  private final People people;
  private final LedgerCheckpoints checkpoints;

  CaseDossiers(
      CaseFiles caseFiles,
      EvidenceLedger ledger,
      ReviewStore reviews,
      EvidenceDisclosure disclosure,
      CaseAccess access,
      TaskRules steps,
      CaseDutyFacts dutyFacts,
      Reviews review,
      CommitteeDecisions committee,
      ModelDiagrams models,
      People people,
      LedgerCheckpoints checkpoints) {
    this.models = models;
    this.people = people;
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
    return assemble(
        businessKey, generatedBy, now, checkpoints.proofsAgainstLatest(businessKey).orElse(null));
  }

  private Dossier assemble(
      String businessKey, String generatedBy, Instant now, LedgerCheckpoints.CaseProofs proofs) {
    List<EvidenceRecord> records = ledger.records(businessKey);
    List<TimelineEntry> timeline = Timeline.all(records, steps.stages());
    ChainVerification verification = ledger.verify(businessKey, records);
    EvidenceIntegrity current = EvidenceIntegrity.of(verification, now);
    List<Dossier.Review> caseReviews =
        reviews.reviewsOfCase(businessKey).stream()
            .map(
                r -> {
                  EvidenceIntegrity evidence =
                      EvidenceIntegrity.worse(r.evidenceAtOpening(), current);
                  List<ReviewFinding> findings = reviews.findings(r.reviewId());
                  return new Dossier.Review(
                      r,
                      evidence,
                      findings,
                      findings.stream()
                          .filter(f -> evidence.unreliable(f.evidence()))
                          .map(ReviewFinding::findingNo)
                          .toList(),
                      reviews.determinations(r.reviewId()),
                      review.grounds(r));
                })
            .toList();
    TreeSet<String> versions = new TreeSet<>();
    // The canonical forms the case's records were hashed under (v1 before Flyway V33, v2 since).
    records.stream().map(r -> "ledger " + r.canonicalVersion()).forEach(versions::add);
    if (records.isEmpty()) {
      versions.add("ledger " + CanonicalForm.VERSION);
    }
    records.stream()
        .map(EvidenceRecord::ruleSetVersion)
        .filter(Objects::nonNull)
        .forEach(versions::add);
    caseReviews.forEach(r -> versions.addAll(r.review().ruleVersions()));
    CaseFile caseFile = caseFiles.find(businessKey).orElseThrow();
    List<CommitteeMeeting> meetings = committee.meetingsOf(businessKey);
    // Sealed votes stay sealed in the dossier, its PDF and the replay, as in the evidence API.
    List<EvidenceRecord> disclosed =
        disclosure.asSeenBy(businessKey, access.inGroup(Memberships.AUDITOR), records);
    return new Dossier(
        businessKey,
        now,
        generatedBy,
        caseFile,
        verification,
        Timeline.steps(timeline),
        Timeline.accessLog(timeline),
        disclosed,
        dutyFacts.of(businessKey, records, now).stream()
            .map(f -> new Dossier.Fact(f, current.unreliable(f.evidence())))
            .toList(),
        committee.allMinutesOf(businessKey),
        meetings,
        caseReviews,
        List.copyOf(versions),
        people.named(actors(generatedBy, caseFile, records, caseReviews, meetings)),
        models.stepNames(records),
        Submissions.of(disclosed, this::stepOf),
        proofs);
  }

  private Optional<Submissions.Step> stepOf(String elementId) {
    return steps
        .forElement(elementId)
        .map(TaskRule::spec)
        .map(
            spec ->
                new Submissions.Step(
                    spec.formId().replaceFirst("^Form_", ""), spec.duty().recordType()));
  }

  /** Everyone the dossier names: who exported it, the manager, whoever acted or was assigned, reviewed or decided. */
  private static Set<String> actors(
      String generatedBy,
      CaseFile caseFile,
      List<EvidenceRecord> records,
      List<Dossier.Review> caseReviews,
      List<CommitteeMeeting> meetings) {
    Set<String> ids = new java.util.HashSet<>();
    meetings.forEach(m -> m.votes().forEach(v -> ids.add(v.memberId())));
    ids.add(generatedBy);
    ids.add(caseFile.caseManager());
    records.forEach(
        r -> {
          ids.add(r.performer());
          ids.add(r.assignee());
        });
    caseReviews.forEach(
        r -> {
          ids.add(r.review().auditor());
          ids.add(r.review().openedBy());
          r.findings()
              .forEach(
                  f -> {
                    ids.add(f.manager());
                    ids.add(f.judgedBy());
                  });
          r.determinations()
              .forEach(
                  d -> {
                    ids.add(d.manager());
                    ids.add(d.decidedBy());
                  });
          ids.addAll(r.grounds().keySet());
        });
    ids.remove(null);
    return new TreeSet<>(ids);
  }
}
