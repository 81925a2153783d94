package com.creditdiligence.problem;

import com.creditdiligence.casefile.ApprovalByAnother;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Stage;
import java.util.List;
import org.springframework.stereotype.Component;

/** §25(一): terminated limits are used again only with the committee's approval — never the case manager's own. */
@Component
class LimitReuseApprovalRule implements TaskRule {

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_ApproveLimitReuse",
              "Form_LimitReuseApproval",
              Stage.PROBLEM_HANDLING,
              new Duty("LIMIT_REUSE_APPROVAL", "§25(一)"))
          .choice("limitReuseDecision")
          .text("limitReuseRationale")
          .build();

  private final ApprovalByAnother approval;

  LimitReuseApprovalRule(ApprovalByAnother approval) {
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
        "limitReuseDecision",
        "limitReuseRationale",
        "理由 Rationale",
        "客户经理不得审批本人案件的额度恢复 The case's own manager may not approve re-use of its limits");
  }
}
