package com.creditdiligence.problem;

import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Stage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** 代偿: what was paid, when, the expected loss (never more than was paid), and the plan to recover it. */
@Component
class RecordCompensationRule implements TaskRule {

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_RecordCompensation",
              "Form_RecordCompensation",
              Stage.PROBLEM_HANDLING,
              new Duty("COMPENSATION_PAID", "§25(二) 代位求偿"))
          .number("compensationAmount")
          .date("compensationPaidOn")
          .number("lossAmount")
          .text("recoveryPlan")
          .choices("attachedDocuments")
          .build();

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    Checks checks = new Checks(s).requireFinding("recoveryPlan", "追偿安排 Recovery plan");
    checks.requirePastDate("compensationPaidOn", "代偿日期 Paid on");
    Optional<BigDecimal> paid =
        checks.requireAmount("compensationAmount", "代偿金额 Compensation paid", BigDecimal.ONE);
    Optional<BigDecimal> loss =
        checks.requireAmount("lossAmount", "预计损失 Expected loss", BigDecimal.ZERO);
    if (paid.isPresent() && loss.isPresent() && loss.get().compareTo(paid.get()) > 0) {
      checks.refuse(
          "lossAmount", "预计损失不能超过代偿金额 The expected loss cannot exceed the compensation paid");
    }
    return checks.refusals();
  }
}
