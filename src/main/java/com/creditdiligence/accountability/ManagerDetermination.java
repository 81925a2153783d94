package com.creditdiligence.accountability;

import com.creditdiligence.documents.CaseDocuments;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.security.People;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Opens one manager's part of the review: the brief the board reads (§28 eligibility with its reasons,
 * the findings that stand, the suggested tier, and whether the case's evidence chain verifies — checked
 * again here, so that a record changed after the review opened counts too), the clauses a decision may
 * cite, the statement window, and this manager's own (typed, empty) form fields, so that parallel
 * managers never share an answer.
 */
@Component("managerDetermination")
class ManagerDetermination implements ExecutionListener {

  /** The manager under review as the forms show them, «王经理一 (manager1)». */
  static final String MANAGER_SHOWN = "managerShown";

  private final Reviews reviews;
  private final RuleBook rules;
  private final ReviewDeadlines deadlines;
  private final CaseDocuments documents;
  private final People people;

  ManagerDetermination(
      Reviews reviews,
      RuleBook rules,
      ReviewDeadlines deadlines,
      CaseDocuments documents,
      People people) {
    this.documents = documents;
    this.people = people;
    this.reviews = reviews;
    this.rules = rules;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String reviewId = (String) execution.getVariable("reviewId");
    String manager = (String) execution.getVariable("manager");
    AccountabilityReview review = reviews.review(reviewId);
    ExemptionEligibility.Eligibility eligibility = reviews.eligibility(reviewId, manager);
    EvidenceIntegrity evidence = reviews.evidenceIntegrity(review);
    long major =
        eligibility.standingFindings().stream().filter(f -> "major".equals(f.severity())).count();
    RuleBook.Judgement fromFindings =
        rules.exemptionTier(
            (int) major, eligibility.standingFindings().size() - (int) major, review.openedAt());
    // An accepted exemption ground may lighten the suggestion, as the grounds table says — never on
    // a broken chain,
    // and never to 应免责 while a finding stands: a ground covers its own matter, not the manager's
    // other duties.
    RuleBook.Judgement suggested =
        eligibility
            .supportedByGrounds()
            .filter(t -> evidence.intact())
            .map(
                t ->
                    t == Tier.EXEMPT && !eligibility.standingFindings().isEmpty()
                        ? Tier.REDUCIBLE
                        : t)
            .filter(
                t -> Tier.ofCode(fromFindings.severity()).map(f -> f.heavierThan(t)).orElse(false))
            .map(
                t ->
                    new RuleBook.Judgement(
                        null,
                        t.code(),
                        fromFindings.ruleVersion()
                            + "; "
                            + eligibility.grounds().stream()
                                .filter(g -> g.supports().filter(t::equals).isPresent())
                                .map(ExemptionGround::ruleVersion)
                                .findFirst()
                                .orElse("")))
            .orElse(fromFindings);

    StringBuilder brief = new StringBuilder();
    eligibility.reasons().forEach(reason -> brief.append("• ").append(reason).append('\n'));
    // A record that does not verify suggests no exemption: the tier it would suggest rests on it.
    boolean suggestsFromRecord =
        evidence.intact() || !Tier.EXEMPT.code().equals(suggested.severity());
    if (suggestsFromRecord) {
      brief
          .append("建议认定 Suggested tier: ")
          .append(Tier.ofCode(suggested.severity()).map(Tier::label).orElse(suggested.severity()))
          .append(" (")
          .append(suggested.ruleVersion())
          .append(')');
    } else {
      brief.append("建议认定 Suggested tier: 无 none — ").append(evidence.noExemptionFromTheRecord());
    }

    execution.setVariableLocal("managerBrief", brief.toString());
    // For the forms to show the manager by name «姓名 (id)»: display only (a form's text, never a
    // field), looked up from the manager this part of the review is for.
    execution.setVariableLocal(MANAGER_SHOWN, people.name(manager));
    execution.setVariableLocal("eligibleForExemption", eligibility.eligible());
    execution.setVariableLocal(
        "suggestedTier", Variables.stringValue(suggestsFromRecord ? suggested.severity() : null));
    execution.setVariableLocal("evidenceIntegrity", reviews.statementOf(evidence));
    execution.setVariableLocal(
        "clauseOptions",
        SpinValues.jsonValue(
                CanonicalForm.json(
                    eligibility.clauses().stream()
                        .map(c -> Map.of("label", Section27.label(c), "value", c))
                        .toList()))
            .create());
    execution.setVariableLocal(
        "statementDueDate",
        Date.from(reviews.now().plus(deadlines.statementDays(), ChronoUnit.DAYS)));
    execution.setVariableLocal("appealDueDate", Variables.dateValue(null));
    execution.setVariableLocal("appealCandidates", new java.util.ArrayList<String>());
    for (String text :
        List.of(
            "statementChoice",
            "statementText",
            DeterminationRules.FIRST_TIER,
            DeterminationRules.FIRST_RATIONALE,
            "appealChoice",
            "appealGrounds",
            DeterminationRules.APPEAL_TIER,
            DeterminationRules.APPEAL_RATIONALE)) {
      execution.setVariableLocal(text, Variables.stringValue(null));
    }
    execution.setVariableLocal(
        DeterminationRules.FIRST_CLAUSES, SpinValues.jsonValue("[]").create());
    // The statement and the appeal may rely on the case's documents: those filed so far are offered
    // (on the review's
    // process, where a later upload updates them), and what this manager picks is their own.
    execution
        .getProcessInstance()
        .setVariable(CaseDocuments.FORM_OPTIONS, documents.formOptions(review.businessKey()));
    execution.setVariableLocal("attachedDocuments", SpinValues.jsonValue("[]").create());
    execution.setVariableLocal(
        DeterminationRules.APPEAL_CLAUSES, SpinValues.jsonValue("[]").create());
  }
}
