package com.creditdiligence.platform.web;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * /engine-rest as the starter configures it, with conflicts, refusals and bad JSON answered for what they are
 * ({@link EngineRestErrors}) and every error as a problem ({@link EngineRestProblems}). The webapps' engine API
 * gets the same through {@link EngineRestProblemsFeature}.
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    EngineRestProblemsFeature.PROVIDERS.forEach(this::register);
  }
}
