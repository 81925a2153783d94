package com.creditdiligence.investigation;

import java.util.Arrays;
import java.util.List;

/**
 * The customer documents of 附录二 (13 items), and the extra items for medium/long-term credit.
 * Each is submitted as {@code <key>Status}, {@code <key>Method}, {@code <key>Note}.
 */
enum ChecklistDocument {
  doc01("营业执照和年检证明 Business licence and annual inspection", false),
  doc02("法人代码证书 Organisation code certificate", false),
  doc03("法定代表人身份证明 Legal representative's identity", false),
  doc04("近三年经审计的财务报表 Audited financial statements, last three years", false),
  doc05("存借款及对外担保情况 Deposits, borrowings and guarantees given", false),
  doc06("税务登记及纳税证明 Tax registration and tax-payment certificates", false),
  doc07("合同或章程 Articles of association", false),
  doc08("董事会成员及签字样本 Board members and signature specimens", false),
  doc09("同意申请担保的决议 Resolution approving the application", false),
  doc10("利润分配决议 Resolution on profit distribution", false),
  doc11("现金流量预测及营运计划 Cash-flow forecast and operating plan", false),
  doc12("法定代表人授权委托书 Power of attorney", false),
  doc13("其他必要资料 Other necessary documents", false),
  docLt1("相关批准文件 Approval documents", true),
  docLt2("预计资金来源及使用情况 Projected sources and uses of funds", true),
  docLt3("预计资产负债及损益情况 Projected balance sheet and P&L", true),
  docLt4("项目建设进度及营运计划 Project schedule and operating plan", true);

  private final String label;
  private final boolean mediumLongTermOnly;

  ChecklistDocument(String label, boolean mediumLongTermOnly) {
    this.label = label;
    this.mediumLongTermOnly = mediumLongTermOnly;
  }

  String label() {
    return label;
  }

  String statusKey() {
    return name() + "Status";
  }

  String methodKey() {
    return name() + "Method";
  }

  String noteKey() {
    return name() + "Note";
  }

  static List<ChecklistDocument> requiredFor(String product) {
    boolean mediumLongTerm = "mediumLongTermCredit".equals(product);
    return Arrays.stream(values()).filter(d -> mediumLongTerm || !d.mediumLongTermOnly).toList();
  }
}
