package com.creditdiligence.problem;

import com.creditdiligence.submission.BusinessTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Called where a guarantee enters problem handling ({@code ${problemMeasures.schedule(execution)}} on the start of
 * problem-guarantee): the measures of §25 are due by the end of the N-th day after the transfer
 * ({@link ProblemDeadline}), as the variable {@code problemMeasuresDue} that Task_ProblemHandling's due date and form read.
 */
@Component("problemMeasures")
public class ScheduleProblemMeasures {

  private final ProblemDeadline deadline;
  private final BusinessTime businessTime;

  ScheduleProblemMeasures(ProblemDeadline deadline, BusinessTime businessTime) {
    this.deadline = deadline;
    this.businessTime = businessTime;
  }

  public void schedule(DelegateExecution execution) {
    execution.setVariable(
        "problemMeasuresDue",
        Date.from(
            businessTime.days().endOfDayAfter(businessTime.now(), deadline.problemMeasuresDays())));
  }
}
