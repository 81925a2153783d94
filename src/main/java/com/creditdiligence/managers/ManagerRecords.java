package com.creditdiligence.managers;

import com.creditdiligence.accountability.AccountabilityReview;
import com.creditdiligence.accountability.Determination;
import com.creditdiligence.accountability.ReviewFinding;
import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.accountability.Section27;
import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.security.People;
import com.creditdiligence.submission.BusinessTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Gathers a manager's record from the reviews' tables and the cases' ledgers (the written parts are evidence). */
@Component
class ManagerRecords {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ReviewStore store;
  private final CaseFiles caseFiles;
  private final EvidenceLedger ledger;
  private final People people;
  private final MessageSource messages;
  private final BusinessTime time;

  ManagerRecords(
      ReviewStore store,
      CaseFiles caseFiles,
      EvidenceLedger ledger,
      People people,
      MessageSource messages,
      BusinessTime time) {
    this.store = store;
    this.caseFiles = caseFiles;
    this.ledger = ledger;
    this.people = people;
    this.messages = messages;
    this.time = time;
  }

  ManagerRecord of(String manager, String reader) {
    List<ManagerRecord.Review> history = new ArrayList<>();
    Map<Integer, List<ManagerRecord.Review>> byYear = new TreeMap<>();
    for (String reviewId : store.reviewsConcerning(manager)) {
      AccountabilityReview review = store.review(reviewId).orElseThrow();
      ManagerRecord.Review entry = review(review, manager);
      history.add(entry);
      byYear
          .computeIfAbsent(time.dayOf(review.openedAt()).getYear(), y -> new ArrayList<>())
          .add(entry);
    }
    List<ManagerRecord.Year> years = new ArrayList<>();
    byYear.forEach(
        (year, reviews) -> {
          Set<String> cases = new HashSet<>();
          reviews.forEach(r -> cases.add(r.businessKey()));
          int findings = reviews.stream().mapToInt(r -> r.findings().size()).sum();
          int standing =
              (int)
                  reviews.stream()
                      .flatMap(r -> r.findings().stream())
                      .filter(
                          f ->
                              f.finalStatus().equals(ReviewFinding.CONFIRMED)
                                  || f.finalStatus().equals(FindingOutcome.REDUCED_ON_APPEAL))
                      .count();
          years.add(
              new ManagerRecord.Year(
                  year, cases.size(), reviews.size(), findings, standing, outcomes(reviews)));
        });
    return new ManagerRecord(
        manager,
        people.name(manager),
        time.label(),
        people.name(reader),
        time.shownWithZone(time.now()),
        history.size(),
        outcomes(history),
        years,
        history);
  }

  private static Map<String, Long> outcomes(List<ManagerRecord.Review> reviews) {
    Map<String, Long> outcomes = new TreeMap<>();
    reviews.stream()
        .filter(r -> r.finalTier() != null)
        .forEach(r -> outcomes.merge(r.finalTier(), 1L, Long::sum));
    return outcomes;
  }

  private ManagerRecord.Review review(AccountabilityReview review, String manager) {
    List<Determination> decisions =
        store.determinations(review.reviewId()).stream()
            .filter(d -> d.manager().equals(manager))
            .toList();
    Optional<Determination> standing = FindingOutcome.standing(decisions);
    Optional<CaseFile> file = caseFiles.find(review.businessKey());
    List<EvidenceRecord> written =
        ledger.records(review.businessKey()).stream()
            .filter(
                r ->
                    review.reviewId().equals(r.processInstanceId())
                        && r.recordType() != null
                        && !r.is(RecordType.TASK_CREATED)
                        && !r.is(RecordType.TASK_ASSIGNED))
            .toList();
    List<ManagerRecord.Finding> findings =
        store.findings(review.reviewId()).stream()
            .filter(f -> f.manager().equals(manager))
            .map(f -> finding(f, decisions))
            .toList();
    return new ManagerRecord.Review(
        review.reviewId(),
        review.businessKey(),
        file.map(CaseFile::applicantName).orElse(""),
        file.map(CaseFile::product).orElse(null),
        file.map(f -> name("product." + f.product(), f.product())).orElse(""),
        review.trigger(),
        name("trigger." + review.trigger(), review.trigger()),
        review.reason(),
        time.offset(review.openedAt()),
        time.shown(review.openedAt()),
        review.closedAt() == null ? null : time.offset(review.closedAt()),
        time.shown(review.closedAt()),
        findings,
        writing(written, "Task_AuditorReview", null, null, "auditSummary").stream()
            .findFirst()
            .orElse(null),
        writing(written, "Task_Deliberation", null, null, "deliberationMinutes"),
        writing(written, "Task_ManagerStatement", manager, "statementChoice", "statementText")
            .stream()
            .findFirst()
            .orElse(null),
        writing(written, "Task_Appeal", manager, "appealChoice", "appealGrounds").stream()
            .findFirst()
            .orElse(null),
        decisions.stream().map(this::decision).toList(),
        standing.map(d -> d.tier().code()).orElse(null),
        standing.map(d -> d.tier().label()).orElse(null));
  }

  private ManagerRecord.Finding finding(ReviewFinding f, List<Determination> decisions) {
    String outcome = FindingOutcome.of(f, decisions);
    return new ManagerRecord.Finding(
        f.findingNo(),
        f.clause(),
        Section27.label(f.clause()),
        f.dutyCode(),
        f.dutyCode() == null ? null : name("duty." + f.dutyCode(), f.dutyCode()),
        f.stage(),
        f.severity(),
        name("severity." + f.severity(), f.severity()),
        time.timesInText(f.explanation()),
        f.evidence(),
        f.status(),
        f.statusReason(),
        outcome,
        name("finding." + outcome, outcome));
  }

  private ManagerRecord.Decision decision(Determination d) {
    return new ManagerRecord.Decision(
        d.round(),
        name("round." + d.round(), d.round()),
        d.tier().code(),
        d.tier().label(),
        d.clauses(),
        d.clauses().stream().map(Section27::label).toList(),
        d.rationale(),
        FindingOutcome.exempt(d),
        d.eligibleForExemption(),
        d.decidedBy(),
        people.name(d.decidedBy()),
        time.offset(d.decidedAt()),
        time.shown(d.decidedAt()));
  }

  /** What was written at a step of the review (by the manager, when given), from the completion's submitted values. */
  private List<ManagerRecord.Written> writing(
      List<EvidenceRecord> records,
      String step,
      String manager,
      String choiceField,
      String textField) {
    List<ManagerRecord.Written> found = new ArrayList<>();
    for (EvidenceRecord record : records) {
      if (!step.equals(record.elementId())
          || record.findings() == null
          || (manager != null
              && !manager.equals(record.performer())
              && !manager.equals(record.assignee()))) {
        continue;
      }
      JsonNode values = parse(record.findings());
      if (!values.has(textField) && (choiceField == null || !values.has(choiceField))) {
        continue;
      }
      String choice = choiceField == null ? null : values.path(choiceField).asText(null);
      found.add(
          new ManagerRecord.Written(
              choice,
              choice == null ? null : name("choice." + choice, choice),
              values.path(textField).asText(null),
              record.performer(),
              people.name(record.performer()),
              time.offset(record.recordedAt()),
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
        ? null
        : messages.getMessage(key, null, fallback, Locale.SIMPLIFIED_CHINESE);
  }
}
