/**
 * Feature: duty facts derived from the ledger, and the accountability review (§27 findings, §28 exemption,
 * statements, appeals, the board's decision); answers security's CaseParties. Depends on the kernel,
 * platform, security, investigation and monitoring.
 */
package com.creditdiligence.accountability;
