package com.creditdiligence.evidence;

import java.util.List;

/**
 * Recomputes a case's chain from its stored records alone. Plain Java, shared by the API and the
 * command-line verifier. Finds content changed in place, records removed, inserted or reordered,
 * and a chain cut short behind the head the application keeps.
 */
public final class ChainVerifier {

  private ChainVerifier() {}

  /**
   * @param records      the case's records in sequence order
   * @param headSequence the last sequence number the ledger handed out for the case (null if unknown)
   */
  public static ChainVerification verify(
      String businessKey, List<EvidenceRecord> records, Integer headSequence) {
    String expectedPrevious = CanonicalForm.GENESIS;
    int expectedSequence = 1;
    for (EvidenceRecord record : records) {
      if (record.sequenceNo() != expectedSequence) {
        return ChainVerification.broken(
            businessKey,
            records.size(),
            expectedSequence,
            record.sequenceNo() > expectedSequence
                ? "record "
                    + expectedSequence
                    + " is missing (next found: "
                    + record.sequenceNo()
                    + ")"
                : "record " + record.sequenceNo() + " is out of order or duplicated");
      }
      if (!record.previousHash().equals(expectedPrevious)) {
        return ChainVerification.broken(
            businessKey,
            records.size(),
            record.sequenceNo(),
            "record "
                + record.sequenceNo()
                + " does not follow record "
                + (record.sequenceNo() - 1)
                + ": its previous hash differs (a record was inserted, removed or reordered)");
      }
      if (!record.hasKnownCanonicalForm()) {
        return ChainVerification.broken(
            businessKey,
            records.size(),
            record.sequenceNo(),
            "record "
                + record.sequenceNo()
                + " names a canonical form this version does not know ("
                + record.canonicalVersion()
                + "): its hash cannot be recomputed");
      }
      if (CanonicalForm.V1.equals(record.canonicalVersion())
          && record.processDefinitionId() != null) {
        // A v1 hash does not cover the column; v1 records were written without it.
        return ChainVerification.broken(
            businessKey,
            records.size(),
            record.sequenceNo(),
            "record "
                + record.sequenceNo()
                + " was changed after it was written: a "
                + CanonicalForm.V1
                + " record names a process definition id, which it was written without");
      }
      if (!record.recordHash().equals(record.computeHash())) {
        return ChainVerification.broken(
            businessKey,
            records.size(),
            record.sequenceNo(),
            "record "
                + record.sequenceNo()
                + " was changed after it was written: its content no longer matches its hash");
      }
      expectedPrevious = record.recordHash();
      expectedSequence++;
    }
    if (headSequence != null && headSequence != records.size()) {
      return ChainVerification.broken(
          businessKey,
          records.size(),
          Math.min(headSequence, records.size()) + 1,
          "the ledger handed out "
              + headSequence
              + " records for this case but "
              + records.size()
              + " remain");
    }
    return ChainVerification.intact(businessKey, records.size());
  }
}
