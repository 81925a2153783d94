package com.creditdiligence.accountability;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * §20 对发生影响客户资信的重大事项,客户经理应重新进行担保分析评价: after a major event, not only a visit (whose timeliness
 * is ONSITE_AFTER_MAJOR_EVENT's) but a new analysis. Judged on each major-event investigation's record: its fresh
 * analysis is there, more than a placeholder, and not the visit's findings copied. Whether the analysis is sound is
 * the auditor's review (§27(一)). The holder is whoever held the case when the investigation fell due. Plain Java.
 */
final class MajorEventAnalysis {

  static final String DUTY = "NEW_ANALYSIS_AFTER_MAJOR_EVENT";
  static final String INVESTIGATION = "Task_MajorEventInvestigation";

  private MajorEventAnalysis() {}

  static List<DutyFact> of(List<EvidenceRecord> records, Function<Instant, String> managerAt) {
    List<DutyFact> facts = new ArrayList<>();
    for (EvidenceRecord done : records) {
      if (!done.is(RecordType.TASK_COMPLETED) || !INVESTIGATION.equals(done.elementId())) {
        continue;
      }
      JsonNode findings = DutyFacts.findings(done);
      String analysis = findings.path("meFreshAnalysis").asText("").strip();
      String visit = findings.path("meFindings").asText("").strip();
      Instant dueAt = dueAt(records, done);
      String problem =
          analysis.isEmpty()
              ? "未记录新的分析,仅有实地调查 no new analysis recorded, only the visit"
              : RecordContent.isTrivial(analysis)
                  ? "新的分析无实质内容 the new analysis says nothing: «" + analysis + "»"
                  : analysis.equals(visit)
                      ? "新的分析照抄实地调查结果 the new analysis is the visit's findings copied: only a visit"
                      : null;
      facts.add(
          new DutyFact(
              DUTY,
              "monitoring",
              "§20",
              "§27(七)",
              problem == null ? Status.SATISFIED : Status.VIOLATED,
              problem == null
                  ? "重大事项后已作新的分析 new analysis after the major event: «"
                      + analysis
                      + "»; its soundness is the auditor's "
                      + "review (§27(一))"
                  : problem,
              List.of(done.sequenceNo()),
              dueAt,
              done.recordedAt(),
              managerAt.apply(
                  dueAt != null && dueAt.isBefore(done.recordedAt()) ? dueAt : done.recordedAt())));
    }
    return facts;
  }

  /** The investigation task's due date, from its creation record. */
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
