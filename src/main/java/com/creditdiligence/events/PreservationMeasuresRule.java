package com.creditdiligence.events;

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

/** §27(五): after an early-warning signal, the preservation measures taken — or why none were needed. */
@Component
class PreservationMeasuresRule implements TaskRule {

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_PreservationMeasures",
              "Form_PreservationMeasures",
              Stage.MONITORING,
              new Duty("PRESERVATION_MEASURES", "§27(五) 附录五"))
          .choice("measuresTaken")
          .text("measuresDescription")
          .date("measuresTakenOn")
          .text("noMeasuresReason")
          .flag("moveToProblemHandling")
          .choices("attachedDocuments")
          .dueBy("PRESERVATION_AFTER_WARNING_SIGNAL", "§27(五) 附录五", "§27(五)")
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
                "measuresTaken", Set.of("taken", "notNeeded"), "是否采取保全措施 Measures taken?");
    if (s.text("measuresTaken").filter("taken"::equals).isPresent()) {
      checks.requireFinding("measuresDescription", "所采取的措施 Measures taken");
      checks.requirePastDate("measuresTakenOn", "采取日期 Taken on");
    } else if (s.text("measuresTaken").filter("notNeeded"::equals).isPresent()) {
      checks.requireFinding("noMeasuresReason", "无需采取的理由 Why none were needed");
    }
    return checks.refusals();
  }
}
