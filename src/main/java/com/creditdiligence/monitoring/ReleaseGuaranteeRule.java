package com.creditdiligence.monitoring;

import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Stage;
import java.util.List;
import org.springframework.stereotype.Component;

/** 解保: released at maturity only on the bank's confirmation that the debt was repaid. */
@Component
class ReleaseGuaranteeRule implements TaskRule {

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_ReleaseGuarantee",
              "Form_ReleaseGuarantee",
              Stage.CLOSURE,
              new Duty("GUARANTEE_RELEASED", "解保 closure"))
          .date("repaymentConfirmedOn")
          .text("bankRepaymentConfirmation", "releaseLetterNo")
          .build();

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    Checks checks =
        new Checks(s)
            .requireText("bankRepaymentConfirmation", "银行还款证明编号 Bank's repayment confirmation")
            .requireText("releaseLetterNo", "解保通知书编号 Release letter number");
    checks.requirePastDate("repaymentConfirmedOn", "还款确认日期 Repayment confirmed on");
    return checks.refusals();
  }
}
