package com.creditdiligence.accountability;

import java.time.Instant;
import java.util.List;

/**
 * One duty of the rule book as the record shows it for a case: satisfied, violated, pending (not yet
 * due) or not applicable; the evidence records that show it, or the due date of the one missing; and
 * the customer manager who held the case when the duty fell due.
 *
 * @param code        the duty, e.g. {@code MONITORING_REPORT_ON_TIME}
 * @param stage       intake, investigation, evaluation, implementation, monitoring, problem handling
 * @param clause      the articles that set the duty, e.g. {@code §21 §23}
 * @param trigger     the §27 clause a violation falls under, e.g. {@code §27(三)}
 * @param evidence    sequence numbers of the records that show the fact
 * @param dueAt       when the duty fell due, where it has a deadline
 * @param doneAt      when it was done, if it was
 * @param responsible the manager who held the case then
 */
public record DutyFact(
    String code,
    String stage,
    String clause,
    String trigger,
    Status status,
    String explanation,
    List<Integer> evidence,
    Instant dueAt,
    Instant doneAt,
    String responsible) {

  public enum Status {
    SATISFIED,
    VIOLATED,
    PENDING,
    NOT_APPLICABLE
  }
}
