package com.creditdiligence.platform;

/**
 * A check that must pass before the engine is built (nothing is written by an engine that should not start): every
 * such bean is run by {@link EngineStartChecks}, and one that throws stops the start.
 */
public interface EngineStartCheck {

  void check();
}
