package com.creditdiligence.platform;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps whatever a listener throws in a generic exception ("There was an exception while
 * invoking the TaskListener..."). Outside the transaction, this hands the caller the refusal itself,
 * so Tasklist and REST clients see a 400 with the rule's own words.
 */
class RefusalUnwrappingInterceptor extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof SubmissionRefusedException refusal) {
          throw refusal;
        }
      }
      throw e;
    }
  }
}
