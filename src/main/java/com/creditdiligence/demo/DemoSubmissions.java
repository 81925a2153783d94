package com.creditdiligence.demo;

import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.platform.EngineValues;
import com.creditdiligence.submission.BusinessTime;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Realistic form values for the steps the demo cases take, as Tasklist would submit them (dates as
 * yyyy-MM-dd text, checklists as JSON). Used by the demo cases and by the tests; the other steps' values, which only
 * tests submit, are the tests' own (src/test: demo/TestSubmissions).
 */
public final class DemoSubmissions {

  private DemoSubmissions() {}

  public static Map<String, Object> intake(
      String applicant, String product, long amount, int termMonths) {
    Map<String, Object> values = new HashMap<>();
    values.put("applicantName", applicant);
    values.put("applicantType", "legalPerson");
    values.put("unifiedSocialCreditCode", "91320500MA1XYZ123K");
    values.put("establishedOn", today().minusYears(8).toString());
    values.put("businessLicenceValid", true);
    values.put("employeeCount", 240);
    values.put("revenueLastYear", 180000000);
    values.put("creditRecord", "clean");
    values.put("product", product);
    values.put("amount", amount);
    values.put("termMonths", termMonths);
    values.put("lendingBank", "工商银行苏州分行 ICBC Suzhou");
    values.put("purpose", "采购原材料 Purchase of raw materials");
    values.put(
        "counterGuaranteeTypes", SpinValues.jsonValue("[\"guarantor\",\"mortgage\"]").create());
    values.put(
        "counterGuaranteeDescription",
        "法定代表人个人连带保证;厂房抵押 Personal guarantee of the legal representative; mortgage on the plant");
    return values;
  }

  /** Every document verified on site or by the credit bureau, one on-site visit, related parties checked. */
  public static Map<String, Object> investigation(boolean mediumLongTerm) {
    Map<String, Object> values = new HashMap<>();
    List<String> documents =
        new java.util.ArrayList<>(
            List.of(
                "doc01", "doc02", "doc03", "doc04", "doc05", "doc06", "doc07", "doc08", "doc09",
                "doc10", "doc11", "doc12", "doc13"));
    if (mediumLongTerm) {
      documents.addAll(List.of("docLt1", "docLt2", "docLt3", "docLt4"));
    }
    for (String document : documents) {
      values.put(document + "Status", "verified");
      values.put(document + "Method", document.equals("doc05") ? "creditBureau" : "onSite");
      values.put(document + "Note", "");
    }
    values.put("doc12Status", "notApplicable");
    values.put("doc12Note", "法定代表人亲自办理 The legal representative applies in person");
    values.remove("doc12Method");
    values.put("onSiteVisitDate", today().minusDays(2).toString());
    values.put("onSiteVisitPlace", "苏州工业园区厂区 Plant, Suzhou Industrial Park");
    values.put("onSiteVisitPeopleMet", "法定代表人、财务总监 Legal representative, CFO");
    values.put(
        "onSiteVisitFindings",
        "生产线满负荷运转,库存与账面一致 Lines running at capacity; stock matches the books");
    values.put("isGroupCustomer", "no");
    values.put("relatedParties", "");
    values.put("groupExposure", 0);
    values.put("concentrationRiskNote", "无集团关联担保,集中度风险低 No group exposure; low concentration risk");
    values.put("relatedPartyCheckDone", true);
    values.put("customerFileNo", "CF-2026-0415");
    return values;
  }

  public static Map<String, Object> evaluation(String recommendation) {
    Map<String, Object> values = new HashMap<>();
    // Each section says something of its own (§19: 详细注明); a report copying one sentence into every
    // section is
    // named for the auditor (§27(一)).
    values.put(
        "productRiskAnalysis",
        "流动资金担保,期限一年,随销售回款周转 Working-capital guarantee, one year, revolving with sales receipts");
    values.put(
        "financialAnalysis",
        "资产负债率54.5%,净利率5.3%,近三年收入稳定增长 Debt ratio 54.5%, net margin 5.3%, revenue growing for three years");
    values.put(
        "financialForecast",
        "预计明年收入增长8%,经营现金流可覆盖债务1.4倍 Revenue +8% next year; operating cash flow covers debt 1.4x");
    values.put(
        "nfManagement",
        "管理层稳定,实际控制人从业二十年,无不良记录 Stable management; controller 20 years in the trade, clean record");
    values.put(
        "nfProducts", "精密零部件,主要客户为三家整车厂,订单饱满 Precision parts for three carmakers; full order book");
    values.put(
        "nfProduction",
        "两条自动化产线,设备成新率七成,产能利用率九成 Two automated lines, equipment 70% new, 90% utilisation");
    values.put(
        "nfIndustry",
        "汽车零部件行业景气度平稳,竞争激烈但客户黏性高 Auto-parts demand steady; competitive but sticky customers");
    values.put(
        "nfMacroEconomy",
        "区域经济平稳,利率下行,无重大政策风险 Regional economy steady, rates falling, no policy risk");
    values.put(
        "counterGuarantorAssessment",
        "法定代表人个人净资产约三千万元,具备代偿能力 Legal representative's net worth about RMB 30m: able to pay");
    values.put(
        "collateralLegality",
        "厂房产权清晰,已办理抵押登记,无查封 Plant title clear, mortgage registered, no seizure");
    values.put(
        "collateralSufficiency", "评估值六百万元,抵押率五成,足值 Valued RMB 6m, 50% loan-to-value: sufficient");
    values.put(
        "collateralRealizability",
        "工业园区厂房流通性较好,处置周期约半年 Park plant readily saleable, about six months to realise");
    values.put(
        "reportSummary",
        "经营、财务及反担保均正常,风险可控 Operations, finances and counter-guarantees sound: risk under control");
    values.put(
        "recommendationRationale",
        "现金流覆盖充分,抵押足值,建议按申请金额担保 Cash flow covers the debt and the mortgage is sufficient");
    values.put("netProfitLastYear", 9500000);
    values.put("totalAssets", 220000000);
    values.put("totalLiabilities", 120000000);
    values.put("operatingCashFlow", 14000000);
    values.put("collateralValue", 6000000);
    values.put("recommendation", recommendation);
    values.put(
        "recommendedConditions",
        recommendation.equals("approveWithConditions")
            ? "追加实际控制人配偶连带保证 Add the controller's spouse as joint guarantor"
            : "");
    return values;
  }

  public static Map<String, Object> vote(String vote) {
    Map<String, Object> values = new HashMap<>();
    values.put("conflictOfInterest", false);
    values.put("vote", vote);
    values.put(
        "voteRationale", "现金流覆盖充分,反担保足值 Cash flow covers the debt; counter-guarantee sufficient");
    values.put(
        "voteConditions",
        vote.equals("approveWithConditions")
            ? "放款前办妥应收账款质押 Pledge of receivables before drawdown"
            : "");
    return values;
  }

  public static Map<String, Object> contracts(boolean conditionsApply) {
    Map<String, Object> values = new HashMap<>();
    values.put("guaranteeContractNo", "DB-2026-0415");
    values.put("guaranteeContractSignedOn", today().minusDays(1).toString());
    values.put("counterGuaranteeContractNo", "FDB-2026-0415");
    values.put("counterGuaranteeContractSignedOn", today().minusDays(1).toString());
    values.put("collateralRegistrationStatus", "registered");
    values.put("collateralRegistrationAuthority", "苏州市不动产登记中心 Suzhou real-estate registry");
    values.put("collateralRegistrationCertificateNo", "苏(2026)不动产证明第0012345号");
    values.put("collateralRegisteredOn", today().minusDays(1).toString());
    if (conditionsApply) {
      values.put("approvalConditionsFulfilled", true);
      values.put(
          "conditionsFulfilmentNote",
          "应收账款质押已登记 Receivables pledge registered with the credit registry");
    }
    return values;
  }

  public static Map<String, Object> issue(long amount) {
    Map<String, Object> values = new HashMap<>();
    values.put("guaranteeLetterNo", "BH-2026-0415");
    values.put("issuedOn", today().toString());
    values.put("guaranteedAmount", amount);
    values.put("guaranteeExpiresOn", today().plusMonths(12).toString());
    values.put("lendingBankConfirmation", "ICBC-SZ-2026-88");
    return values;
  }

  public static Map<String, Object> preservationMeasures(boolean moveToProblemHandling) {
    Map<String, Object> values = new HashMap<>();
    values.put("measuresTaken", "taken");
    values.put(
        "measuresDescription",
        "已要求追加反担保并冻结保证金账户 Asked for more counter-guarantees; margin account frozen");
    values.put("measuresTakenOn", today().toString());
    values.put("moveToProblemHandling", moveToProblemHandling);
    return values;
  }

  public static Map<String, Object> problemHandling(String outcome) {
    Map<String, Object> values = new HashMap<>();
    values.put(
        "measures", SpinValues.jsonValue("[\"demandCounterGuarantor\",\"courtFreeze\"]").create());
    values.put(
        "measuresNote",
        "已向反保证人发出履约通知,申请冻结账户 Notice served on the counter-guarantor; freeze applied for");
    values.put("problemOutcome", outcome);
    return values;
  }

  public static Map<String, Object> compensation(long paid, long loss) {
    Map<String, Object> values = new HashMap<>();
    values.put("compensationAmount", paid);
    values.put("compensationPaidOn", today().toString());
    values.put("lossAmount", loss);
    values.put(
        "recoveryPlan",
        "向反保证人追偿并处置抵押厂房 Recover from the counter-guarantor; sell the mortgaged plant");
    return values;
  }

  /** The auditor's review: each draft finding (by number) confirmed with the reason, none added. */
  public static Map<String, Object> auditorReview(
      List<Integer> confirmed, String reason, String summary) {
    List<Map<String, Object>> verdicts =
        confirmed.stream()
            .map(
                n -> {
                  Map<String, Object> verdict = new HashMap<>();
                  verdict.put("findingNo", n);
                  verdict.put("decision", "confirm");
                  verdict.put("reason", reason);
                  return verdict;
                })
            .toList();
    Map<String, Object> values = new HashMap<>();
    values.put("findingDecisions", SpinValues.jsonValue(CanonicalForm.json(verdicts)).create());
    values.put("addedFindings", SpinValues.jsonValue("[]").create());
    values.put("auditSummary", summary);
    return values;
  }

  public static Map<String, Object> deliberation(String minutes) {
    return new HashMap<>(Map.of("deliberationMinutes", minutes));
  }

  public static Map<String, Object> statement(String text) {
    return new HashMap<>(Map.of("statementChoice", "submit", "statementText", text));
  }

  /** The board's first determination: the tier, the clauses it rests on, and why. */
  public static Map<String, Object> determination(
      String tier, List<String> clauses, String rationale) {
    Map<String, Object> values = new HashMap<>();
    values.put("tier", tier);
    values.put("determinationClauses", SpinValues.jsonValue(CanonicalForm.json(clauses)).create());
    values.put("determinationRationale", rationale);
    return values;
  }

  public static Map<String, Object> appeal(String grounds) {
    return new HashMap<>(Map.of("appealChoice", "appeal", "appealGrounds", grounds));
  }

  /** The board's decision on the appeal: the tier, the clauses it rests on, and why. */
  public static Map<String, Object> appealDecision(
      String tier, List<String> clauses, String rationale) {
    Map<String, Object> values = new HashMap<>();
    values.put("appealTier", tier);
    values.put("appealClauses", SpinValues.jsonValue(CanonicalForm.json(clauses)).create());
    values.put("appealRationale", rationale);
    return values;
  }

  /**
   * Dates relative to the engine's clock, which the tests move: a check made "yesterday" is yesterday for the case, in
   * the default business zone the demo and the tests run in.
   */
  private static LocalDate today() {
    return EngineValues.today(BusinessTime.DEFAULT_ZONE);
  }
}
