package com.creditdiligence.accountability;

import java.time.Instant;
import java.util.List;

/** The board's decision on one manager in one round ({@code FIRST} or {@code APPEAL}). */
public record Determination(
    String reviewId,
    String manager,
    String round,
    Tier tier,
    List<String> clauses,
    String rationale,
    boolean eligibleForExemption,
    String decidedBy,
    Instant decidedAt) {

  public static final String FIRST = "FIRST";
  public static final String APPEAL = "APPEAL";
}
