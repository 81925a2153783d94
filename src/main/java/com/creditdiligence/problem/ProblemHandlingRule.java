package com.creditdiligence.problem;

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

/** §25: the measures taken on a problem guarantee, and where it ended. */
@Component
class ProblemHandlingRule implements TaskRule {

  static final Set<String> MEASURES =
      Set.of(
          "terminateUnusedLimits",
          "demandCounterGuarantor",
          "addCounterGuarantee",
          "exerciseRights",
          "courtFreeze",
          "other");
  static final Set<String> OUTCOMES = Set.of("recoveredContinue", "recoveredClosed", "compensated");

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_ProblemHandling",
              "Form_ProblemHandling",
              Stage.PROBLEM_HANDLING,
              new Duty("PROBLEM_HANDLING", "§25"))
          .choices("measures")
          .text("measuresNote")
          .choice("problemOutcome")
          .flag("requestLimitReuse")
          .choices("attachedDocuments")
          .dueBy("PROBLEM_MEASURES_TAKEN", "§25", "§27(五)")
          .build();

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    Checks checks =
        new Checks(s)
            .requireFinding("measuresNote", "措施说明 What was done (§25)")
            .requireOneOf("problemOutcome", OUTCOMES, "处置结果 Outcome");
    List<String> measures = s.list("measures");
    if (measures.isEmpty()) {
      checks.refuse("measures", "至少选择一项已采取的措施 Choose at least one measure taken (§25)");
    } else if (!MEASURES.containsAll(measures)) {
      checks.refuse("measures", "未知的措施 Unknown measure: " + measures);
    }
    return checks.refusals();
  }
}
