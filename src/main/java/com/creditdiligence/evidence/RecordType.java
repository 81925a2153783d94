package com.creditdiligence.evidence;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a record of the ledger says happened. The ledger stores and hashes {@link #code()} (the constant's name, the
 * same strings it always stored), so records written before this enum existed still verify; a reader finds a stored
 * code's constant with {@link #of(String)}. Names for people are {@code record.<CODE>} in messages/audit.
 */
public enum RecordType {

  /** A case's process started: the intake registered (or an event report, an accountability review opened). */
  PROCESS_STARTED,
  PROCESS_ENDED,
  TASK_CREATED,
  TASK_ASSIGNED,
  TASK_DELEGATED,
  TASK_COMPLETED,
  TASK_CANCELLED,
  /** A committee member's vote (the completion of Task_CommitteeVote). */
  VOTE_CAST,
  /** A message the process received (a major event, a warning signal, a customer change). */
  EVENT_RECEIVED,
  /** §19: a correction of an earlier record, which stays as it was. */
  AMENDMENT,
  DOCUMENT_FILED,
  MONITORING_REPORT_OVERDUE,
  CASE_HANDED_OVER,
  ADMIN_INTERVENTION,
  REVIEW_INVESTIGATED,
  REVIEW_CLOSED,
  /** Reads of the case, kept as the access log. */
  AUDIT_REPLAY_VIEWED,
  AUDIT_DOSSIER_EXPORTED;

  private static final Map<String, RecordType> BY_CODE =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(RecordType::code, Function.identity()));

  /** The stored and hashed value. */
  public String code() {
    return name();
  }

  /** The type a stored code names; empty for a code this version does not know. */
  public static Optional<RecordType> of(String code) {
    return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
  }

  /** Whether it is a task's record (created, assigned, delegated, completed, cancelled). */
  public boolean isTask() {
    return code().startsWith("TASK_");
  }

  /** Whether a record is a read of the case (the access log), not a step of it. */
  public boolean isAccess() {
    return code().startsWith("AUDIT_");
  }
}
