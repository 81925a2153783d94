package com.creditdiligence.accountability;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * §24 客户经理根据客户偿还能力和现金流量,对客户担保项目进行调整: every adjustment a monitoring report proposes (an extension,
 * a larger or smaller guaranteed amount, early repayment, the watch list) states its grounds in the customer's
 * repayment capacity and cash flow: a note that says something. Whether the grounds are sound is the auditor's review
 * (§27(一)). The rule book names no §27 item for an ungrounded adjustment: §27(七) 其他. The holder is whoever held the
 * case when the report was made. Plain Java over the ledger.
 */
final class AdjustmentGrounds {

  static final String DUTY = "ADJUSTMENT_GROUNDED";
  static final String MONITORING_REPORT = "Task_MonitoringReport";
  static final Map<String, String> ADJUSTMENTS =
      Map.of(
          "extension",
          "展期 extension",
          "increaseAmount",
          "增加担保额 increase of the guaranteed amount",
          "reduceAmount",
          "缩减担保额 reduction",
          "earlyRepayment",
          "要求提前还款 early repayment",
          "watchList",
          "列入关注名单 watch list");

  private AdjustmentGrounds() {}

  static List<DutyFact> of(List<EvidenceRecord> records, Function<Instant, String> managerAt) {
    List<DutyFact> facts = new ArrayList<>();
    for (EvidenceRecord report : records) {
      if (!report.is(RecordType.TASK_COMPLETED) || !MONITORING_REPORT.equals(report.elementId())) {
        continue;
      }
      String adjustment = DutyFacts.findings(report).path("adjustment").asText("");
      if (adjustment.isEmpty() || adjustment.equals("none")) {
        continue;
      }
      String note = DutyFacts.findings(report).path("adjustmentNote").asText("").strip();
      String what =
          "担保调整 adjustment: "
              + ADJUSTMENTS.getOrDefault(adjustment, adjustment)
              + ", "
              + report.recordedAt();
      boolean grounded = !RecordContent.isTrivial(note);
      facts.add(
          new DutyFact(
              DUTY,
              "monitoring",
              "§24",
              "§27(七)",
              grounded ? Status.SATISFIED : Status.VIOLATED,
              grounded
                  ? what
                      + "; 调整依据 grounds: «"
                      + note
                      + "»; whether they are sound is the auditor's review (§27(一))"
                  : what
                      + "; 未说明偿还能力与现金流量依据 no grounds in repayment capacity and cash flow stated"
                      + (note.isEmpty() ? "" : ": «" + note + "»"),
              List.of(report.sequenceNo()),
              null,
              report.recordedAt(),
              managerAt.apply(report.recordedAt())));
    }
    return facts;
  }
}
