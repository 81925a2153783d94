/**
 * The engine edge: the only module that plugs into Camunda (the parse listener, SubmissionGuard, EvidenceCapture,
 * the engine's clock, Tasklist's filters, SignedIn) and the only one that may use org.camunda.bpm.engine.impl.
 * Depends on the kernel only; features use its public types and plug into it through interfaces they implement
 * (TaskRule, DocumentCitations, EngineStartCheck), never the other way round.
 */
package com.creditdiligence.platform;
