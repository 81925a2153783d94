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

/** The department head's answer to an overdue monitoring report: an instruction, and perhaps a new manager. */
@Component
class OverdueReportReviewRule implements TaskRule {

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_ReviewOverdueReport",
              "Form_OverdueReportReview",
              Stage.MONITORING,
              new Duty("OVERDUE_REPORT_REVIEWED", "§22 §27(三)"))
          .text("headInstruction")
          .choice("reassignTo")
          .build();

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    return new Checks(s)
        .requireFinding("headInstruction", "处理意见 Instruction to the manager")
        .refusals();
  }
}
