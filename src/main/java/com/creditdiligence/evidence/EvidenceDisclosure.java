package com.creditdiligence.evidence;

import java.util.List;
import java.util.function.Predicate;

/**
 * Whether a record's findings may be shown yet. The record itself is always listed and verifiable;
 * only its content can be withheld for a while (a committee vote until all members have voted).
 */
public interface EvidenceDisclosure {

  /** Which records of the case are sealed now; asked once per listing. */
  Predicate<EvidenceRecord> sealedIn(String businessKey);

  /**
   * What a reader may see now: everything for an auditor (who replays the committee as it happened);
   * for anyone else, every record with the sealed ones' findings withheld. One rule for every door.
   */
  default Predicate<EvidenceRecord> sealedFor(String businessKey, boolean auditor) {
    return auditor ? record -> false : sealedIn(businessKey);
  }

  /** The records as {@link #sealedFor} lets the reader see them. */
  default List<EvidenceRecord> asSeenBy(
      String businessKey, boolean auditor, List<EvidenceRecord> records) {
    Predicate<EvidenceRecord> sealed = sealedFor(businessKey, auditor);
    return records.stream().map(r -> sealed.test(r) ? r.withFindingsSealed() : r).toList();
  }
}
