package com.creditdiligence.problem;

import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Stage;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** §25(一): terminated limits are used again only with the committee's approval — never the case manager's own. */
@Component
class LimitReuseApprovalRule implements TaskRule {

  static final TaskSpec SPEC = TaskSpec.of("Task_ApproveLimitReuse", "Form_LimitReuseApproval", Stage.PROBLEM_HANDLING,
      new Duty("LIMIT_REUSE_APPROVAL", "§25(一)"))
      .choice("limitReuseDecision")
      .text("limitReuseRationale")
      .build();

  private final CaseFiles caseFiles;

  LimitReuseApprovalRule(CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    Checks checks = new Checks(s);
    // The case's own managers are the case file's (who holds it, who applied), not a caseManager value.
    if (s.performer() != null && s.businessKey() != null
        && caseFiles.ownManagers(s.businessKey()).contains(s.performer())) {
      return checks.refuse("limitReuseDecision",
          "客户经理不得审批本人案件的额度恢复 The case's own manager may not approve re-use of its limits").refusals();
    }
    return checks.requireOneOf("limitReuseDecision", Set.of("approve", "reject"), "审批意见 Decision")
        .requireFinding("limitReuseRationale", "理由 Rationale").refusals();
  }
}
