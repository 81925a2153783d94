package com.creditdiligence.accountability;

import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.platform.EngineValues;
import com.creditdiligence.security.Memberships;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Stage;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 稽核审查 The auditor's review: every draft finding confirmed or rejected with a reason, the findings only
 * a person can judge added with evidence; by an auditor who did not manage the case. Once accepted, the
 * verdicts and added findings are written to the review (as the task completes, in its transaction).
 */
@Component("auditorReviewRecorder")
class AuditorReviewRule implements TaskRule, TaskListener {

  private final ReviewStore store;
  private final Reviews reviews;
  private final EvidenceLedger ledger;
  private final Memberships memberships;
  private final BusinessTime businessTime;

  AuditorReviewRule(
      ReviewStore store,
      Reviews reviews,
      EvidenceLedger ledger,
      Memberships memberships,
      BusinessTime businessTime) {
    this.store = store;
    this.reviews = reviews;
    this.ledger = ledger;
    this.memberships = memberships;
    this.businessTime = businessTime;
  }

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_AuditorReview",
              "Form_AuditorReview",
              Stage.REVIEW,
              new Duty("ACCOUNTABILITY_AUDIT", "§27"))
          .items("findingDecisions", "addedFindings")
          .text("auditSummary")
          .reads("reviewId")
          .build();

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    AccountabilityReview review = reviews.review(s.text("reviewId").orElseThrow());
    List<String> managers = reviews.answerableFor(review.businessKey());
    List<Refusal> refusals =
        new ArrayList<>(
            ReviewSegregation.auditor(
                s.performer(), memberships.isMember(s.performer(), Memberships.AUDITOR), managers));
    refusals.addAll(read(s, review, managers).refusals());
    return refusals;
  }

  /** Runs after the rule accepted the submission: the verdicts and added findings become the review's. */
  @Override
  public void notify(DelegateTask task) {
    Submission s = EngineValues.submission(task, businessTime);
    String performer = s.performer();
    AccountabilityReview review = reviews.review(s.text("reviewId").orElseThrow());
    AuditorReview decided = read(s, review, reviews.answerableFor(review.businessKey()));
    decided
        .verdicts()
        .forEach(
            v ->
                store.judgeFinding(
                    review.reviewId(),
                    v.findingNo(),
                    v.confirmed() ? ReviewFinding.CONFIRMED : ReviewFinding.REJECTED,
                    v.reason(),
                    performer));
    int next = store.findings(review.reviewId()).size() + 1;
    for (AuditorReview.AddedFinding added : decided.added()) {
      store.addFinding(
          new ReviewFinding(
              review.reviewId(),
              next++,
              added.manager(),
              ReviewFinding.BY_AUDITOR,
              null,
              added.stage(),
              added.clause(),
              added.severity(),
              added.statement(),
              added.evidence(),
              null,
              null,
              ReviewFinding.CONFIRMED,
              "稽核认定 Found by the auditor",
              performer));
    }
    // Whoever a finding names is heard and decided on, a committee member as much as a manager:
    // from the record, not
    // from the variable the determinations then loop over.
    task.getExecution()
        .setVariable("managersUnderReview", new ArrayList<>(reviews.underReview(review)));
    store.recordAuditor(review.reviewId(), performer);
  }

  private AuditorReview read(Submission s, AccountabilityReview review, List<String> managers) {
    List<ReviewFinding> drafts =
        store.findings(review.reviewId()).stream()
            .filter(f -> f.status().equals(ReviewFinding.DRAFT))
            .toList();
    return new AuditorReview(
        s, drafts, managers, ledger.headSequence(review.businessKey()).orElse(0));
  }
}
