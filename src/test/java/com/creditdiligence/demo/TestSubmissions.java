package com.creditdiligence.demo;

import com.creditdiligence.platform.EngineValues;
import com.creditdiligence.submission.BusinessTime;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Realistic form values for the steps only tests take (the demo's own are {@link DemoSubmissions}), as Tasklist would
 * submit them (dates as yyyy-MM-dd text, checklists as JSON).
 */
public final class TestSubmissions {

  private TestSubmissions() {}

  public static Map<String, Object> conflictOfInterest() {
    Map<String, Object> values = new HashMap<>();
    values.put("conflictOfInterest", true);
    values.put("conflictDescription", "本人配偶在申请企业任职 My spouse works for the applicant");
    return values;
  }

  public static Map<String, Object> reservedOpinion(boolean record) {
    Map<String, Object> values = new HashMap<>();
    values.put("reservedOpinionChoice", record ? "record" : "waive");
    values.put(
        "reservedOpinionText",
        record ? "本人认为企业现金流稳定,否决理由不充分 Cash flow is stable; the rejection is not well founded" : "");
    values.put("reportUpward", record);
    return values;
  }

  public static Map<String, Object> monitoringReport(
      String riskClass, int daysOverdue, String nextStep) {
    Map<String, Object> values = new HashMap<>();
    String finding = "按约定用途使用,经营正常 Used as agreed; operations normal";
    for (String key :
        List.of(
            "fundsUse",
            "projectProgress",
            "legalStatus",
            "financialCondition",
            "repaymentPerformance",
            "collateralCondition",
            "classificationRationale")) {
      values.put(key, finding);
    }
    values.put("checkMode", "onSite");
    values.put("checkDate", today().minusDays(1).toString());
    values.put("daysOverdue", daysOverdue);
    values.put("riskClass", riskClass);
    values.put("adjustment", "none");
    values.put("adjustmentNote", "");
    values.put("nextStep", nextStep);
    values.put("repaidInFull", "releaseAtMaturity".equals(nextStep));
    return values;
  }

  /** A routine report proposing an adjustment (§24), with its grounds in repayment capacity and cash flow. */
  public static Map<String, Object> adjustedMonitoringReport(String adjustment) {
    Map<String, Object> values = monitoringReport("specialMention", 10, "continueMonitoring");
    values.put("adjustment", adjustment);
    values.put(
        "adjustmentNote",
        "经营现金流季节性回落,展期三个月后可覆盖本息 Seasonal dip in operating cash flow; three "
            + "more months cover principal and interest");
    return values;
  }

  public static Map<String, Object> adjustmentApproval(String decision) {
    Map<String, Object> values = new HashMap<>();
    values.put("adjustmentDecision", decision);
    values.put(
        "adjustmentApprovalOpinion",
        "现金流测算可信,同意按建议调整 The cash-flow forecast holds; adjust as proposed");
    return values;
  }

  public static Map<String, Object> overdueReview(String reassignTo) {
    Map<String, Object> values = new HashMap<>();
    values.put(
        "headInstruction",
        "三日内补交监测报告并说明逾期原因 File the report within three days and explain the delay");
    values.put("reassignTo", reassignTo == null ? "" : reassignTo);
    return values;
  }

  public static Map<String, Object> majorEventInvestigation(String proposedRiskClass) {
    Map<String, Object> values = new HashMap<>();
    values.put("meVisitDate", today().toString());
    values.put("meVisitPlace", "客户总部 Customer headquarters");
    values.put("mePeopleMet", "新任总经理 The new general manager");
    values.put("meFindings", "股权变更已完成,经营团队稳定 Ownership change completed; team stable");
    values.put("meWrittenReport", "已书面报告部门负责人,风险可控 Reported in writing; risk under control");
    values.put("meFreshAnalysis", "现金流覆盖率1.4倍,维持原评价 Cash-flow cover 1.4x; assessment unchanged");
    values.put("meProposedRiskClass", proposedRiskClass);
    return values;
  }

  /**
   * The investigation of a change of the customer's information (§12): the customer's written report, filed to the case
   * as {@code documentReference} ({@code sha256:…}), verified and re-entered in the file.
   */
  public static Map<String, Object> customerChangeInvestigation(
      String proposedRiskClass, String documentReference) {
    Map<String, Object> values = majorEventInvestigation(proposedRiskClass);
    values.put(
        "meChangeReverification",
        "已与工商登记及股东会决议核对,新任法定代表人当面确认 Checked against the "
            + "business registry and the shareholders' resolution; confirmed in person by the new legal representative");
    values.put("meFileReRecorded", true);
    values.put(
        "attachedDocuments", SpinValues.jsonValue("[\"" + documentReference + "\"]").create());
    return values;
  }

  /** The head agrees with the analysis and decides the class given (the manager's proposal, to agree with it). */
  public static Map<String, Object> majorEventReview(String decidedRiskClass) {
    return new HashMap<>(
        Map.of(
            "headRiskClass",
            decidedRiskClass,
            "headOpinion",
            "同意客户经理的分析,继续跟踪 Agree with the analysis; keep watching"));
  }

  public static Map<String, Object> release() {
    Map<String, Object> values = new HashMap<>();
    values.put("repaymentConfirmedOn", today().toString());
    values.put("bankRepaymentConfirmation", "ICBC-SZ-REPAID-0415");
    values.put("releaseLetterNo", "JB-2026-0415");
    return values;
  }

  /** Dates relative to the engine's clock, which the tests move, in the default business zone the tests run in. */
  private static LocalDate today() {
    return EngineValues.today(BusinessTime.DEFAULT_ZONE);
  }
}
