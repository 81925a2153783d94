package com.creditdiligence.evaluation;

import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Stage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 分析与评价 (§15–§19): the written report has its product-specific, financial (with forecast),
 * non-financial and second-repayment-source sections, and ends in a recommendation. Last year's revenue is the
 * intake's figure (asked once, in yuan, and required there): the report's form shows it read-only and does not submit it.
 */
@Component
class EvaluationRule implements TaskRule {

  static final Set<String> RECOMMENDATIONS = Set.of("approve", "approveWithConditions", "reject");

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_AnalysisEvaluation",
              "Form_AnalysisEvaluation",
              Stage.EVALUATION,
              new Duty("ANALYSIS_REPORT", "§15–§19"))
          .text("productRiskAnalysis")
          .number("netProfitLastYear", "totalAssets", "totalLiabilities")
          .number("operatingCashFlow")
          .text("financialAnalysis", "financialForecast", "nfManagement", "nfProducts")
          .text("nfProduction", "nfIndustry", "nfMacroEconomy", "counterGuarantorAssessment")
          .text("collateralLegality")
          .number("collateralValue")
          .text("collateralSufficiency", "collateralRealizability", "reportSummary")
          .choice("recommendation")
          .text("recommendedConditions", "recommendationRationale")
          .choices("attachedDocuments")
          .build();

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    Checks checks =
        new Checks(s)
            .requireFinding("productRiskAnalysis", "品种风险分析 Product-specific risk analysis (§15)")
            .requireFinding("financialAnalysis", "财务分析 Financial analysis (§16)")
            .requireFinding("financialForecast", "财务预测 Financial forecast (§16)")
            .requireFinding("nfManagement", "管理者 Management (§17)")
            .requireFinding("nfProducts", "产品 Products (§17)")
            .requireFinding("nfProduction", "生产 Production (§17)")
            .requireFinding("nfIndustry", "行业 Industry (§17)")
            .requireFinding("nfMacroEconomy", "宏观经济 Macro economy (§17)")
            .requireFinding(
                "counterGuarantorAssessment",
                "反保证人资格与代偿能力 Counter-guarantor eligibility and capacity (§18)")
            .requireFinding("collateralLegality", "抵质押合法性 Collateral legality (§18)")
            .requireFinding("collateralSufficiency", "抵质押充分性 Collateral sufficiency (§18)")
            .requireFinding("collateralRealizability", "抵质押可实现性 Collateral realizability (§18)")
            .requireFinding("reportSummary", "分析评价报告结论 Report conclusion (§19)")
            .requireFinding("recommendationRationale", "建议理由 Rationale of the recommendation (§19)")
            .requireOneOf("recommendation", RECOMMENDATIONS, "客户经理建议 Recommendation");
    checks.requireAmount("netProfitLastYear", "上年净利润 Net profit last year", null);
    checks.requireAmount("totalAssets", "资产总额 Total assets", BigDecimal.ZERO);
    checks.requireAmount("totalLiabilities", "负债总额 Total liabilities", BigDecimal.ZERO);
    checks.requireAmount("operatingCashFlow", "经营活动现金流 Operating cash flow", null);
    if (s.decimal("collateralValue").filter(v -> v.signum() < 0).isPresent()) {
      checks.refuse("collateralValue", "抵质押物价值不能为负 Collateral value cannot be negative");
    }
    if (s.text("recommendation").filter("approveWithConditions"::equals).isPresent()) {
      checks.requireFinding("recommendedConditions", "建议的条件 Proposed conditions");
    }
    return checks.refusals();
  }
}
