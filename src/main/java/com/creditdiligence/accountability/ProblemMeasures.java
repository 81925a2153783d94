package com.creditdiligence.accountability;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * §25 客户经理对问题担保应采取以下措施: what the problem handling recorded, beyond its timeliness (PROBLEM_MEASURES_TAKEN,
 * the deadline duty of Task_ProblemHandling). For each completed Task_ProblemHandling:
 * <ul>
 *   <li>{@value #DUTY}: at least one of §25's measures chosen (its (一)–(四), as the form lists them) and a note of what
 *   was done that says something ({@link RecordContent#isTrivial}). Whether the measures were the right ones, and
 *   enough, is the auditor's review (§27(一)).</li>
 *   <li>{@value #REUSE_DUTY}, where the handling asked to use terminated limits again: §25(一) 未经担保审查委员会批准,不得使用
 *   — the re-use is in force only with the committee's approval on record (a Task_ApproveLimitReuse of the same
 *   handling completed deciding approve, by someone other than the case's manager); refused, the limits stay terminated,
 *   which meets the duty too. No decision while the approval is open is pending; none when the handling ended, or an
 *   approval by the manager, is re-use out of procedure (§27(七), as APPROVAL_IN_PROCEDURE).</li>
 * </ul>
 * The holder is whoever held the case when the measures fell due (or were recorded, if earlier); for the re-use,
 * when it was asked for. Plain Java over the ledger.
 */
public final class ProblemMeasures {

  public static final String DUTY = "PROBLEM_MEASURES_OF_SECTION25";
  public static final String REUSE_DUTY = "LIMIT_REUSE_APPROVED";
  static final String HANDLING = "Task_ProblemHandling";
  static final String APPROVAL = "Task_ApproveLimitReuse";

  /** One of §25's measures: its item, and its name as the problem-handling form shows it. */
  record Measure(String item, String name) {}

  /** §25's measures as the problem-handling form offers them, by the value it submits. */
  static final Map<String, Measure> MEASURES = new LinkedHashMap<>();

  static {
    MEASURES.put(
        "terminateUnusedLimits", new Measure("§25(一)", "终止未实施的担保额度 Terminate unused limits"));
    MEASURES.put(
        "demandCounterGuarantor",
        new Measure("§25(二)", "要求反保证人履行 Demand counter-guarantor performance"));
    MEASURES.put("addCounterGuarantee", new Measure("§25(二)", "追加反担保 Add counter-guarantees"));
    MEASURES.put(
        "exerciseRights",
        new Measure("§25(二)", "行使反担保权、代位求偿权 Exercise counter-guarantee rights and subrogation"));
    MEASURES.put("courtFreeze", new Measure("§25(三)", "申请司法冻结账户 Court freeze of accounts"));
    MEASURES.put("other", new Measure("§25(四)", "其他措施 Other measures"));
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemMeasures() {}

  /** @param managerAt who held the case at a moment */
  public static List<DutyFact> of(
      List<EvidenceRecord> records, Function<Instant, String> managerAt) {
    List<DutyFact> facts = new ArrayList<>();
    for (EvidenceRecord done : records) {
      if (!done.is(RecordType.TASK_COMPLETED) || !HANDLING.equals(done.elementId())) {
        continue;
      }
      JsonNode findings = DutyFacts.findings(done);
      Instant dueAt = dueAt(records, done);
      facts.add(measures(done, findings, dueAt, managerAt));
      if (findings.path("requestLimitReuse").asBoolean(false)) {
        facts.add(reuse(records, done, managerAt));
      }
    }
    return facts;
  }

  private static DutyFact measures(
      EvidenceRecord done, JsonNode findings, Instant dueAt, Function<Instant, String> managerAt) {
    List<String> chosen = measuresOf(findings.path("measures"));
    List<String> ofSection25 = chosen.stream().filter(MEASURES::containsKey).toList();
    String note = findings.path("measuresNote").asText("").strip();
    List<String> failures = new ArrayList<>();
    if (ofSection25.isEmpty()) {
      failures.add(
          chosen.isEmpty() ? "no measure chosen" : "none of §25's measures chosen: " + chosen);
    }
    if (note.isEmpty()) {
      failures.add("no note of what was done");
    } else if (RecordContent.isTrivial(note)) {
      failures.add("the note says nothing: «" + note + "»");
    }
    boolean ok = failures.isEmpty();
    String explanation =
        ok
            ? "已采取第二十五条措施 §25 措施 measures: "
                + String.join(", ", ofSection25.stream().map(ProblemMeasures::shown).toList())
                + "; «"
                + note
                + "»; whether they were the right ones is the auditor's review (§27(一))"
            : "问题担保未采取第二十五条措施 the problem guarantee has no measures of §25 on record: "
                + String.join("; ", failures);
    Instant heldAt = dueAt != null && dueAt.isBefore(done.recordedAt()) ? dueAt : done.recordedAt();
    return new DutyFact(
        DUTY,
        "problemHandling",
        "§25",
        "§27(五)",
        ok ? Status.SATISFIED : Status.VIOLATED,
        explanation,
        List.of(done.sequenceNo()),
        dueAt,
        done.recordedAt(),
        managerAt.apply(heldAt));
  }

  /** «申请司法冻结账户 Court freeze of accounts (§25(三))»: a reader meets the measure's name, not its code. */
  private static String shown(String measure) {
    Measure known = MEASURES.get(measure);
    return known.name() + " (" + known.item() + ")";
  }

  private static DutyFact reuse(
      List<EvidenceRecord> records, EvidenceRecord request, Function<Instant, String> managerAt) {
    String manager = managerAt.apply(request.recordedAt());
    String asked = "申请恢复使用已终止额度 re-use of terminated limits asked for on " + request.recordedAt();
    List<Integer> evidence = new ArrayList<>(List.of(request.sequenceNo()));
    Optional<EvidenceRecord> decision =
        records.stream()
            .filter(r -> r.is(RecordType.TASK_COMPLETED) && APPROVAL.equals(r.elementId()))
            .filter(r -> r.sequenceNo() > request.sequenceNo() && sameHandling(request, r))
            .findFirst();
    if (decision.isPresent()) {
      EvidenceRecord d = decision.get();
      evidence.add(d.sequenceNo());
      String decided = DutyFacts.findings(d).path("limitReuseDecision").asText("");
      boolean byOwnManager =
          d.performer() != null
              && (d.performer().equals(manager) || d.performer().equals(request.performer()));
      if (decided.equals("approve") && !byOwnManager) {
        return new DutyFact(
            REUSE_DUTY,
            "problemHandling",
            "§25(一)",
            "§27(七)",
            Status.SATISFIED,
            asked
                + "; 经担保审查委员会批准 approved by the committee ("
                + d.performer()
                + ") on "
                + d.recordedAt(),
            List.copyOf(evidence),
            null,
            d.recordedAt(),
            manager);
      }
      if (decided.equals("reject") && !byOwnManager) {
        return new DutyFact(
            REUSE_DUTY,
            "problemHandling",
            "§25(一)",
            "§27(七)",
            Status.SATISFIED,
            asked
                + "; 委员会不予批准,额度保持终止 refused by the committee ("
                + d.performer()
                + ") on "
                + d.recordedAt()
                + ": the limits stay terminated",
            List.copyOf(evidence),
            null,
            d.recordedAt(),
            manager);
      }
      return new DutyFact(
          REUSE_DUTY,
          "problemHandling",
          "§25(一)",
          "§27(七)",
          Status.VIOLATED,
          asked
              + (byOwnManager
                  ? "; 由本案客户经理自行审批 decided by the case's own manager "
                      + d.performer()
                      + ", not the committee"
                  : "; no decision of the committee recorded («" + decided + "»)"),
          List.copyOf(evidence),
          null,
          d.recordedAt(),
          manager);
    }
    Optional<EvidenceRecord> ended =
        records.stream()
            .filter(
                r ->
                    r.is(RecordType.PROCESS_ENDED)
                        && r.sequenceNo() > request.sequenceNo()
                        && sameHandling(request, r))
            .findFirst();
    if (ended.isPresent()) {
      evidence.add(ended.get().sequenceNo());
      return new DutyFact(
          REUSE_DUTY,
          "problemHandling",
          "§25(一)",
          "§27(七)",
          Status.VIOLATED,
          asked
              + "; 未经担保审查委员会批准 the handling ended on "
              + ended.get().recordedAt()
              + " with no committee approval on record",
          List.copyOf(evidence),
          null,
          null,
          manager);
    }
    return new DutyFact(
        REUSE_DUTY,
        "problemHandling",
        "§25(一)",
        "§27(七)",
        Status.PENDING,
        asked + "; 待委员会审批 awaiting the committee's decision",
        List.copyOf(evidence),
        null,
        null,
        manager);
  }

  /** The same run of problem handling (records of one process instance, where the ledger names it). */
  private static boolean sameHandling(EvidenceRecord a, EvidenceRecord b) {
    return a.processInstanceId() == null || a.processInstanceId().equals(b.processInstanceId());
  }

  /** The chosen measures: a JSON list as the form submits it (or its text). */
  private static List<String> measuresOf(JsonNode node) {
    JsonNode list = node;
    if (node.isTextual()) {
      try {
        list = JSON.readTree(node.asText());
      } catch (JsonProcessingException notAList) {
        return node.asText().isBlank() ? List.of() : List.of(node.asText());
      }
    }
    List<String> measures = new ArrayList<>();
    list.forEach(m -> measures.add(m.asText()));
    return measures;
  }

  /** The handling task's due date, from its creation record. */
  private static Instant dueAt(List<EvidenceRecord> records, EvidenceRecord done) {
    return records.stream()
        .filter(
            r ->
                r.is(RecordType.TASK_CREATED)
                    && done.taskId() != null
                    && done.taskId().equals(r.taskId()))
        .map(r -> DutyFacts.findings(r).path("dueDate").asText(""))
        .filter(d -> !d.isEmpty())
        .map(Instant::parse)
        .findFirst()
        .orElse(null);
  }
}
