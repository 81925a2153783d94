package com.creditdiligence.platform;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Runs every {@link EngineStartCheck} before the engine is built. */
@Component
class EngineStartChecks extends AbstractProcessEnginePlugin {

  private final List<EngineStartCheck> checks;

  EngineStartChecks(List<EngineStartCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    checks.forEach(EngineStartCheck::check);
  }
}
