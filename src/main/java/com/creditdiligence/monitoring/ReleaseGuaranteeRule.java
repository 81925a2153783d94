package com.creditdiligence.monitoring;

import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import java.util.List;
import org.springframework.stereotype.Component;

/** 解保: released at maturity only on the bank's confirmation that the debt was repaid. */
@Component
class ReleaseGuaranteeRule implements TaskRule {

  @Override
  public String elementId() {
    return "Task_ReleaseGuarantee";
  }

  @Override
  public Duty duty() {
    return new Duty("GUARANTEE_RELEASED", "解保 closure");
  }

  @Override
  public List<Refusal> check(Submission s) {
    Checks checks = new Checks(s)
        .requireText("bankRepaymentConfirmation", "银行还款证明编号 Bank's repayment confirmation")
        .requireText("releaseLetterNo", "解保通知书编号 Release letter number");
    checks.requirePastDate("repaymentConfirmedOn", "还款确认日期 Repayment confirmed on");
    return checks.refusals();
  }
}
