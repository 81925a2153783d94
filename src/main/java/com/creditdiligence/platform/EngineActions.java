package com.creditdiligence.platform;

import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * For the application's own endpoints, which decide who may do what on a case themselves (and say
 * why when they refuse): the engine calls they make run without Camunda's per-resource checks, while
 * the signed-in user stays the one the engine and the ledger record as having acted. Everything else
 * — Tasklist, /engine-rest, Cockpit — stays under Camunda's authorizations.
 */
@Component
public class EngineActions {

  private static final int RETRIES = 3;

  private final ObjectProvider<ProcessEngine> engine;

  EngineActions(ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
  }

  public <T> T asApplication(Supplier<T> action) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
    return configuration
        .getCommandExecutorTxRequired()
        .execute((CommandContext context) -> unchecked(context, action));
  }

  /**
   * For the application's own listeners, already running inside an engine command on a user's behalf:
   * the engine's bookkeeping they do (reading a deployed form's fields) is not the user's to be granted.
   */
  static <T> T insideCommand(Supplier<T> action) {
    return unchecked(Context.getCommandContext(), action);
  }

  private static <T> T unchecked(CommandContext context, Supplier<T> action) {
    boolean checking = context.isAuthorizationCheckEnabled();
    context.disableAuthorizationCheck();
    try {
      return action.get();
    } finally {
      if (checking) {
        context.enableAuthorizationCheck();
      }
    }
  }

  /**
   * As {@link #asApplication(Supplier)}, tried again (each time in a new transaction) when the engine says
   * another transaction changed the same case first — the engine's own advice for optimistic locking.
   */
  public void asApplicationRetrying(Runnable action) {
    for (int attempt = 1; ; attempt++) {
      try {
        asApplication(action);
        return;
      } catch (OptimisticLockingException conflict) {
        if (attempt == RETRIES) {
          throw conflict;
        }
      }
    }
  }

  public void asApplication(Runnable action) {
    asApplication(
        () -> {
          action.run();
          return null;
        });
  }
}
