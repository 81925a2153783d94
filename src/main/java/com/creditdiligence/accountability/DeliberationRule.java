package com.creditdiligence.accountability;

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

/** 评议 Deliberation: a board member, neither a manager of the case nor its auditor, records the board's deliberation. */
@Component
class DeliberationRule implements TaskRule {

  private final Reviews reviews;
  private final Memberships memberships;

  DeliberationRule(Reviews reviews, Memberships memberships) {
    this.reviews = reviews;
    this.memberships = memberships;
  }

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_Deliberation",
              "Form_Deliberation",
              Stage.REVIEW,
              new Duty("ACCOUNTABILITY_DELIBERATION", "金规〔2024〕11号 评议"))
          .text("deliberationMinutes")
          .reads("reviewId")
          .build();

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    AccountabilityReview review = reviews.review(s.text("reviewId").orElseThrow());
    List<Refusal> refusals =
        new ArrayList<>(
            ReviewSegregation.board(
                s.performer(),
                memberships.isMember(s.performer(), Memberships.ACCOUNTABILITY_BOARD),
                reviews.answerableFor(review.businessKey()),
                review.auditor()));
    refusals.addAll(
        new Checks(s)
            .requireFinding("deliberationMinutes", "评议记录 Deliberation minutes")
            .refusals());
    return refusals;
  }
}
