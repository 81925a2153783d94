package com.creditdiligence.monitoring;

import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Stage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 担保后监测报告 (§21–§23): the six points of §21, on or off site (§23), and a five-tier class (§22)
 * that is never better than the overdue floor; an adjustment (§24) states its grounds in repayment capacity
 * and cash flow; a release needs
 * the debt repaid.
 */
@Component
class MonitoringReportRule implements TaskRule {

  static final Set<String> CHECK_MODES = Set.of("onSite", "offSite");
  static final Set<String> ADJUSTMENTS =
      Set.of("none", "extension", "increaseAmount", "reduceAmount", "earlyRepayment", "watchList");
  static final Set<String> NEXT_STEPS =
      Set.of("continueMonitoring", "transferToProblemHandling", "releaseAtMaturity");

  private final ClassificationFloor floor;

  MonitoringReportRule(ClassificationFloor floor) {
    this.floor = floor;
  }

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_MonitoringReport",
              "Form_MonitoringReport",
              Stage.MONITORING,
              new Duty("MONITORING_REPORT", "§21–§23"))
          .text("fundsUse", "projectProgress", "legalStatus", "financialCondition")
          .text("repaymentPerformance", "collateralCondition")
          .choice("checkMode")
          .date("checkDate")
          .number("daysOverdue")
          .choice("riskClass")
          .text("classificationRationale")
          .choice("adjustment")
          .text("adjustmentNote")
          .choice("nextStep")
          .flag("repaidInFull")
          .choices("attachedDocuments")
          .dueBy("MONITORING_REPORT_ON_TIME", "§21 §23", "§27(三)")
          .build();

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    Checks checks =
        new Checks(s)
            .requireFinding("fundsUse", "(一)资金用途 Use of funds (§21)")
            .requireFinding("projectProgress", "(二)项目进展 Project progress (§21)")
            .requireFinding("legalStatus", "(三)法律地位 Legal status (§21)")
            .requireFinding("financialCondition", "(四)财务状况 Financial condition (§21)")
            .requireFinding("repaymentPerformance", "(五)偿还履约 Repayment / performance (§21)")
            .requireFinding("collateralCondition", "(六)抵押品 Collateral (§21)")
            .requireOneOf("checkMode", CHECK_MODES, "检查方式 On or off site (§23)")
            .requireFinding("classificationRationale", "分类理由 Rationale of the class (§22)")
            .requireOneOf("adjustment", ADJUSTMENTS, "担保调整 Adjustment (§24)")
            .requireOneOf("nextStep", NEXT_STEPS, "下一步 Next step");
    checks.requirePastDate("checkDate", "检查日期 Check date");
    Optional<BigDecimal> daysOverdue =
        checks.requireAmount("daysOverdue", "逾期天数 Days overdue", BigDecimal.ZERO);
    Optional<RiskClass> chosen = s.text("riskClass").flatMap(RiskClass::fromCode);
    if (chosen.isEmpty()) {
      checks.refuse("riskClass", "五级分类必须选择 The risk class must be chosen (§22)");
    }
    if (chosen.isPresent() && daysOverdue.isPresent() && daysOverdue.get().signum() >= 0) {
      RiskClass minimum = floor.floorFor(daysOverdue.get().intValue());
      if (chosen.get().isBetterThan(minimum)) {
        checks.refuse(
            "riskClass",
            "逾期 "
                + daysOverdue.get().intValue()
                + " 天,分类不得优于「"
                + minimum.label()
                + "」 With "
                + daysOverdue.get().intValue()
                + " days overdue the class cannot be better than "
                + minimum.label());
      }
    }
    if (s.text("adjustment").filter(a -> !a.equals("none")).isPresent()) {
      checks.requireFinding(
          "adjustmentNote",
          "调整依据(客户偿还能力和现金流量) Grounds of the adjustment in repayment capacity and cash flow (§24)");
    }
    if (s.text("nextStep").filter("releaseAtMaturity"::equals).isPresent()) {
      checks.requireTrue("repaidInFull", "解保须已全额还款 Release requires the debt repaid in full");
    }
    return checks.refusals();
  }

  @Override
  public String verificationMethod(Submission s) {
    return s.text("checkMode")
        .map(mode -> mode + s.text("checkDate").map(d -> " " + d).orElse(""))
        .orElse(null);
  }
}
