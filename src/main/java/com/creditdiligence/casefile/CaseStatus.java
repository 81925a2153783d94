package com.creditdiligence.casefile;

/** Where a case stands, as the business names it. */
public enum CaseStatus {
  REGISTERED,
  REJECTED_AT_INTAKE,
  COMMITTEE_APPROVED,
  REJECTED_BY_COMMITTEE,
  IN_MONITORING,
  PROBLEM_HANDLING,
  RELEASED,
  COMPENSATED,
  CLOSED_AFTER_RECOVERY
}
