package com.creditdiligence.platform;

import com.creditdiligence.submission.SubmissionRefused;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps whatever a listener throws in a generic exception ("There was an exception while
 * invoking the TaskListener..."). Outside the transaction, this hands the caller the refusal itself,
 * so Tasklist and REST clients see a 400 with the rule's own words. It is also the one place where the kernel's
 * {@link SubmissionRefused}, thrown by a rule, delegate or listener, becomes the engine's form error
 * ({@link SubmissionRefusedException}).
 *
 * <p>Here, around the outermost command, a refusal to be logged is kept in the {@link RefusalLog}: the command's
 * transaction has rolled back and given its connection back, so keeping it takes no second connection while the
 * first is held (as many refusals at once as the pool had connections would otherwise each wait for one).
 */
class RefusalUnwrappingInterceptor extends CommandInterceptor {

  private final RefusalLog refusalLog;

  RefusalUnwrappingInterceptor(RefusalLog refusalLog) {
    this.refusalLog = refusalLog;
  }

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      SubmissionRefusedException refusal = refusalIn(e);
      if (refusal == null) {
        throw e;
      }
      // A command run inside another (a delegate completing a task) leaves the logging to the
      // outermost one.
      if (Context.getCommandContext() == null) {
        refusal
            .toBeLogged()
            .ifPresent(who -> refusalLog.record(refusal.elementId(), who, refusal.refusals()));
      }
      throw refusal;
    }
  }

  private static SubmissionRefusedException refusalIn(RuntimeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SubmissionRefusedException refusal) {
        return refusal;
      }
      if (cause instanceof SubmissionRefused refusal) {
        return SubmissionRefusedException.of(refusal);
      }
    }
    return null;
  }
}
