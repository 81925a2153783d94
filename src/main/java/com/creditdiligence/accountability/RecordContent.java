package com.creditdiligence.accountability;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.investigation.ChecklistDocument;
import com.creditdiligence.submission.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Duties judged by what the record says, not only that it exists: the investigation's 附录二 documents (§7 §9–§11)
 * and the analysis report's sections (§15–§19). What the record can judge is form — every document has a status
 * and the status its way out (verified saying how, to be supplied with a reason, not applicable with a reason where
 * a document can be); every section present and more than a placeholder. Whether a finding is true is the
 * auditor's review (§27(一)). Plain Java over the ledger.
 */
final class RecordContent {

  /** The analysis report's required written sections (EvaluationRule), each with its clause. */
  static final Map<String, String> REPORT_SECTIONS = new java.util.LinkedHashMap<>();

  static {
    REPORT_SECTIONS.put("productRiskAnalysis", "§15");
    REPORT_SECTIONS.put("financialAnalysis", "§16");
    REPORT_SECTIONS.put("financialForecast", "§16");
    REPORT_SECTIONS.put("nfManagement", "§17");
    REPORT_SECTIONS.put("nfProducts", "§17");
    REPORT_SECTIONS.put("nfProduction", "§17");
    REPORT_SECTIONS.put("nfIndustry", "§17");
    REPORT_SECTIONS.put("nfMacroEconomy", "§17");
    REPORT_SECTIONS.put("counterGuarantorAssessment", "§18");
    REPORT_SECTIONS.put("collateralLegality", "§18");
    REPORT_SECTIONS.put("collateralSufficiency", "§18");
    REPORT_SECTIONS.put("collateralRealizability", "§18");
    REPORT_SECTIONS.put("reportSummary", "§19");
    REPORT_SECTIONS.put("recommendationRationale", "§19");
  }

  /**
   * The figures the report's author states (§16). Last year's revenue is not among them: the intake asks it (in yuan,
   * required there) and the report's form shows it read-only; a report of a form that still asked it again carries it
   * as well, and is judged by the same figures.
   */
  static final List<String> REPORT_FIGURES =
      List.of("netProfitLastYear", "totalAssets", "totalLiabilities", "operatingCashFlow");

  static final Set<String> RECOMMENDATIONS = Set.of("approve", "approveWithConditions", "reject");

  private RecordContent() {}

  /**
   * Each 附录二 document the product requires (the medium/long-term items if the case's product is
   * mediumLongTermCredit) has a status that is a way out: verified with a known method (§10 §11), to be supplied
   * with a reason (its deadline is DOCUMENT_SUPPLIED's), or not applicable with a reason where the document depends
   * on the applicant. Anything else — missing, no status, verified saying no how — is a document not verified.
   */
  static DutyFact checklistVerified(
      List<EvidenceRecord> records,
      Optional<EvidenceRecord> investigation,
      Optional<EvidenceRecord> evaluation) {
    String code = "CHECKLIST_VERIFIED";
    String clause = "§7 §9–§11 附录二";
    if (investigation.isEmpty()) {
      return evaluation
          .map(
              e ->
                  new DutyFact(
                      code,
                      "investigation",
                      clause,
                      "§27(二)",
                      Status.VIOLATED,
                      "未经记录在案的调查即作评价 evaluated without a recorded investigation",
                      List.of(e.sequenceNo()),
                      e.recordedAt(),
                      null,
                      e.performer()))
          .orElse(
              new DutyFact(
                  code,
                  "investigation",
                  clause,
                  "§27(二)",
                  Status.PENDING,
                  "the investigation is not done yet",
                  List.of(),
                  null,
                  null,
                  null));
    }
    EvidenceRecord record = investigation.get();
    JsonNode findings = DutyFacts.findings(record);
    String product = product(records, findings);
    List<String> failures = new ArrayList<>();
    Map<String, Integer> counts = new HashMap<>();
    for (ChecklistDocument document : ChecklistDocument.requiredFor(product)) {
      String status = findings.path(document.statusKey()).asText("");
      String note = findings.path(document.noteKey()).asText("").strip();
      String method = findings.path(document.methodKey()).asText("");
      String failure =
          switch (status) {
            case ChecklistDocument.VERIFIED ->
                ChecklistDocument.METHODS.contains(method) ? null : "verified without saying how";
            case ChecklistDocument.TO_BE_SUPPLIED ->
                note.isEmpty() ? "to be supplied without a reason" : null;
            case "notApplicable" ->
                document.everyApplicantHasIt()
                    ? "not applicable, but every applicant has it"
                    : note.isEmpty() ? "not applicable without a reason" : null;
            case "missing" -> "missing";
            case "" -> "no status recorded";
            default -> "unknown status " + status;
          };
      if (failure == null) {
        counts.merge(status, 1, Integer::sum);
      } else {
        failures.add(document.name() + " " + document.label() + ": " + failure);
      }
    }
    boolean ok = failures.isEmpty();
    String explanation =
        ok
            ? "附录二 "
                + ChecklistDocument.requiredFor(product).size()
                + " 份资料均已核实或说明 附录二 "
                + ChecklistDocument.requiredFor(product).size()
                + " documents: "
                + counts.getOrDefault("verified", 0)
                + " verified saying how, "
                + counts.getOrDefault(ChecklistDocument.TO_BE_SUPPLIED, 0)
                + " to be supplied, "
                + counts.getOrDefault("notApplicable", 0)
                + " justified as not applicable"
            : "附录二资料未按要求核实 附录二 documents not verified: " + String.join("; ", failures);
    return new DutyFact(
        code,
        "investigation",
        clause,
        "§27(二)",
        ok ? Status.SATISFIED : Status.VIOLATED,
        explanation,
        List.of(record.sequenceNo()),
        null,
        record.recordedAt(),
        record.performer());
  }

  /**
   * The written report (§19) has every section of §15–§18 and its conclusion, each more than a placeholder
   * (at least {@link Checks#MIN_FINDING_LENGTH} characters, not a mere repetition of punctuation), its figures
   * (§16), and a recommendation with its conditions where it has any. Sections copied verbatim from one another are
   * named for the auditor, who alone can judge whether the report says anything true (§27(一)).
   */
  static DutyFact analysisReport(Optional<EvidenceRecord> evaluation) {
    String code = "ANALYSIS_REPORT_COMPLETE";
    String clause = "§15–§19";
    if (evaluation.isEmpty()) {
      return new DutyFact(
          code,
          "evaluation",
          clause,
          "§27(一)",
          Status.PENDING,
          "the analysis report is not submitted yet",
          List.of(),
          null,
          null,
          null);
    }
    EvidenceRecord record = evaluation.get();
    JsonNode findings = DutyFacts.findings(record);
    List<String> failures = new ArrayList<>();
    Map<String, List<String>> byText = new HashMap<>();
    REPORT_SECTIONS.forEach(
        (key, sectionClause) -> {
          String text = findings.path(key).asText("").strip();
          if (text.isEmpty()) {
            failures.add(key + " (" + sectionClause + ") missing");
          } else if (isTrivial(text)) {
            failures.add(key + " (" + sectionClause + ") says nothing: «" + text + "»");
          } else {
            byText.computeIfAbsent(text, t -> new ArrayList<>()).add(key);
          }
        });
    for (String figure : REPORT_FIGURES) {
      if (!findings.path(figure).isNumber() && findings.path(figure).asText("").isBlank()) {
        failures.add(figure + " (§16) missing");
      }
    }
    String recommendation = findings.path("recommendation").asText("");
    if (!RECOMMENDATIONS.contains(recommendation)) {
      failures.add("no recommendation (§19)");
    } else if (recommendation.equals("approveWithConditions")
        && isTrivial(findings.path("recommendedConditions").asText("").strip())) {
      failures.add("recommended with conditions, but the conditions are not stated (§19)");
    }
    List<String> copied =
        byText.values().stream()
            .filter(keys -> keys.size() > 1)
            .map(keys -> String.join("=", keys))
            .toList();
    boolean ok = failures.isEmpty();
    String explanation =
        ok
            ? "分析报告各部分、数据与建议均已记录 all "
                + REPORT_SECTIONS.size()
                + " sections of §15–§19, the figures and the recommendation recorded"
                + (copied.isEmpty()
                    ? ""
                    : "; sections with the same text, for the auditor (§27(一)): "
                        + String.join(", ", copied))
                + "; whether the report is true is the auditor's review (§27(一))"
            : "分析报告不完整 the analysis report is incomplete: " + String.join("; ", failures);
    return new DutyFact(
        code,
        "evaluation",
        clause,
        "§27(一)",
        ok ? Status.SATISFIED : Status.VIOLATED,
        explanation,
        List.of(record.sequenceNo()),
        null,
        record.recordedAt(),
        record.performer());
  }

  /** Shorter than a finding, or nothing but punctuation, digits or one repeated character. */
  static boolean isTrivial(String text) {
    return Checks.saysNothing(text);
  }

  /** The case's product: as the investigation read it, else as the application recorded it. */
  private static String product(List<EvidenceRecord> records, JsonNode investigation) {
    if (investigation.hasNonNull("product")) {
      return investigation.path("product").asText();
    }
    return records.stream()
        .map(DutyFacts::findings)
        .filter(f -> f.hasNonNull("product"))
        .map(f -> f.path("product").asText())
        .findFirst()
        .orElse("");
  }
}
