package com.creditdiligence.monitoring;

import com.creditdiligence.casefile.ApprovalByAnother;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Stage;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * §24: an extension or an increase of the guaranteed amount is a new credit decision; the rule book names no approver,
 * so the department head approves it, never the case's own manager, with a rationale.
 */
@Component
class AdjustmentApprovalRule implements TaskRule {

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_ApproveAdjustment",
              "Form_ApproveAdjustment",
              Stage.MONITORING,
              new Duty("ADJUSTMENT_APPROVAL", "§24"))
          .choice("adjustmentDecision")
          .text("adjustmentApprovalOpinion")
          .build();

  private final ApprovalByAnother approval;

  AdjustmentApprovalRule(ApprovalByAnother approval) {
    this.approval = approval;
  }

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    return approval.check(
        s,
        "adjustmentDecision",
        "adjustmentApprovalOpinion",
        "审批理由 Rationale",
        "客户经理不得审批本人案件的担保调整 The case's own manager may not approve its adjustment");
  }
}
