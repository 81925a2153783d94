package com.creditdiligence.platform.web;

import com.creditdiligence.platform.SubmissionRefusedException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.spin.SpinRuntimeException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * /engine-rest wraps every engine exception of a task's completion or a process start in a 500. These
 * are not server errors, and are answered for what they are, with a message Tasklist shows:
 * <ul>
 *   <li>two people at the same task at once: the loser gets 409 (someone else changed it first, or held the
 *   rows until the database gave up waiting — reload and try again) or 404 (the task is gone: completed or
 *   cancelled meanwhile);</li>
 *   <li>a submission a rule refused, however deep the engine wrapped it: 400 with the rule's words;</li>
 *   <li>a Json variable that is not JSON: 400.</li>
 * </ul>
 * Everything else is answered as Camunda answers it, and {@link EngineRestProblems} takes the internals out.
 */
@Priority(1)
public class EngineRestErrors implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camunda = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException
          || cause instanceof TaskAlreadyClaimedException
          || lostARace(cause)) {
        return conflict(cause);
      }
      if (cause instanceof SubmissionRefusedException refused) {
        return problem(400, "Bad Request", refused.getMessage());
      }
      if (cause instanceof SpinRuntimeException) {
        return problem(
            400, "Bad Request", "变量不是有效的JSON A variable declared as Json is not valid JSON");
      }
      if (cause instanceof NullValueException
          && String.valueOf(cause.getMessage()).contains("Cannot find task")) {
        return problem(
            404,
            "Not Found",
            "任务不存在或已被完成 The task no longer exists: it was completed or cancelled " + "meanwhile");
      }
    }
    return camunda.toResponse(exception);
  }

  /**
   * The database gave up waiting for another transaction's lock (H2's lock timeout, PostgreSQL's lock_not_available),
   * chose this one as a deadlock's victim, or refused a concurrent update: someone else was at the same rows.
   */
  static boolean lostARace(Throwable cause) {
    if (cause instanceof PessimisticLockingFailureException) {
      return true;
    }
    if (cause instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      return state.startsWith("40")
          || state.equals("HYT00")
          || state.equals("55P03")
          || state.equals("90131");
    }
    return false;
  }

  static Response conflict(Throwable cause) {
    return problem(
        409,
        "Conflict",
        "他人已同时处理此任务,请刷新后重试 Someone else acted on this task at the same "
            + "moment; reload it and try again");
  }

  /** The same conflicts when an endpoint lets them through unwrapped (claim, assign). */
  @Priority(1)
  public static class OptimisticLocking implements ExceptionMapper<OptimisticLockingException> {

    @Override
    public Response toResponse(OptimisticLockingException conflict) {
      return conflict(conflict);
    }
  }

  /** A rule's refusal that an endpoint lets through unwrapped (a message correlation, whose start a rule refused). */
  @Priority(1)
  public static class Refused implements ExceptionMapper<SubmissionRefusedException> {

    @Override
    public Response toResponse(SubmissionRefusedException refused) {
      return problem(400, "Bad Request", refused.getMessage());
    }
  }

  /**
   * An engine call the REST resource does not wrap (a claim): a lost race is a conflict; anything else is
   * answered as Camunda answers it.
   */
  @Priority(1)
  public static class Engine implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (lostARace(cause)) {
          return conflict(cause);
        }
      }
      return camunda.toResponse(exception);
    }
  }

  @Priority(1)
  public static class AlreadyClaimed implements ExceptionMapper<TaskAlreadyClaimedException> {

    @Override
    public Response toResponse(TaskAlreadyClaimedException conflict) {
      return conflict(conflict);
    }
  }

  static Response problem(int status, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    // Tasklist shows an error's "message".
    body.put("message", detail);
    return Response.status(status).type("application/problem+json").entity(body).build();
  }
}
