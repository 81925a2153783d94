package com.creditdiligence.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * A double-click: the first request completes the task, and the task's grant goes with it, so the second
 * is refused for want of a permission on a task that no longer exists. That is a conflict (409: done
 * meanwhile), not a permission problem. A refusal on a task that still exists stays a 403.
 */
@Priority(1)
public class EngineRestTaskGone implements ExceptionMapper<AuthorizationException> {

  private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

  @Override
  public Response toResponse(AuthorizationException refused) {
    for (MissingAuthorization missing : refused.getMissingAuthorizations()) {
      if ("Task".equals(missing.getResourceType())
          && missing.getResourceId() != null
          && !missing.getResourceId().equals("*")
          && !taskExists(missing.getResourceId())) {
        return EngineRestErrors.problem(
            409,
            "Conflict",
            "任务已被他人或您的另一次提交完成 The task was completed "
                + "meanwhile (by someone else, or by your other submission)");
      }
    }
    return camunda.toResponse(refused);
  }

  /** Looked up as /engine-rest's own resources look their engine up; when in doubt, the task exists. */
  private static boolean taskExists(String taskId) {
    try {
      ProcessEngine engine = EngineUtil.lookupProcessEngine(null);
      return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
          .getCommandExecutorTxRequired()
          .execute(
              (CommandContext context) -> {
                context.disableAuthorizationCheck();
                return context.getTaskManager().findTaskById(taskId) != null;
              });
    } catch (RuntimeException lookupFailed) {
      return true;
    }
  }
}
