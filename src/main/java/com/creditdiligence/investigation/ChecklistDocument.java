package com.creditdiligence.investigation;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The customer documents of 附录二 (13 items), and the extra items for medium/long-term credit.
 * Each is submitted as {@code <key>Status}, {@code <key>Method}, {@code <key>Note}.
 */
public enum ChecklistDocument {
  doc01("营业执照和年检证明 Business licence and annual inspection", false, true),
  doc02("法人代码证书 Organisation code certificate", false, false),
  doc03("法定代表人身份证明 Legal representative's identity", false, true),
  doc04("近三年经审计的财务报表 Audited financial statements, last three years", false, true),
  doc05("存借款及对外担保情况 Deposits, borrowings and guarantees given", false, true),
  doc06("税务登记及纳税证明 Tax registration and tax-payment certificates", false, true),
  doc07("合同或章程 Articles of association", false, false),
  doc08("董事会成员及签字样本 Board members and signature specimens", false, false),
  doc09("同意申请担保的决议 Resolution approving the application", false, false),
  doc10("利润分配决议 Resolution on profit distribution", false, false),
  doc11("现金流量预测及营运计划 Cash-flow forecast and operating plan", false, false),
  doc12("法定代表人授权委托书 Power of attorney", false, false),
  doc13("其他必要资料 Other necessary documents", false, false),
  docLt1("相关批准文件 Approval documents", true, false),
  docLt2("预计资金来源及使用情况 Projected sources and uses of funds", true, false),
  docLt3("预计资产负债及损益情况 Projected balance sheet and P&L", true, false),
  docLt4("项目建设进度及营运计划 Project schedule and operating plan", true, false);

  public static final String VERIFIED = "verified";

  /** Accepted under an exception: the customer supplies it later, by the investigation's due date (§27(二) if not). */
  public static final String TO_BE_SUPPLIED = "toBeSupplied";

  /** When the investigation's documents to be supplied are due; empty: {@link SupplyDeadline}'s days after it. */
  public static final String DOCUMENTS_DUE_BY = "documentsDueBy";

  public static final Set<String> METHODS = Set.of("onSite", "indirect", "creditBureau", "agency");

  private final String label;
  private final boolean mediumLongTermOnly;
  private final boolean everyApplicantHasIt;

  /**
   * @param everyApplicantHasIt every applicant (a non-natural person, §2) has this document, so it can never be
   *                            «not applicable»: its licence, its legal representative's identity and its tax
   *                            registration (§9: identity, legal standing), its financial statements (from its
   *                            founding if younger than three years, 附录二(四)) and its deposits, borrowings and
   *                            guarantees (§9: financial condition)
   */
  ChecklistDocument(String label, boolean mediumLongTermOnly, boolean everyApplicantHasIt) {
    this.label = label;
    this.mediumLongTermOnly = mediumLongTermOnly;
    this.everyApplicantHasIt = everyApplicantHasIt;
  }

  public boolean everyApplicantHasIt() {
    return everyApplicantHasIt;
  }

  public String label() {
    return label;
  }

  /** The item as the investigation form numbers it (its group's title): 资料 01 … 13, 补充资料 L1 … L4. */
  public String item() {
    return name().startsWith("docLt")
        ? "补充资料 L" + name().substring(5)
        : "资料 " + name().substring(3);
  }

  public String statusKey() {
    return name() + "Status";
  }

  public String methodKey() {
    return name() + "Method";
  }

  public String noteKey() {
    return name() + "Note";
  }

  public static List<ChecklistDocument> requiredFor(String product) {
    boolean mediumLongTerm = "mediumLongTermCredit".equals(product);
    return Arrays.stream(values()).filter(d -> mediumLongTerm || !d.mediumLongTermOnly).toList();
  }
}
