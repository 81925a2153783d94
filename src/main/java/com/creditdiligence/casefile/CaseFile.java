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
    Instant updatedAt) {}
