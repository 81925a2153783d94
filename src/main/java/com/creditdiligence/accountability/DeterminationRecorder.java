package com.creditdiligence.accountability;

import com.creditdiligence.platform.EngineValues;
import com.creditdiligence.security.Memberships;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Submission;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Writes an accepted determination (first or on appeal) to the review, as the board member completes the
 * task; after a first decision of liability, the manager's appeal window opens.
 */
@Component("determinationRecorder")
class DeterminationRecorder implements TaskListener {

  private final ReviewStore store;
  private final Reviews reviews;
  private final ReviewDeadlines deadlines;
  private final BusinessTime businessTime;

  DeterminationRecorder(
      ReviewStore store, Reviews reviews, ReviewDeadlines deadlines, BusinessTime businessTime) {
    this.store = store;
    this.reviews = reviews;
    this.deadlines = deadlines;
    this.businessTime = businessTime;
  }

  @Override
  public void notify(DelegateTask task) {
    Submission s = EngineValues.submission(task, businessTime);
    String reviewId = s.text("reviewId").orElseThrow();
    String manager = s.text("manager").orElseThrow();
    boolean appeal =
        DeterminationRules.AppealDecisionRule.SPEC.elementId().equals(task.getTaskDefinitionKey());
    String tier =
        s.text(appeal ? DeterminationRules.APPEAL_TIER : DeterminationRules.FIRST_TIER)
            .orElseThrow();
    store.determine(
        new Determination(
            reviewId,
            manager,
            appeal ? Determination.APPEAL : Determination.FIRST,
            Tier.ofCode(tier).orElseThrow(),
            s.list(appeal ? DeterminationRules.APPEAL_CLAUSES : DeterminationRules.FIRST_CLAUSES),
            s.text(
                    appeal
                        ? DeterminationRules.APPEAL_RATIONALE
                        : DeterminationRules.FIRST_RATIONALE)
                .orElseThrow(),
            reviews.eligibility(reviewId, manager).eligible(),
            s.performer(),
            reviews.now()));
    if (!appeal) {
      task.getExecution()
          .setVariable(
              "appealDueDate",
              Date.from(reviews.now().plus(deadlines.appealDays(), ChronoUnit.DAYS)));
      // The appeal is offered only to board members who may decide it: not the first decider, the
      // auditor or a manager of the case (the rule checks again at completion).
      AccountabilityReview review = reviews.review(reviewId);
      List<String> excluded = new ArrayList<>(reviews.answerableFor(review.businessKey()));
      excluded.add(s.performer());
      excluded.add(review.auditor());
      task.getExecution()
          .setVariable(
              "appealCandidates",
              new ArrayList<>(
                  task
                      .getProcessEngineServices()
                      .getIdentityService()
                      .createUserQuery()
                      .memberOfGroup(Memberships.ACCOUNTABILITY_BOARD)
                      .list()
                      .stream()
                      .map(User::getId)
                      .filter(id -> !excluded.contains(id))
                      .toList()));
    }
  }
}
