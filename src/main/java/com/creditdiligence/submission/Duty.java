package com.creditdiligence.submission;

/**
 * The diligence duty a step evidences, as the ledger records it.
 *
 * @param code        stable name of the duty, e.g. {@code CUSTOMER_INVESTIGATION}
 * @param clause      the rule book's articles it evidences, e.g. {@code §5–§14}
 * @param recordType  what the ledger calls the completion of this step: the code of one of the ledger's record types
 *                    (evidence/RecordType, which this kernel package does not import: the ledger depends on it)
 */
public record Duty(String code, String clause, String recordType) {

  public static final String TASK_COMPLETED = "TASK_COMPLETED";

  public Duty(String code, String clause) {
    this(code, clause, TASK_COMPLETED);
  }
}
