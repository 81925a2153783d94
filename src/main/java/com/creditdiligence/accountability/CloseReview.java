package com.creditdiligence.accountability;

import com.creditdiligence.evidence.RecordType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the review: the final outcome per manager (the appeal's where there was one) is the last record of it. */
@Component("closeReview")
class CloseReview implements JavaDelegate {

  private final ReviewStore store;
  private final Reviews reviews;

  CloseReview(ReviewStore store, Reviews reviews) {
    this.store = store;
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AccountabilityReview review = reviews.review(execution.getProcessInstanceId());
    Map<String, Object> outcomes = new LinkedHashMap<>();
    for (Determination determination : store.determinations(review.reviewId())) {
      // Ordered by decision time: an appeal's decision replaces the first one.
      outcomes.put(
          determination.manager(),
          determination.tier().code()
              + " "
              + String.join(",", determination.clauses())
              + " ("
              + determination.round()
              + ", "
              + determination.decidedBy()
              + ")");
    }
    store.close(review.reviewId(), reviews.now());
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("outcomes", outcomes);
    facts.put("openedAt", review.openedAt().toString());
    facts.put("dueAt", review.dueAt().toString());
    facts.put("ageDays", review.ageDays(reviews.now()));
    reviews.record(
        review.reviewId(),
        review.businessKey(),
        RecordType.REVIEW_CLOSED,
        execution.getProcessDefinitionId(),
        execution.getCurrentActivityId(),
        null,
        facts,
        String.join("; ", review.ruleVersions()));
  }
}
