package com.creditdiligence.events;

import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import java.util.List;
import org.springframework.stereotype.Component;

/** §14, §22: the major change is reported to the leader, who gives an opinion on record. */
@Component
class MajorEventReviewRule implements TaskRule {

  @Override
  public String elementId() {
    return "Task_ReviewMajorEventReport";
  }

  @Override
  public Duty duty() {
    return new Duty("MAJOR_CHANGE_REPORTED", "§14 §22");
  }

  @Override
  public List<Refusal> check(Submission s) {
    return new Checks(s).requireFinding("headOpinion", "部门负责人意见 Department head's opinion").refusals();
  }
}
