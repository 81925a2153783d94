package com.creditdiligence.platform;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Puts the case number and applicant, which Tasklist's filters show on every row, on the task itself.
 * Tasklist reads a row's columns as the signed-in user; a user's grant on their task lets them read the
 * task's own variables, not the case's (managers are not given the whole case's variables, which hold
 * the sealed votes), so without this copy every row would show its task name only.
 */
class TaskListColumns implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    for (String name : TasklistFilters.COLUMNS) {
      Object value = task.getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    }
  }
}
