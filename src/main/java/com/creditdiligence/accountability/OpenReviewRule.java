package com.creditdiligence.accountability;

import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.security.Memberships;
import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Stage;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** An auditor opens a review of any case, saying why; never of a case they managed, and one at a time per case. */
@Component
class OpenReviewRule implements TaskRule {

  private final CaseFiles caseFiles;
  private final ReviewStore store;
  private final Reviews reviews;
  private final Memberships memberships;

  OpenReviewRule(CaseFiles caseFiles, ReviewStore store, Reviews reviews, Memberships memberships) {
    this.caseFiles = caseFiles;
    this.store = store;
    this.reviews = reviews;
    this.memberships = memberships;
  }

  static final TaskSpec SPEC =
      TaskSpec.of(
              "StartEvent_ReviewRequested",
              "Form_OpenAccountabilityReview",
              Stage.REVIEW,
              new Duty(
                  "ACCOUNTABILITY_REVIEW_OPENED", "§27 §28", RecordType.PROCESS_STARTED.code()))
          .text("caseKey", "reviewReason")
          .build();

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    List<Refusal> refusals =
        new ArrayList<>(
            new Checks(s)
                .requireText("caseKey", "案件编号 Case key")
                .requireFinding("reviewReason", "审查理由 Reason for the review")
                .refusals());
    String caseKey = s.text("caseKey").orElse(null);
    if (caseKey == null) {
      return refusals;
    }
    if (caseFiles.find(caseKey).isEmpty()) {
      refusals.add(new Refusal("caseKey", "没有案件 " + caseKey + " No case " + caseKey));
      return refusals;
    }
    if (store.reviewsOfCase(caseKey).stream().anyMatch(r -> !r.closed())) {
      refusals.add(
          new Refusal(
              "caseKey",
              "案件 "
                  + caseKey
                  + " 已有进行中的问责审查 Case "
                  + caseKey
                  + " already has an accountability review under way"));
    }
    refusals.addAll(
        ReviewSegregation.auditor(
            s.performer(),
            memberships.isMember(s.performer(), Memberships.AUDITOR),
            reviews.managersOf(caseKey)));
    return refusals;
  }
}
