package com.creditdiligence.accountability;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The approval-procedure duty (《商业银行授信工作尽职指引》, 银监发〔2004〕51号: «超越权限、违反程序审批», an approval beyond
 * authority or out of procedure), judged from the ledger and the committee's record. Violated when
 * <ul>
 *   <li>an administrator's intervention moved or altered the case before its guarantee was issued: a process-instance
 *       modification, migration or cancellation, a write of a variable about the approval, or any act on a committee
 *       member's vote task;</li>
 *   <li>the case reached implementation (signing or issuing) without an approving committee decision;</li>
 *   <li>the decision was taken with fewer voters or a lower approvals threshold than the approval-authority table gives
 *       for the case file's real product and amount;</li>
 *   <li>the decision's result or count differs from a recount of the votes.</li>
 * </ul>
 * Whom it is against: an approval out of procedure is the act of whoever bypassed the procedure, not of the manager who
 * held the case — an administrator's intervention is the administrator's (one fact per administrator, their user id
 * {@code responsible}, so that the review decides on each); a record that contradicts itself with no intervention on
 * the ledger was changed behind the application's back, and nobody on the record answers for it ({@code responsible}
 * is null: the auditor's to attribute). Plain Java.
 */
final class ApprovalProcedure {

  static final String CODE = "APPROVAL_IN_PROCEDURE";
  static final String STAGE = ExemptionEligibility.APPROVAL_STAGE;
  static final String CLAUSE = "《商业银行授信工作尽职指引》(银监发〔2004〕51号) «超越权限、违反程序审批»";
  static final String TRIGGER = "§27(七)";
  static final String LIFECYCLE = "guarantee-lifecycle";

  /** The steps of implementation: a case reaching any of them needs an approving decision behind it. */
  private static final Set<String> IMPLEMENTATION =
      Set.of("Task_SignContracts", "Task_IssueGuarantee");

  /** The guideline's situation, as the finding drafted from this duty cites it (Chinese first, then English). */
  static final String SITUATION =
      "超越权限、违反程序审批(2004《商业银行授信工作尽职指引》) " + "approval beyond authority or approval out of procedure";

  /** Operations that move, alter or end a case's run: an administrator's steering of the procedure itself. */
  private static final Set<String> STEERING =
      Set.of("ModifyProcessInstance", "Migrate", "Delete", "RestartProcessInstance");

  private static final Set<String> VARIABLE_WRITES =
      Set.of(
          "SetVariable",
          "SetVariables",
          "ModifyVariable",
          "RemoveVariable",
          "SetVariableHistory",
          "DeleteVariable");

  /** Variables about the approval: the committee's, and the case's facts the approval is judged on. */
  private static final Set<String> APPROVAL_VARIABLES =
      Set.of(
          "amount",
          "product",
          "recommendation",
          "caseManager",
          "votersRequired",
          "approvalsRequired",
          "decisionDiffersFromRecommendation");

  private ApprovalProcedure() {}

  /**
   * The duty as the record shows it: one violated fact per administrator whose intervention bypassed the procedure
   * (each answers for their own acts, so that each is decided on by the review), or one fact naming nobody.
   */
  static List<DutyFact> of(List<EvidenceRecord> records, ApprovalRecord approval) {
    Optional<EvidenceRecord> issued =
        records.stream()
            .filter(
                r -> r.is(RecordType.TASK_COMPLETED) && "Task_IssueGuarantee".equals(r.elementId()))
            .findFirst();
    List<EvidenceRecord> bypasses =
        records.stream()
            .filter(
                r ->
                    r.is(RecordType.ADMIN_INTERVENTION)
                        && LIFECYCLE.equals(r.processDefinitionKey()))
            .filter(r -> issued.isEmpty() || r.sequenceNo() < issued.get().sequenceNo())
            .filter(ApprovalProcedure::bypasses)
            .toList();
    Optional<EvidenceRecord> contracts =
        records.stream()
            .filter(
                r ->
                    r.type().map(RecordType::isTask).orElse(false)
                        && IMPLEMENTATION.contains(r.elementId()))
            .findFirst();

    // What the committee's record itself shows, whoever caused it.
    List<String> reasons = new ArrayList<>();
    List<Integer> evidence = new ArrayList<>();
    if (approval.consulted()) {
      Optional<ApprovalRecord.Decision> decision = approval.decision();
      boolean approving = decision.map(d -> d.result().startsWith("approved")).orElse(false);
      if (contracts.isPresent() && !approving) {
        reasons.add(
            "implementation reached (record #"
                + contracts.get().sequenceNo()
                + ") with no approving committee "
                + "decision ("
                + decision
                    .map(d -> "the committee's result is " + d.result())
                    .orElse("no decision recorded")
                + ")");
        evidence.add(contracts.get().sequenceNo());
      }
      if (decision.isPresent() && approval.required().isPresent()) {
        ApprovalRecord.Decision d = decision.get();
        ApprovalRecord.Authority table = approval.required().get();
        if (d.votersRequired() < table.votersRequired()
            || d.approvalsRequired() < table.approvalsRequired()) {
          reasons.add(
              "decided with "
                  + d.votersRequired()
                  + " voters and "
                  + d.approvalsRequired()
                  + " approvals to carry, "
                  + "where the approval-authority table ("
                  + table.tableVersion()
                  + ") requires "
                  + table.votersRequired()
                  + " and "
                  + table.approvalsRequired()
                  + " for "
                  + table.product()
                  + " "
                  + table.amount().toPlainString());
        }
      }
      decision.ifPresent(d -> recount(d, approval.votes()).ifPresent(reasons::add));
    }

    if (!bypasses.isEmpty()) {
      // The record's defects are the consequence of the interventions: each intervener's fact shows
      // them too.
      Map<String, List<EvidenceRecord>> byIntervener = new TreeMap<>();
      bypasses.forEach(
          b -> byIntervener.computeIfAbsent(b.performer(), p -> new ArrayList<>()).add(b));
      List<DutyFact> facts = new ArrayList<>();
      byIntervener.forEach(
          (intervener, own) -> {
            List<String> why =
                new ArrayList<>(own.stream().map(ApprovalProcedure::describe).toList());
            why.addAll(reasons);
            TreeSet<Integer> shown = new TreeSet<>(evidence);
            own.forEach(b -> shown.add(b.sequenceNo()));
            facts.add(
                new DutyFact(
                    CODE,
                    STAGE,
                    CLAUSE,
                    TRIGGER,
                    Status.VIOLATED,
                    SITUATION + ": " + String.join("; ", why),
                    List.copyOf(shown),
                    own.get(0).recordedAt(),
                    null,
                    intervener));
          });
      return facts;
    }
    if (!reasons.isEmpty()) {
      // No intervention on the ledger explains it: the record was changed behind the application's
      // back.
      Instant at =
          contracts
              .map(EvidenceRecord::recordedAt)
              .orElse(approval.decision().map(ApprovalRecord.Decision::decidedAt).orElse(null));
      return List.of(
          new DutyFact(
              CODE,
              STAGE,
              CLAUSE,
              TRIGGER,
              Status.VIOLATED,
              SITUATION + ": " + String.join("; ", reasons),
              List.copyOf(new TreeSet<>(evidence)),
              at,
              null,
              null));
    }
    return List.of(kept(records, approval));
  }

  /** The duty where nothing shows it bypassed: kept, not yet judged, or not applicable. */
  private static DutyFact kept(List<EvidenceRecord> records, ApprovalRecord approval) {
    if (!approval.consulted()) {
      return new DutyFact(
          CODE,
          STAGE,
          CLAUSE,
          TRIGGER,
          Status.PENDING,
          "台账无干预记录;未读取委员会记录 no intervention on the ledger; the committee's record was not read",
          List.of(),
          null,
          null,
          null);
    }
    List<Integer> votes =
        records.stream()
            .filter(
                r -> r.is(RecordType.TASK_COMPLETED) && "Task_CommitteeVote".equals(r.elementId()))
            .map(EvidenceRecord::sequenceNo)
            .toList();
    if (approval.decision().isPresent()) {
      ApprovalRecord.Decision d = approval.decision().get();
      return new DutyFact(
          CODE,
          STAGE,
          CLAUSE,
          TRIGGER,
          Status.SATISFIED,
          "按审批权限表决 decided by "
              + d.votersRequired()
              + " voters under the table's authority, "
              + d.approvals()
              + " approvals of "
              + d.approvalsRequired()
              + " required: "
              + d.result()
              + ", as the votes recount",
          votes,
          null,
          d.decidedAt(),
          null);
    }
    boolean ended =
        records.stream()
            .anyMatch(
                r -> r.is(RecordType.PROCESS_ENDED) && LIFECYCLE.equals(r.processDefinitionKey()));
    return new DutyFact(
        CODE,
        STAGE,
        CLAUSE,
        TRIGGER,
        ended ? Status.NOT_APPLICABLE : Status.PENDING,
        ended
            ? "案件未经委员会即结束 the case ended without coming to the committee"
            : "委员会尚未决议 the committee has not decided yet",
        votes,
        null,
        null,
        null);
  }

  /** An intervention that bypasses the approval procedure, as opposed to, say, a job's retries or a suspension. */
  static boolean bypasses(EvidenceRecord intervention) {
    JsonNode facts = DutyFacts.findings(intervention);
    String operation = facts.path("operation").asText("");
    if (STEERING.contains(operation)) {
      return true;
    }
    if ("Task_CommitteeVote".equals(intervention.elementId())) {
      return true;
    }
    if (VARIABLE_WRITES.contains(operation)) {
      for (JsonNode variable : facts.path("variables")) {
        String name = variable.path("name").asText("");
        if (name.startsWith("committee") || APPROVAL_VARIABLES.contains(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String describe(EvidenceRecord intervention) {
    JsonNode facts = DutyFacts.findings(intervention);
    StringBuilder what =
        new StringBuilder(
            facts.path("operation").asText("")
                + " by "
                + intervention.performer()
                + " at "
                + intervention.recordedAt()
                + " (record #"
                + intervention.sequenceNo()
                + ")");
    if (facts.path("activitiesCancelled").size() > 0
        || facts.path("activitiesStarted").size() > 0) {
      what.append(": cancelled ")
          .append(facts.path("activitiesCancelled"))
          .append(", started ")
          .append(facts.path("activitiesStarted"));
    }
    if (facts.path("variables").size() > 0) {
      List<String> names = new ArrayList<>();
      facts.path("variables").forEach(v -> names.add(v.path("name").asText()));
      what.append(": variables ").append(String.join(", ", names));
    }
    if (intervention.elementId() != null) {
      what.append(" on ").append(intervention.elementId());
    }
    return what.toString();
  }

  /** The decision's count and result against a recount of the votes under the decision's own thresholds. */
  static Optional<String> recount(
      ApprovalRecord.Decision decision, List<ApprovalRecord.Vote> votes) {
    List<ApprovalRecord.Vote> counted = votes.stream().filter(ApprovalRecord.Vote::counts).toList();
    int approvals = (int) counted.stream().filter(ApprovalRecord.Vote::approves).count();
    int rejections = counted.size() - approvals;
    String result;
    if (counted.size() < decision.votersRequired()) {
      result = "incomplete (" + counted.size() + " of " + decision.votersRequired() + " votes)";
    } else if (approvals < decision.approvalsRequired()) {
      result = "rejected";
    } else {
      result =
          counted.stream().anyMatch(v -> "approveWithConditions".equals(v.vote()))
              ? "approvedWithConditions"
              : "approved";
    }
    if (result.equals(decision.result())
        && approvals == decision.approvals()
        && rejections == decision.rejections()) {
      return Optional.empty();
    }
    return Optional.of(
        "the decision says "
            + decision.result()
            + " with "
            + decision.approvals()
            + " approvals and "
            + decision.rejections()
            + " rejections, the votes recount "
            + result
            + " with "
            + approvals
            + " and "
            + rejections);
  }
}
