/**
 * The web layer, part of platform: the engine's REST doors (EngineDoor), the application's security filter
 * chain, and how a no is said (ApiProblems, RefusalStatus: the one mapping of a Rejection to its HTTP status,
 * EngineRestErrors and EngineRestProblems for the engine's own REST). Depends on platform and the kernel only.
 */
package com.creditdiligence.platform.web;
