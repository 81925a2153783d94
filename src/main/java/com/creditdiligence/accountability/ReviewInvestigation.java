package com.creditdiligence.accountability;

import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.security.People;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * 调查 Investigation: the case's duty facts are computed from its ledger, each violated duty becomes a
 * draft finding under its §27 clause (by the rules of its time), and the review is opened with the
 * rule versions it used and its one-year due date. The case's chain is verified first and the verdict kept
 * with the review: where it does not verify, the review says from which record, and the drafts resting on
 * that record or later are marked unreliable. The auditor's form is prepared from the drafts.
 */
@Component("reviewInvestigation")
class ReviewInvestigation implements JavaDelegate {

  static final String AUDITOR_REQUEST = "AUDITOR_REQUEST";

  private final EvidenceLedger ledger;
  private final RuleBook rules;
  private final ReviewStore store;
  private final Reviews reviews;
  private final ReviewDeadlines deadlines;
  private final CaseDutyFacts dutyFacts;

  private final People people;

  ReviewInvestigation(
      EvidenceLedger ledger,
      RuleBook rules,
      ReviewStore store,
      Reviews reviews,
      ReviewDeadlines deadlines,
      CaseDutyFacts dutyFacts,
      People people) {
    this.people = people;
    this.dutyFacts = dutyFacts;
    this.ledger = ledger;
    this.rules = rules;
    this.store = store;
    this.reviews = reviews;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseKey = execution.getProcessBusinessKey();
    String reviewId = execution.getProcessInstanceId();
    Instant now = reviews.now();
    List<EvidenceRecord> records = ledger.records(caseKey);
    EvidenceIntegrity evidence = EvidenceIntegrity.of(ledger.verify(caseKey, records), now);
    List<DutyFact> facts = dutyFacts.of(caseKey, records, now);
    DraftFindings.Assessment assessment = DraftFindings.of(facts, rules, now);
    List<String> managers = reviews.managersOf(caseKey, facts, records);
    String trigger = (String) execution.getVariable("reviewTrigger");
    String openedBy =
        AUDITOR_REQUEST.equals(trigger) ? (String) execution.getVariable("openedBy") : null;
    Instant due = now.plus(deadlines.completionDays(), ChronoUnit.DAYS);

    AccountabilityReview review =
        new AccountabilityReview(
            reviewId,
            caseKey,
            trigger,
            (String) execution.getVariable("reviewReason"),
            openedBy,
            now,
            due,
            null,
            null,
            assessment.ruleVersionsUsed(),
            evidence);
    store.open(review);
    List<ReviewFinding> drafts = new ArrayList<>();
    for (DraftFindings.Finding draft : assessment.findings()) {
      ReviewFinding finding = ReviewFinding.draftOf(reviewId, drafts.size() + 1, draft);
      store.addFinding(finding);
      drafts.add(finding);
    }

    Map<String, Object> opened = new LinkedHashMap<>();
    opened.put("trigger", trigger);
    opened.put("reason", review.reason());
    opened.put("managers", managers);
    opened.put(
        "dutyFacts",
        facts.stream().map(f -> f.code() + " " + f.status() + " " + f.responsible()).toList());
    opened.put("draftFindings", drafts.stream().map(ReviewFinding::summary).toList());
    opened.put("dueAt", due.toString());
    Map<String, Object> chain = new LinkedHashMap<>();
    chain.put("intact", evidence.intact());
    chain.put("firstBrokenRecord", evidence.firstBrokenRecord());
    chain.put("reason", evidence.reason());
    chain.put(
        "unreliableFindings",
        drafts.stream()
            .filter(f -> evidence.unreliable(f.evidence()))
            .map(ReviewFinding::findingNo)
            .toList());
    opened.put("evidenceIntegrity", chain);
    reviews.record(
        reviewId,
        caseKey,
        RecordType.REVIEW_INVESTIGATED,
        execution.getProcessDefinitionId(),
        execution.getCurrentActivityId(),
        openedBy,
        opened,
        String.join("; ", assessment.ruleVersionsUsed()));

    execution.setVariable("reviewId", reviewId);
    // Tasklist's rows show the case and its applicant; the review's tasks are the board's work
    // list.
    reviews
        .applicantOf(caseKey)
        .ifPresent(applicant -> execution.setVariable("applicantName", applicant));
    execution.setVariable("managersUnderReview", new ArrayList<>(managers));
    execution.setVariable("reviewDueDate", Date.from(due));
    // What the auditor's form shows; the review's rules read the verdict from the review, never
    // from this variable.
    execution.setVariable("evidenceIntegrity", reviews.statementOf(evidence));
    execution.setVariable(
        "findingDecisions", SpinValues.jsonValue(decisionItems(drafts, evidence)).create());
    execution.setVariable("addedFindings", SpinValues.jsonValue("[]").create());
    execution.setVariable(
        "managerOptions", SpinValues.jsonValue(options(managers, people.shown(managers))).create());
    execution.setVariable("auditSummary", Variables.stringValue(null));
    execution.setVariable("deliberationMinutes", Variables.stringValue(null));
  }

  /** One item per draft for the auditor's list: what it says, and room to confirm or reject it with a reason. */
  private static String decisionItems(List<ReviewFinding> drafts, EvidenceIntegrity evidence) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (ReviewFinding draft : drafts) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("findingNo", draft.findingNo());
      item.put(
          "summary",
          evidence.unreliable(draft.evidence())
              ? "[证据不可靠 unreliable: rests on record #"
                  + evidence.firstBrokenRecord()
                  + " or later] "
                  + draft.summary()
              : draft.summary());
      item.put("decision", null);
      item.put("reason", null);
      items.add(item);
    }
    return CanonicalForm.json(items);
  }

  /** The auditor picks a manager by name «姓名 (id)»; the value submitted is the id. */
  private static String options(List<String> managers, Function<String, String> shown) {
    return CanonicalForm.json(
        managers.stream().map(m -> Map.of("label", shown.apply(m), "value", m)).toList());
  }
}
