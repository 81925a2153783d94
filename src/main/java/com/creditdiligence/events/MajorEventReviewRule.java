package com.creditdiligence.events;

import com.creditdiligence.monitoring.RiskClass;
import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Stage;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * §14, §22: the major change is reported to the leader, who decides the class the manager proposed (the same, or
 * another with the reason in the opinion) and gives an opinion on record.
 */
@Component
class MajorEventReviewRule implements TaskRule {

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_ReviewMajorEventReport",
              "Form_MajorEventReview",
              Stage.MONITORING,
              new Duty("MAJOR_CHANGE_REPORTED", "§14 §22"))
          .choice("headRiskClass")
          .text("headOpinion")
          .build();

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    Checks checks =
        new Checks(s).requireFinding("headOpinion", "部门负责人意见 Department head's opinion");
    if (s.text("headRiskClass").flatMap(RiskClass::fromCode).isEmpty()) {
      checks.refuse("headRiskClass", "须认定风险分类 The head must decide the risk class (§22)");
    }
    return checks.refusals();
  }
}
