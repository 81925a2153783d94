package com.creditdiligence.evidence.transparency;

/**
 * The verdict on the ledger against every checkpoint signed over it: consistent, or the first leaf that
 * disagrees, which record it was when signed, and the checkpoints it contradicts.
 *
 * @param checkpoints    how many signed checkpoints were checked
 * @param coveredLeaves  how many leaves the latest of them covers
 * @param brokenLeaf     the first disagreeing leaf (null when consistent)
 * @param businessKey    the case of the record signed at that leaf
 * @param sequenceNo     that record's number in its case
 * @param firstCheckpoint the smallest checkpoint covering the leaf (the first to have signed it)
 * @param lastCheckpoint  the latest checkpoint covering it
 */
public record ConsistencyReport(
    boolean consistent,
    int checkpoints,
    long coveredLeaves,
    Long brokenLeaf,
    String businessKey,
    Integer sequenceNo,
    Long firstCheckpoint,
    Long lastCheckpoint,
    String reason) {

  static ConsistencyReport consistent(int checkpoints, long covered) {
    return new ConsistencyReport(true, checkpoints, covered, null, null, null, null, null, null);
  }

  static ConsistencyReport broken(
      int checkpoints, long covered, LedgerLeaf signed, long first, long last, String reason) {
    return new ConsistencyReport(
        false,
        checkpoints,
        covered,
        signed.index(),
        signed.businessKey(),
        signed.sequenceNo(),
        first,
        last,
        reason);
  }

  /** A store that cannot be trusted itself (a bad signature, leaves that do not hash to a signed root). */
  static ConsistencyReport unreadable(String reason) {
    return new ConsistencyReport(false, 0, 0, null, null, null, null, null, reason);
  }

  public String describe() {
    if (consistent) {
      return "consistent with "
          + checkpoints
          + " signed checkpoints (latest covers "
          + coveredLeaves
          + " records)";
    }
    return "BROKEN"
        + (brokenLeaf == null
            ? ""
            : " at record "
                + sequenceNo
                + " of case "
                + businessKey
                + " (leaf "
                + brokenLeaf
                + ", signed in checkpoint "
                + firstCheckpoint
                + ", last covered by checkpoint "
                + lastCheckpoint
                + ")")
        + ": "
        + reason;
  }
}
