package com.creditdiligence.investigation;

import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Stage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * 客户调查 (§5–§14): every document of 附录二 verified, saying how (§9–§11), accepted «后补 to be supplied»
 * with a reason by a due date (a deadline duty, §27(二) if missed), or justified as not applicable where the
 * document depends on the applicant; at least one on-site visit (§10); group and related parties checked (§8);
 * a customer file (§7).
 */
@Component
class InvestigationRule implements TaskRule {

  static final String TO_BE_SUPPLIED = ChecklistDocument.TO_BE_SUPPLIED;
  static final Set<String> STATUSES =
      Set.of("verified", "missing", "notApplicable", TO_BE_SUPPLIED);
  static final String DOCUMENTS_DUE_BY = ChecklistDocument.DOCUMENTS_DUE_BY;
  static final Set<String> METHODS = ChecklistDocument.METHODS;

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_CustomerInvestigation",
              "Form_CustomerInvestigation",
              Stage.INVESTIGATION,
              new Duty("CUSTOMER_INVESTIGATION", "§5–§14"))
          .choice("doc01Status", "doc01Method")
          .text("doc01Note")
          .choice("doc02Status", "doc02Method")
          .text("doc02Note")
          .choice("doc03Status", "doc03Method")
          .text("doc03Note")
          .choice("doc04Status", "doc04Method")
          .text("doc04Note")
          .choice("doc05Status", "doc05Method")
          .text("doc05Note")
          .choice("doc06Status", "doc06Method")
          .text("doc06Note")
          .choice("doc07Status", "doc07Method")
          .text("doc07Note")
          .choice("doc08Status", "doc08Method")
          .text("doc08Note")
          .choice("doc09Status", "doc09Method")
          .text("doc09Note")
          .choice("doc10Status", "doc10Method")
          .text("doc10Note")
          .choice("doc11Status", "doc11Method")
          .text("doc11Note")
          .choice("doc12Status", "doc12Method")
          .text("doc12Note")
          .choice("doc13Status", "doc13Method")
          .text("doc13Note")
          .choice("docLt1Status", "docLt1Method")
          .text("docLt1Note")
          .choice("docLt2Status", "docLt2Method")
          .text("docLt2Note")
          .choice("docLt3Status", "docLt3Method")
          .text("docLt3Note")
          .choice("docLt4Status", "docLt4Method")
          .text("docLt4Note")
          .date(DOCUMENTS_DUE_BY)
          .date("onSiteVisitDate")
          .text("onSiteVisitPlace", "onSiteVisitPeopleMet", "onSiteVisitFindings")
          .choice("isGroupCustomer")
          .text("relatedParties")
          .number("groupExposure")
          .text("concentrationRiskNote")
          .flag("relatedPartyCheckDone")
          .text("customerFileNo")
          .choices("attachedDocuments")
          .reads("product")
          .build();

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    Checks checks = new Checks(s);
    for (ChecklistDocument document : ChecklistDocument.requiredFor(s.text("product").orElse(""))) {
      checkDocument(s, checks, document);
    }
    if (s.hasText(DOCUMENTS_DUE_BY)) {
      checks
          .requireDate(DOCUMENTS_DUE_BY, "后补资料截止日期 Documents to be supplied by")
          .filter(due -> !due.isAfter(s.today()))
          .ifPresent(
              due ->
                  checks.refuse(
                      DOCUMENTS_DUE_BY,
                      "后补资料截止日期须晚于今天 The date documents are to be supplied by must be after today"));
    }
    checks.requirePastDate("onSiteVisitDate", "实地调查日期 On-site visit date (§10)");
    checks
        .requireText("onSiteVisitPlace", "实地调查地点 On-site visit place (§10)")
        .requireText("onSiteVisitPeopleMet", "会见人员 People met on site (§10)")
        .requireFinding("onSiteVisitFindings", "实地调查发现 On-site findings (§10)")
        .requireOneOf("isGroupCustomer", Set.of("yes", "no"), "是否集团客户 Group customer (§8)")
        .requireFinding("concentrationRiskNote", "集中度风险说明 Concentration risk (§8)")
        .requireTrue(
            "relatedPartyCheckDone",
            "须完成集团及关联客户核查 The group and related-party check must be done (§8)")
        .requireText("customerFileNo", "客户档案编号 Customer file number (§7)");
    if (s.text("isGroupCustomer").filter("yes"::equals).isPresent()) {
      checks.requireText("relatedParties", "关联方名单 Related parties (§8)");
    }
    return checks.refusals();
  }

  /** E.g. "onSite×11, creditBureau×1; on-site visit 2026-11-22": what the auditor asks first. */
  @Override
  public String verificationMethod(Submission s) {
    Map<String, Long> methods = new TreeMap<>();
    for (ChecklistDocument document : ChecklistDocument.requiredFor(s.text("product").orElse(""))) {
      if (s.text(document.statusKey()).filter("verified"::equals).isPresent()) {
        s.text(document.methodKey()).ifPresent(method -> methods.merge(method, 1L, Long::sum));
      }
    }
    String summary =
        methods.entrySet().stream()
            .map(e -> e.getKey() + "×" + e.getValue())
            .collect(Collectors.joining(", "));
    return summary + s.text("onSiteVisitDate").map(date -> "; on-site visit " + date).orElse("");
  }

  private static void checkDocument(Submission s, Checks checks, ChecklistDocument document) {
    Optional<String> status = s.text(document.statusKey());
    String label = "附录二 " + document.item() + " " + document.label();
    if (status.isEmpty() || !STATUSES.contains(status.get())) {
      checks.refuse(document.statusKey(), label + ": 须标明核实状态 its status must be given (§9)");
    } else if (status.get().equals("missing")) {
      checks.refuse(
          document.statusKey(),
          label
              + (document.everyApplicantHasIt()
                  ? ": 缺失,须核实或后补 is missing — verify it or accept it to be supplied (§9)"
                  : ": 缺失,须核实、后补或说明不适用理由 is missing — verify it, accept it to be supplied, or justify it as not "
                      + "applicable (§9)"));
    } else if (status.get().equals("verified")) {
      Optional<String> method = s.text(document.methodKey());
      if (method.isEmpty() || !METHODS.contains(method.get())) {
        checks.refuse(document.methodKey(), label + ": 须说明核实方式 say how it was verified (§10, §11)");
      }
    } else if (status.get().equals(TO_BE_SUPPLIED)) {
      if (!s.hasText(document.noteKey())) {
        checks.refuse(document.noteKey(), label + ": 后补须说明理由 to be supplied needs a reason");
      }
    } else if (document.everyApplicantHasIt()) {
      checks.refuse(
          document.statusKey(),
          label
              + ": 每个申请人都有此资料,不能不适用,须核实或后补 every applicant has "
              + "this document: it cannot be not applicable — verify it or accept it to be supplied (§9)");
    } else if (!s.hasText(document.noteKey())) {
      checks.refuse(document.noteKey(), label + ": 不适用须说明理由 not applicable needs a reason");
    }
  }
}
