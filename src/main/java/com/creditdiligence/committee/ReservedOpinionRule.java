package com.creditdiligence.committee;

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

/**
 * 保留意见 («客户经理制» (四)2 客户经理的权利): when the decision differs from the manager's recommendation, the manager
 * records a reserved opinion, stating it, or says they do not reserve one.
 */
@Component
class ReservedOpinionRule implements TaskRule {

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_RecordReservedOpinion",
              "Form_ReservedOpinion",
              Stage.COMMITTEE,
              new Duty("RESERVED_OPINION", "保留意见 («客户经理制» (四)2 客户经理的权利)"))
          .choice("reservedOpinionChoice")
          .text("reservedOpinionText")
          .flag("reportUpward")
          .build();

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    Checks checks =
        new Checks(s)
            .requireOneOf(
                "reservedOpinionChoice", Set.of("record", "waive"), "是否保留意见 Reserve an opinion?");
    if (s.text("reservedOpinionChoice").filter("record"::equals).isPresent()) {
      checks.requireFinding("reservedOpinionText", "保留意见 Reserved opinion");
    }
    return checks.refusals();
  }
}
