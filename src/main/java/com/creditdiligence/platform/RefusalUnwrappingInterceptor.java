package com.creditdiligence.platform;

import com.creditdiligence.submission.SubmissionRefused;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps whatever a listener throws in a generic exception ("There was an exception while
 * invoking the TaskListener..."). Outside the transaction, this hands the caller the refusal itself,
 * so Tasklist and REST clients see a 400 with the rule's own words. It is also the one place where the kernel's
 * {@link SubmissionRefused}, thrown by a rule, delegate or listener, becomes the engine's form error
 * ({@link SubmissionRefusedException}).
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
        if (cause instanceof SubmissionRefused refusal) {
          throw SubmissionRefusedException.of(refusal);
        }
      }
      throw e;
    }
  }
}
