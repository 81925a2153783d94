package com.creditdiligence.implementation;

import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 出具保函: never more than was approved, and a guarantee that ends after it begins. The approved amount
 * is the record's ({@link ApprovedTerms}: the case file's), not an {@code amount} value in the submission.
 */
@Component
class IssueGuaranteeRule implements TaskRule {

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_IssueGuarantee",
              "Form_IssueGuarantee",
              Stage.IMPLEMENTATION,
              new Duty("GUARANTEE_ISSUED", "担保实施"))
          .text("guaranteeLetterNo")
          .date("issuedOn", "guaranteeExpiresOn")
          .number("guaranteedAmount")
          .text("lendingBankConfirmation")
          .build();

  private final ApprovedTerms approvedTerms;

  IssueGuaranteeRule(ApprovedTerms approvedTerms) {
    this.approvedTerms = approvedTerms;
  }

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    Checks checks =
        new Checks(s)
            .requireText("guaranteeLetterNo", "保函编号 Guarantee letter number")
            .requireText("lendingBankConfirmation", "贷款银行确认 Lending bank's confirmation");
    Optional<LocalDate> issuedOn = checks.requirePastDate("issuedOn", "出具日期 Issued on");
    Optional<LocalDate> expiresOn =
        checks.requireDate("guaranteeExpiresOn", "保证期限届满日 Guarantee expires on");
    if (issuedOn.isPresent() && expiresOn.isPresent() && !expiresOn.get().isAfter(issuedOn.get())) {
      checks.refuse(
          "guaranteeExpiresOn", "到期日须晚于出具日期 The guarantee must expire after it is issued");
    }
    Optional<BigDecimal> guaranteed =
        checks.requireAmount("guaranteedAmount", "担保金额 Guaranteed amount", BigDecimal.ONE);
    Optional<BigDecimal> approved = approvedTerms.amount(s.businessKey());
    if (approved.isEmpty()) {
      checks.refuse("guaranteedAmount", "没有批准金额的记录 No approved amount is on record for this case");
    } else if (guaranteed.isPresent() && guaranteed.get().compareTo(approved.get()) > 0) {
      checks.refuse(
          "guaranteedAmount",
          "担保金额不得超过批准金额 The guaranteed amount may not exceed the approved amount "
              + approved.get().stripTrailingZeros().toPlainString());
    }
    return checks.refusals();
  }
}
