package com.creditdiligence.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 客户调查 (§5–§14): what a customer investigation must contain before it is accepted. */
class InvestigationRuleTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
  private static final List<String> STANDARD_DOCUMENTS =
      List.of(
          "doc01", "doc02", "doc03", "doc04", "doc05", "doc06", "doc07", "doc08", "doc09", "doc10",
          "doc11", "doc12", "doc13");
  private static final List<String> LONG_TERM_DOCUMENTS =
      List.of("docLt1", "docLt2", "docLt3", "docLt4");

  private final InvestigationRule rule = new InvestigationRule();

  @Test
  void aCompleteInvestigationPasses() {
    assertThat(refusalsOf(completeInvestigation("workingCapitalLoan"))).isEmpty();
  }

  @Test
  void mediumLongTermCreditAlsoRequiresTheLongTermDocuments() {
    List<Refusal> refusals = refusalsOf(completeInvestigation("mediumLongTermCredit"));

    assertThat(refusals)
        .extracting(Refusal::field)
        .containsExactlyInAnyOrder("docLt1Status", "docLt2Status", "docLt3Status", "docLt4Status");
  }

  @Test
  void mediumLongTermCreditWithTheLongTermDocumentsVerifiedPasses() {
    Map<String, Object> values = completeInvestigation("mediumLongTermCredit");
    LONG_TERM_DOCUMENTS.forEach(document -> verified(values, document, "onSite"));

    assertThat(refusalsOf(values)).isEmpty();
  }

  @Test
  void aVerifiedDocumentMustSayHowItWasVerified() {
    Map<String, Object> values = completeInvestigation("workingCapitalLoan");
    values.remove("doc04Method");

    assertThat(refusalsOf(values))
        .singleElement()
        .satisfies(
            refusal -> {
              assertThat(refusal.field()).isEqualTo("doc04Method");
              assertThat(refusal.message())
                  .contains("Audited financial statements")
                  .contains("say how it was verified");
            });
  }

  @Test
  void aVerificationMethodMustBeOneOfTheKnownMethods() {
    Map<String, Object> values = completeInvestigation("workingCapitalLoan");
    values.put("doc04Method", "phoneCall");

    assertThat(refusalsOf(values)).extracting(Refusal::field).containsExactly("doc04Method");
  }

  @Test
  void anOnSiteVisitInTheFutureIsRefused() {
    Map<String, Object> values = completeInvestigation("workingCapitalLoan");
    values.put("onSiteVisitDate", "2026-11-25");

    assertThat(refusalsOf(values))
        .singleElement()
        .satisfies(
            refusal -> {
              assertThat(refusal.field()).isEqualTo("onSiteVisitDate");
              assertThat(refusal.message()).contains("cannot be in the future");
            });
  }

  @Test
  void anOnSiteVisitTodayIsAccepted() {
    Map<String, Object> values = completeInvestigation("workingCapitalLoan");
    values.put("onSiteVisitDate", TODAY.toString());

    assertThat(refusalsOf(values)).isEmpty();
  }

  @Test
  void aGroupCustomerMustListItsRelatedParties() {
    Map<String, Object> values = completeInvestigation("workingCapitalLoan");
    values.put("isGroupCustomer", "yes");
    values.put("relatedParties", " ");

    assertThat(refusalsOf(values)).extracting(Refusal::field).containsExactly("relatedParties");
  }

  @Test
  void aGroupCustomerListingItsRelatedPartiesPasses() {
    Map<String, Object> values = completeInvestigation("workingCapitalLoan");
    values.put("isGroupCustomer", "yes");
    values.put("relatedParties", "苏州甲集团有限公司(母公司) Suzhou Jia Group (parent)");

    assertThat(refusalsOf(values)).isEmpty();
  }

  @Test
  void theRelatedPartyCheckMustBeDone() {
    Map<String, Object> values = completeInvestigation("workingCapitalLoan");
    values.put("relatedPartyCheckDone", false);

    assertThat(refusalsOf(values))
        .singleElement()
        .satisfies(
            refusal -> {
              assertThat(refusal.field()).isEqualTo("relatedPartyCheckDone");
              assertThat(refusal.message()).contains("related-party check must be done");
            });
  }

  @Test
  void aDocumentAcceptedToBeSuppliedWithAReasonPasses() {
    Map<String, Object> values = completeInvestigation("workingCapitalLoan");
    toBeSupplied(
        values,
        "doc04",
        "2025年报表审计中,审计报告预计下月出具 The 2025 audit is under way; the report is due next month");
    values.put("documentsDueBy", "2026-12-24");

    assertThat(refusalsOf(values)).isEmpty();
  }

  @Test
  void aDocumentAcceptedToBeSuppliedWithoutAReasonIsRefused() {
    Map<String, Object> values = completeInvestigation("workingCapitalLoan");
    toBeSupplied(values, "doc04", " ");

    assertThat(refusalsOf(values))
        .singleElement()
        .satisfies(
            refusal -> {
              assertThat(refusal.field()).isEqualTo("doc04Note");
              assertThat(refusal.message())
                  .contains("Audited financial statements")
                  .contains("to be supplied needs a reason");
            });
  }

  @Test
  void theDateDocumentsAreToBeSuppliedByMustBeAfterToday() {
    Map<String, Object> values = completeInvestigation("workingCapitalLoan");
    toBeSupplied(values, "doc04", "审计报告预计下月出具 The audit report is due next month");
    values.put("documentsDueBy", TODAY.toString());

    assertThat(refusalsOf(values))
        .singleElement()
        .satisfies(
            refusal -> {
              assertThat(refusal.field()).isEqualTo("documentsDueBy");
              assertThat(refusal.message()).contains("must be after today");
            });
  }

  @Test
  void theLicenceCanNeverBeNotApplicable() {
    Map<String, Object> values = completeInvestigation("workingCapitalLoan");
    notApplicable(values, "doc01", "客户称营业执照在办理变更 The customer says its licence is being changed");

    assertThat(refusalsOf(values))
        .singleElement()
        .satisfies(
            refusal -> {
              assertThat(refusal.field()).isEqualTo("doc01Status");
              assertThat(refusal.message())
                  .contains("Business licence")
                  .contains("cannot be not applicable");
            });
  }

  @Test
  void noDocumentEveryApplicantHasCanBeNotApplicable() {
    Map<String, Object> values = completeInvestigation("workingCapitalLoan");
    List.of("doc01", "doc03", "doc04", "doc05", "doc06")
        .forEach(document -> notApplicable(values, document, "无 None"));

    assertThat(refusalsOf(values))
        .extracting(Refusal::field)
        .containsExactlyInAnyOrder(
            "doc01Status", "doc03Status", "doc04Status", "doc05Status", "doc06Status");
  }

  @Test
  void theBoardResolutionCanBeNotApplicableWithAReason() {
    Map<String, Object> values = completeInvestigation("workingCapitalLoan");
    notApplicable(values, "doc09", "个人独资企业,无董事会 A sole proprietorship: it has no board");

    assertThat(refusalsOf(values)).isEmpty();
  }

  @Test
  void theBoardResolutionNotApplicableWithoutAReasonIsRefused() {
    Map<String, Object> values = completeInvestigation("workingCapitalLoan");
    notApplicable(values, "doc09", "");

    assertThat(refusalsOf(values)).extracting(Refusal::field).containsExactly("doc09Note");
  }

  @Test
  void aMissingDocumentIsToldOnlyTheWaysOutItHas() {
    Map<String, Object> values = completeInvestigation("workingCapitalLoan");
    values.put("doc04Status", "missing");
    values.put("doc09Status", "missing");

    assertThat(refusalsOf(values))
        .extracting(Refusal::field, Refusal::message)
        .containsExactlyInAnyOrder(
            tuple(
                "doc04Status",
                "附录二 资料 04 近三年经审计的财务报表 Audited financial statements, last three years: 缺失,须核实或后补 is "
                    + "missing — verify it or accept it to be supplied (§9)"),
            tuple(
                "doc09Status",
                "附录二 资料 09 同意申请担保的决议 Resolution approving the application: 缺失,须核实、后补或说明不适用理由 "
                    + "is missing — verify it, accept it to be supplied, or justify it as not applicable (§9)"));
  }

  @Test
  void aRefusalNamesEachDocumentByTheItemTheFormShowsItUnder() throws Exception {
    JsonNode form =
        new ObjectMapper().readTree(Path.of("forms/CustomerInvestigation.form").toFile());
    for (ChecklistDocument document : ChecklistDocument.values()) {
      assertThat(groupTitleOf(form, document.statusKey()))
          .as(document.name())
          .startsWith(document.item() + " ");
    }
  }

  /** The title of the form group holding the field. */
  private static String groupTitleOf(JsonNode component, String key) {
    for (JsonNode child : component.path("components")) {
      if (key.equals(child.path("key").asText())) {
        return component.path("label").asText();
      }
      String found = groupTitleOf(child, key);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static void toBeSupplied(Map<String, Object> values, String document, String reason) {
    values.remove(document + "Method");
    values.put(document + "Status", "toBeSupplied");
    values.put(document + "Note", reason);
  }

  private static void notApplicable(Map<String, Object> values, String document, String reason) {
    values.remove(document + "Method");
    values.put(document + "Status", "notApplicable");
    values.put(document + "Note", reason);
  }

  private List<Refusal> refusalsOf(Map<String, Object> values) {
    return rule.check(new Submission(values, "manager1", TODAY));
  }

  /**
   * Every standard document verified (doc05 through the credit bureau, doc12 not applicable with a
   * reason), an on-site visit two days ago, a non-group customer whose related parties were checked.
   */
  private static Map<String, Object> completeInvestigation(String product) {
    Map<String, Object> values = new HashMap<>();
    values.put("product", product);
    STANDARD_DOCUMENTS.forEach(document -> verified(values, document, "onSite"));
    verified(values, "doc05", "creditBureau");
    values.remove("doc12Method");
    values.put("doc12Status", "notApplicable");
    values.put("doc12Note", "法定代表人亲自办理 The legal representative applies in person");
    values.put("onSiteVisitDate", "2026-11-22");
    values.put("onSiteVisitPlace", "苏州工业园区厂区 Plant, Suzhou Industrial Park");
    values.put("onSiteVisitPeopleMet", "法定代表人、财务总监 Legal representative, CFO");
    values.put(
        "onSiteVisitFindings",
        "生产线满负荷运转,库存与账面一致 Lines running at capacity; stock matches the books");
    values.put("isGroupCustomer", "no");
    values.put("relatedParties", "");
    values.put("concentrationRiskNote", "无集团关联担保,集中度风险低 No group exposure; low concentration risk");
    values.put("relatedPartyCheckDone", true);
    values.put("customerFileNo", "CF-2026-0415");
    return values;
  }

  private static void verified(Map<String, Object> values, String document, String method) {
    values.put(document + "Status", "verified");
    values.put(document + "Method", method);
    values.put(document + "Note", "");
  }
}
