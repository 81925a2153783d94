package com.creditdiligence.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import java.util.List;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * The answers of {@link EngineRestErrors} and {@link EngineRestProblems} in every JAX-RS application of
 * Camunda's — /engine-rest and the webapps' own engine API (/camunda/api/engine, which Tasklist calls), whose
 * Application class the webapp starter registers without a hook of ours. Jersey applies a forced
 * auto-discoverable (META-INF/services) to each application it starts.
 */
@Priority(1)
public class EngineRestProblemsFeature implements ForcedAutoDiscoverable {

  static final List<Class<?>> PROVIDERS =
      List.of(
          EngineRestErrors.class,
          EngineRestErrors.OptimisticLocking.class,
          EngineRestErrors.AlreadyClaimed.class,
          EngineRestErrors.Refused.class,
          EngineRestErrors.Engine.class,
          EngineRestTaskGone.class,
          EngineRestProblems.class);

  @Override
  public void configure(FeatureContext context) {
    for (Class<?> provider : PROVIDERS) {
      if (!context.getConfiguration().isRegistered(provider)) {
        context.register(provider);
      }
    }
  }
}
