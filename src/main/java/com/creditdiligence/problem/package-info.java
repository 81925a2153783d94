/**
 * Feature: problem guarantees (§25): measures, their deadlines, compensation and limit re-use. Depends on
 * the kernel only.
 */
package com.creditdiligence.problem;
