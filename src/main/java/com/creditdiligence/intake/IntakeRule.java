package com.creditdiligence.intake;

import com.creditdiligence.casefile.Product;
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
 * 业务受理 (§2, §6): the application must be complete and well-formed before eligibility is decided.
 * Whether the company may guarantee it is the eligibility table's question, not this rule's.
 */
@Component
class IntakeRule implements TaskRule {

  static final Set<String> APPLICANT_TYPES =
      Set.of("legalPerson", "otherOrganisation", "naturalPerson");
  static final Set<String> CREDIT_RECORDS = Set.of("clean", "resolvedOverdue", "adverse");
  static final Set<String> COUNTER_GUARANTEES = Set.of("guarantor", "mortgage", "pledge", "none");

  /** What the case file keeps of the applicant's name (case_file.applicant_name); the form's field says the same. */
  static final int MAX_APPLICANT_NAME = 200;

  static final TaskSpec SPEC =
      TaskSpec.of(
              "StartEvent_ApplicationReceived",
              "Form_ApplicationIntake",
              Stage.INTAKE,
              new Duty("INTAKE_REGISTRATION", "§2 §6"))
          .text("applicantName")
          .choice("applicantType")
          .text("unifiedSocialCreditCode")
          .date("establishedOn")
          .number("employeeCount", "revenueLastYear")
          .flag("businessLicenceValid")
          .choice("creditRecord", "product")
          .number("amount", "termMonths")
          .text("lendingBank", "purpose")
          .choices("counterGuaranteeTypes")
          .text("counterGuaranteeDescription")
          .build();

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    Checks checks =
        new Checks(s)
            .requireText("applicantName", "申请人名称 Applicant name")
            .requireOneOf("applicantType", APPLICANT_TYPES, "申请人类型 Applicant type")
            .requireOneOf("creditRecord", CREDIT_RECORDS, "信用记录 Credit record")
            .requireOneOf("product", Product.CODES, "担保品种 Product")
            .requireText("lendingBank", "贷款银行 Lending bank")
            .requireText("purpose", "用途 Purpose");
    s.text("applicantName")
        .filter(name -> name.length() > MAX_APPLICANT_NAME)
        .ifPresent(
            name ->
                checks.refuse(
                    "applicantName",
                    "申请人名称过长,最多 "
                        + MAX_APPLICANT_NAME
                        + " 字 The applicant's name is too long: "
                        + "at most "
                        + MAX_APPLICANT_NAME
                        + " characters"));
    s.text("unifiedSocialCreditCode")
        .filter(code -> !code.matches("[0-9A-Z]{18}"))
        .ifPresent(
            code ->
                checks.refuse(
                    "unifiedSocialCreditCode",
                    "统一社会信用代码应为18位数字或大写字母 The unified social credit code must be 18 digits or capital letters"));
    if (!s.hasText("unifiedSocialCreditCode")) {
      checks.requireText("unifiedSocialCreditCode", "统一社会信用代码 Unified social credit code");
    }
    checks.requirePastDate("establishedOn", "成立日期 Date of establishment");
    checks.requireAmount("employeeCount", "员工人数 Employees", BigDecimal.ZERO);
    checks.requireAmount("revenueLastYear", "上年营业收入(元) Revenue last year (yuan)", BigDecimal.ZERO);
    checks.requireAmount("amount", "申请担保金额 Amount", BigDecimal.ONE);
    checks
        .requireAmount("termMonths", "期限(月) Term in months", BigDecimal.ONE)
        .ifPresent(
            term -> {
              if (term.stripTrailingZeros().scale() > 0) {
                checks.refuse("termMonths", "期限须为整月 The term must be whole months");
              }
            });
    checkCounterGuarantees(s, checks);
    return checks.refusals();
  }

  private static void checkCounterGuarantees(Submission s, Checks checks) {
    List<String> offered = s.list("counterGuaranteeTypes");
    if (offered.isEmpty()) {
      checks.refuse(
          "counterGuaranteeTypes",
          "反担保方式必须选择(无则选“无”) Counter-guarantees must be stated (choose “none” if none)");
    } else if (!COUNTER_GUARANTEES.containsAll(offered)) {
      checks.refuse(
          "counterGuaranteeTypes", "反担保方式取值无效 Unknown counter-guarantee type: " + offered);
    } else if (offered.contains("none") && offered.size() > 1) {
      checks.refuse(
          "counterGuaranteeTypes",
          "“无”不能与其他反担保方式同选 “None” cannot be combined with other counter-guarantees");
    } else if (!offered.contains("none")) {
      checks.requireText("counterGuaranteeDescription", "反担保说明 Counter-guarantee description");
    }
  }
}
