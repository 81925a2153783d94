package com.creditdiligence.casefile;

import java.math.BigDecimal;
import java.time.Instant;

/** A guarantee case: the application, who holds it, where it stands. */
public record CaseFile(
    String businessKey,
    String processInstanceId,
    String applicantName,
    String product,
    BigDecimal amount,
    int termMonths,
    String caseManager,
    CaseStatus status,
    String statusReason,
    Instant openedAt,
    Instant updatedAt) {

  /**
   * The process variable by which the forms name the case manager, «姓名 (id)»: display only, set by the
   * engine-side code from the manager the case file records (never a form field, so never submitted).
   */
  public static final String MANAGER_SHOWN = "caseManagerShown";
}
