package com.creditdiligence.platform.web;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** /engine-rest as the starter configures it, with conflicts answered as conflicts ({@link EngineRestConflicts}). */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(EngineRestConflicts.class);
  }
}
