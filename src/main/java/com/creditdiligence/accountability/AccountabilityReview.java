package com.creditdiligence.accountability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A review of one case (问责审查): why and when it was opened, by when it should finish (one year,
 * 金规〔2024〕11号), the rule versions it judged by, where it stands, and whether the case's evidence chain
 * verified when it opened ({@code evidenceAtOpening}, null for reviews opened before that was kept).
 */
public record AccountabilityReview(
    String reviewId,
    String businessKey,
    String trigger,
    String reason,
    String openedBy,
    Instant openedAt,
    Instant dueAt,
    String auditor,
    Instant closedAt,
    List<String> ruleVersions,
    EvidenceIntegrity evidenceAtOpening) {

  public boolean closed() {
    return closedAt != null;
  }

  /** Whole days since it was opened, until it closed or until now. */
  public long ageDays(Instant now) {
    return Duration.between(openedAt, closed() ? closedAt : now).toDays();
  }

  public boolean overdue(Instant now) {
    return (closed() ? closedAt : now).isAfter(dueAt);
  }
}
