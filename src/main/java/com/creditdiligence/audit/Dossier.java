package com.creditdiligence.audit;

import com.creditdiligence.accountability.AccountabilityReview;
import com.creditdiligence.accountability.Determination;
import com.creditdiligence.accountability.DutyFact;
import com.creditdiligence.accountability.ReviewFinding;
import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.evidence.ChainVerification;
import com.creditdiligence.evidence.EvidenceRecord;
import java.time.Instant;
import java.util.List;

/**
 * Everything an outside auditor needs to re-check a case, in one document: the case, what happened
 * (timeline), the evidence with its hashes and their verification, the duty facts, the reviews with
 * their findings and decisions, and the rule and model versions that judged them. Served as JSON for
 * machines and as PDF for people, from the same content.
 */
public record Dossier(String businessKey, Instant generatedAt, String generatedBy, CaseFile caseFile,
                      ChainVerification verification, List<TimelineEntry> timeline, List<EvidenceRecord> evidence,
                      List<DutyFact> dutyFacts, List<Review> reviews, List<String> ruleVersions) {

  public record Review(AccountabilityReview review, List<ReviewFinding> findings, List<Determination> determinations) {
  }
}
