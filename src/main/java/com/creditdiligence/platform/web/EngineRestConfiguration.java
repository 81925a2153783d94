package com.creditdiligence.platform.web;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** /engine-rest as the starter configures it, with conflicts, refusals and bad JSON answered for what they are ({@link EngineRestErrors}). */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(EngineRestErrors.class);
    register(EngineRestTaskGone.class);
    register(EngineRestErrors.OptimisticLocking.class);
    register(EngineRestErrors.AlreadyClaimed.class);
    register(EngineRestErrors.Refused.class);
  }
}
