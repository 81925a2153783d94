package com.creditdiligence.accountability;

import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The auditor's review as submitted: a verdict with a reason on every draft finding, and the findings
 * only a person can judge — §27(一) false records or misleading statements, §27(六) concealment,
 * §27(七) other — each against a manager of the case and citing ledger records. Plain Java: reads a
 * {@link Submission}, says what is wrong with it, and what it decided.
 */
final class AuditorReview {

  static final String DECISIONS = "findingDecisions";
  static final String ADDED = "addedFindings";
  static final Set<String> PERSON_JUDGED_CLAUSES = Set.of("§27(一)", "§27(六)", "§27(七)");
  static final Set<String> STAGES =
      Set.of(
          "intake",
          "investigation",
          "evaluation",
          ExemptionEligibility.APPROVAL_STAGE,
          "implementation",
          "monitoring",
          "problem");
  private static final Set<String> SEVERITIES = Set.of("major", "minor");
  private static final Pattern RECORD_NUMBER = Pattern.compile("\\d+");

  record Verdict(int findingNo, boolean confirmed, String reason) {}

  record AddedFinding(
      String manager,
      String clause,
      String stage,
      String severity,
      String statement,
      List<Integer> evidence) {}

  private final List<Refusal> refusals = new ArrayList<>();
  private final List<Verdict> verdicts = new ArrayList<>();
  private final List<AddedFinding> added = new ArrayList<>();

  /**
   * @param drafts        the review's draft findings still to be judged
   * @param caseManagers  who a finding may be against
   * @param lastRecordNo  the case ledger's newest record: a citation beyond it cites nothing
   */
  AuditorReview(
      Submission submission,
      List<ReviewFinding> drafts,
      List<String> caseManagers,
      int lastRecordNo) {
    refusals.addAll(
        new Checks(submission).requireFinding("auditSummary", "审查意见 Audit summary").refusals());
    readVerdicts(submission.items(DECISIONS), drafts);
    readAddedFindings(submission.items(ADDED), caseManagers, lastRecordNo);
  }

  List<Refusal> refusals() {
    return List.copyOf(refusals);
  }

  List<Verdict> verdicts() {
    return List.copyOf(verdicts);
  }

  List<AddedFinding> added() {
    return List.copyOf(added);
  }

  private void readVerdicts(List<Map<String, Object>> items, List<ReviewFinding> drafts) {
    Map<Integer, Map<String, Object>> byNumber = new HashMap<>();
    for (Map<String, Object> item : items) {
      Optional<Integer> number = wholeNumber(item.get("findingNo"));
      if (number.isEmpty() || drafts.stream().noneMatch(d -> d.findingNo() == number.get())) {
        refusals.add(
            new Refusal(
                DECISIONS,
                "没有待审核的拟定情形 "
                    + item.get("findingNo")
                    + " There is no draft finding "
                    + item.get("findingNo")
                    + " to judge"));
      } else {
        byNumber.put(number.get(), item);
      }
    }
    for (ReviewFinding draft : drafts) {
      Map<String, Object> item = byNumber.get(draft.findingNo());
      String label = "拟定情形 Draft finding F" + draft.findingNo();
      String decision = item == null ? "" : text(item.get("decision"));
      String reason = item == null ? "" : text(item.get("reason"));
      if (!decision.equals("confirm") && !decision.equals("reject")) {
        refusals.add(new Refusal(DECISIONS, label + ": 须确认或否定 must be confirmed or rejected"));
      } else if (reason.codePointCount(0, reason.length()) < Checks.MIN_FINDING_LENGTH) {
        refusals.add(
            new Refusal(
                DECISIONS,
                label
                    + ": 须说明理由,至少 "
                    + Checks.MIN_FINDING_LENGTH
                    + " 个字 needs a reason of at least "
                    + Checks.MIN_FINDING_LENGTH
                    + " characters"));
      } else {
        verdicts.add(new Verdict(draft.findingNo(), decision.equals("confirm"), reason));
      }
    }
  }

  private void readAddedFindings(
      List<Map<String, Object>> items, List<String> caseManagers, int lastRecordNo) {
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> item = items.get(i);
      String label = "新增情形 Added finding " + (i + 1);
      int before = refusals.size();
      String manager = text(item.get("manager"));
      String clause = text(item.get("clause"));
      String stage = text(item.get("stage"));
      String severity = text(item.get("severity"));
      String statement = text(item.get("statement"));
      List<Integer> evidence = citations(text(item.get("evidence")));
      if (!caseManagers.contains(manager)) {
        refusals.add(
            new Refusal(
                ADDED,
                label
                    + ": "
                    + manager
                    + " 不是本案客户经理或表决委员 neither managed this case nor voted on it ("
                    + String.join(", ", caseManagers)
                    + ")"));
      }
      if (!PERSON_JUDGED_CLAUSES.contains(clause)) {
        refusals.add(
            new Refusal(
                ADDED,
                label
                    + ": 条款须为 §27(一)、§27(六) 或 §27(七) the clause must be §27(一), "
                    + "§27(六) or §27(七); the other clauses come from the duty facts"));
      }
      if (!STAGES.contains(stage)) {
        refusals.add(new Refusal(ADDED, label + ": 须选择阶段 a stage must be chosen"));
      }
      if (!SEVERITIES.contains(severity)) {
        refusals.add(new Refusal(ADDED, label + ": 须选择程度 the severity must be major or minor"));
      }
      if (statement.codePointCount(0, statement.length()) < Checks.MIN_FINDING_LENGTH) {
        refusals.add(
            new Refusal(
                ADDED,
                label
                    + ": 须陈述事实,至少 "
                    + Checks.MIN_FINDING_LENGTH
                    + " 个字 must state the facts in at least "
                    + Checks.MIN_FINDING_LENGTH
                    + " characters"));
      }
      if (evidence.isEmpty()) {
        refusals.add(
            new Refusal(ADDED, label + ": 须引用证据记录编号 must cite the ledger records it rests on"));
      } else if (evidence.stream().anyMatch(n -> n < 1 || n > lastRecordNo)) {
        refusals.add(
            new Refusal(
                ADDED,
                label
                    + ": 证据记录须在 1–"
                    + lastRecordNo
                    + " 之间 cites records that do not "
                    + "exist; this case has records 1 to "
                    + lastRecordNo));
      }
      if (refusals.size() == before) {
        added.add(new AddedFinding(manager, clause, stage, severity, statement, evidence));
      }
    }
  }

  /** Record numbers as the auditor types them: "12, 15", "#12 #15". */
  static List<Integer> citations(String text) {
    List<Integer> numbers = new ArrayList<>();
    Matcher matcher = RECORD_NUMBER.matcher(text);
    while (matcher.find()) {
      if (matcher.group().length() > 9) {
        numbers.add(-1);
      } else {
        numbers.add(Integer.valueOf(matcher.group()));
      }
    }
    return numbers;
  }

  private static Optional<Integer> wholeNumber(Object value) {
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return Optional.of(n.intValue());
    }
    try {
      return Optional.of(Integer.valueOf(text(value)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }
}
