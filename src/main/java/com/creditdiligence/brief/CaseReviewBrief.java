package com.creditdiligence.brief;

import com.creditdiligence.accountability.AccountabilityReview;
import com.creditdiligence.accountability.Determination;
import com.creditdiligence.accountability.ReviewFinding;
import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.accountability.Section27;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.security.People;
import com.creditdiligence.submission.BusinessTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The brief's review section (/cases/{key}/brief#review): what the auditor, the board and the department head decide
 * on in a case's accountability reviews — the findings (clause, the duty fact's explanation, status, the records they
 * cite), the auditor's summary, each manager's statement, the deliberation, the determinations and the appeal
 * grounds — read from the review's tables and from what the review's steps wrote in the ledger, for people: names,
 * Chinese labels, times in the business zone.
 */
@Component
class CaseReviewBrief {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ReviewStore store;
  private final People people;
  private final MessageSource messages;
  private final BusinessTime time;

  CaseReviewBrief(ReviewStore store, People people, MessageSource messages, BusinessTime time) {
    this.store = store;
    this.people = people;
    this.messages = messages;
    this.time = time;
  }

  record Review(
      String reviewId,
      String opened,
      String trigger,
      String reason,
      String closed,
      List<Finding> findings,
      List<Written> auditorSummaries,
      List<Written> statements,
      List<Written> deliberations,
      List<Decision> decisions,
      List<Written> appeals) {}

  record Finding(
      String number,
      String manager,
      String clause,
      String severity,
      String explanation,
      String status,
      String statusCode,
      String statusReason,
      String judgedBy,
      List<Cited> cites) {}

  /** A ledger record a finding rests on: its number, what it records, when, by whom. */
  record Cited(int evidence, String what, String at, String by) {}

  /** Something written at a step of the review; {@code choice} the option picked (submit, waive, appeal…), if any. */
  record Written(String by, String choice, String text, String at) {}

  record Decision(
      String round,
      String manager,
      String tier,
      String clauses,
      String rationale,
      String by,
      String at) {}

  /** The case's reviews, oldest first; empty when the case was never under review. */
  List<Review> of(String businessKey, List<EvidenceRecord> records) {
    Map<Integer, EvidenceRecord> bySequence = new HashMap<>();
    records.forEach(r -> bySequence.put(r.sequenceNo(), r));
    List<Review> reviews = new ArrayList<>();
    // One lookup per person named, however many findings and records name them.
    Map<String, String> names = new HashMap<>();
    Function<String, String> person =
        id -> names.computeIfAbsent(String.valueOf(id), k -> people.name(id));
    for (AccountabilityReview review : store.reviewsOfCase(businessKey)) {
      List<EvidenceRecord> written =
          records.stream()
              .filter(
                  r ->
                      review.reviewId().equals(r.processInstanceId())
                          && r.recordType() != null
                          && !r.is(RecordType.TASK_CREATED)
                          && !r.is(RecordType.TASK_ASSIGNED))
              .toList();
      reviews.add(
          new Review(
              review.reviewId(),
              time.shown(review.openedAt()),
              name("trigger." + review.trigger(), review.trigger()),
              review.reason(),
              review.closedAt() == null ? null : time.shown(review.closedAt()),
              store.findings(review.reviewId()).stream()
                  .map(f -> finding(f, bySequence, person))
                  .toList(),
              writing(written, "Task_AuditorReview", null, "auditSummary", person),
              writing(written, "Task_ManagerStatement", "statementChoice", "statementText", person),
              writing(written, "Task_Deliberation", null, "deliberationMinutes", person),
              store.determinations(review.reviewId()).stream()
                  .map(d -> decision(d, person))
                  .toList(),
              writing(written, "Task_Appeal", "appealChoice", "appealGrounds", person)));
    }
    return reviews;
  }

  private Finding finding(
      ReviewFinding f, Map<Integer, EvidenceRecord> bySequence, Function<String, String> person) {
    List<Cited> cites = new ArrayList<>();
    for (Integer n : f.evidence()) {
      EvidenceRecord r = bySequence.get(n);
      cites.add(
          r == null
              ? new Cited(n, "—", "", "")
              : new Cited(
                  n,
                  name("record." + r.recordType(), r.recordType())
                      + (r.dutyCode() == null
                          ? ""
                          : " · " + name("duty." + r.dutyCode(), r.dutyCode())),
                  time.shown(r.recordedAt()),
                  person.apply(r.performer())));
    }
    return new Finding(
        "F" + f.findingNo(),
        person.apply(f.manager()),
        Section27.label(f.clause()),
        name("severity." + f.severity(), f.severity()),
        java.util.Objects.requireNonNullElse(time.timesInText(f.explanation()), ""),
        name("finding.status." + f.status(), f.status()),
        f.status(),
        f.statusReason(),
        f.judgedBy() == null ? null : person.apply(f.judgedBy()),
        cites);
  }

  private Decision decision(Determination d, Function<String, String> person) {
    return new Decision(
        name("round." + d.round(), d.round()),
        person.apply(d.manager()),
        d.tier().label(),
        d.clauses().isEmpty()
            ? "—"
            : String.join("; ", d.clauses().stream().map(Section27::label).toList()),
        d.rationale(),
        person.apply(d.decidedBy()),
        time.shown(d.decidedAt()));
  }

  /** What was written at a step of the review, from each completion's submitted values. */
  private List<Written> writing(
      List<EvidenceRecord> records,
      String step,
      String choiceField,
      String textField,
      Function<String, String> person) {
    List<Written> found = new ArrayList<>();
    for (EvidenceRecord record : records) {
      if (!step.equals(record.elementId()) || record.findings() == null) {
        continue;
      }
      JsonNode values = parse(record.findings());
      String text = values.path(textField).asText(null);
      String choice = choiceField == null ? null : values.path(choiceField).asText(null);
      if (text == null && choice == null) {
        continue;
      }
      found.add(
          new Written(
              person.apply(record.performer()),
              choice == null ? null : name("choice." + choice, choice),
              text,
              time.shown(record.recordedAt())));
    }
    return found;
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException notJson) {
      return JSON.createObjectNode();
    }
  }

  private String name(String key, String fallback) {
    return fallback == null
        ? "—"
        : messages.getMessage(key, null, fallback, Locale.SIMPLIFIED_CHINESE);
  }
}
