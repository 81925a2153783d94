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
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 责任认定 and 申诉复核: the board decides one manager's tier, citing only clauses of the findings that stand
 * against them; an appeal is decided by a member who did not decide first and can never make it heavier.
 */
final class DeterminationRules {

  static final String FIRST_TIER = "tier";
  static final String FIRST_CLAUSES = "determinationClauses";
  static final String FIRST_RATIONALE = "determinationRationale";
  static final String APPEAL_TIER = "appealTier";
  static final String APPEAL_CLAUSES = "appealClauses";
  static final String APPEAL_RATIONALE = "appealRationale";

  private DeterminationRules() {}

  /**
   * @param citable the clauses the decision may cite
   * @param ceiling the heaviest tier allowed (the first decision, for an appeal), or null
   */
  static List<Refusal> check(
      Submission s,
      String tierKey,
      String clausesKey,
      String rationaleKey,
      List<String> citable,
      Tier ceiling) {
    Checks checks = new Checks(s).requireFinding(rationaleKey, "认定理由 Rationale");
    Optional<Tier> tier = s.text(tierKey).flatMap(Tier::ofCode);
    List<String> clauses = s.list(clausesKey);
    if (tier.isEmpty()) {
      checks.refuse(tierKey, "须选择认定结果:应免责、可减免或不得免责 Choose exempt, reducible or not exempt");
    } else if (tier.get() == Tier.EXEMPT && !clauses.isEmpty()) {
      checks.refuse(clausesKey, "应免责的认定不引用问责条款 An exempt decision cites no §27 clause");
    } else if (tier.get() != Tier.EXEMPT && clauses.isEmpty()) {
      checks.refuse(
          clausesKey, "须引用问责条款 A decision of liability must cite the §27 clauses it rests on");
    }
    clauses.stream()
        .filter(c -> !citable.contains(c))
        .forEach(
            c ->
                checks.refuse(
                    clausesKey,
                    "条款 "
                        + c
                        + " 没有已确认的情形支持 No confirmed finding against this manager supports "
                        + c
                        + " (citable: "
                        + (citable.isEmpty() ? "none" : String.join(", ", citable))
                        + ")"));
    if (ceiling != null && tier.isPresent() && tier.get().heavierThan(ceiling)) {
      checks.refuse(
          tierKey,
          "申诉不得加重责任 An appeal may not increase the liability: the first decision was "
              + ceiling.label());
    }
    return checks.refusals();
  }

  @Component
  static class FirstDeterminationRule implements TaskRule {

    private final Reviews reviews;
    private final Memberships memberships;

    FirstDeterminationRule(Reviews reviews, Memberships memberships) {
      this.reviews = reviews;
      this.memberships = memberships;
    }

    static final TaskSpec SPEC =
        TaskSpec.of(
                "Task_BoardDetermination",
                "Form_BoardDetermination",
                Stage.REVIEW,
                new Duty("ACCOUNTABILITY_DETERMINATION", "§27 §28 责任认定"))
            .choice("tier")
            .choices("determinationClauses")
            .text("determinationRationale")
            .reads("manager", "reviewId")
            .build();

    @Override
    public TaskSpec spec() {
      return SPEC;
    }

    @Override
    public List<Refusal> check(Submission s) {
      AccountabilityReview review = reviews.review(s.text("reviewId").orElseThrow());
      String manager = s.text("manager").orElseThrow();
      List<Refusal> refusals =
          new ArrayList<>(
              ReviewSegregation.board(
                  s.performer(),
                  memberships.isMember(s.performer(), Memberships.ACCOUNTABILITY_BOARD),
                  reviews.answerableFor(review.businessKey()),
                  review.auditor()));
      refusals.addAll(
          DeterminationRules.check(
              s,
              FIRST_TIER,
              FIRST_CLAUSES,
              FIRST_RATIONALE,
              reviews.eligibility(review.reviewId(), manager).clauses(),
              null));
      return refusals;
    }
  }

  @Component
  static class AppealDecisionRule implements TaskRule {

    private final Reviews reviews;
    private final ReviewStore store;
    private final Memberships memberships;

    AppealDecisionRule(Reviews reviews, ReviewStore store, Memberships memberships) {
      this.reviews = reviews;
      this.store = store;
      this.memberships = memberships;
    }

    static final TaskSpec SPEC =
        TaskSpec.of(
                "Task_AppealDecision",
                "Form_AppealDecision",
                Stage.REVIEW,
                new Duty("ACCOUNTABILITY_APPEAL_DECISION", "金规〔2024〕11号 申诉复核"))
            .choice("appealTier")
            .choices("appealClauses")
            .text("appealRationale")
            .reads("manager", "reviewId")
            .build();

    @Override
    public TaskSpec spec() {
      return SPEC;
    }

    @Override
    public List<Refusal> check(Submission s) {
      AccountabilityReview review = reviews.review(s.text("reviewId").orElseThrow());
      String manager = s.text("manager").orElseThrow();
      Determination first =
          store.determination(review.reviewId(), manager, Determination.FIRST).orElseThrow();
      List<Refusal> refusals =
          new ArrayList<>(
              ReviewSegregation.appealBoard(
                  s.performer(),
                  memberships.isMember(s.performer(), Memberships.ACCOUNTABILITY_BOARD),
                  reviews.answerableFor(review.businessKey()),
                  review.auditor(),
                  first.decidedBy()));
      refusals.addAll(
          DeterminationRules.check(
              s, APPEAL_TIER, APPEAL_CLAUSES, APPEAL_RATIONALE, first.clauses(), first.tier()));
      return refusals;
    }
  }
}
