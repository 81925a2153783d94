package com.creditdiligence.platform;

import com.creditdiligence.submission.Refusal;
import java.time.LocalDate;
import java.util.List;

/**
 * A condition on who a task may be given to, checked whenever a task gets an assignee (created with
 * one, assigned, claimed). A refusal rolls the assignment back with the reason. Plain Java beans.
 */
public interface AssignmentCheck {

  List<Refusal> check(String elementId, String assignee, LocalDate today);
}
