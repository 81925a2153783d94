package com.creditdiligence.evidence;

import java.util.function.Predicate;

/**
 * Whether a record's findings may be shown yet. The record itself is always listed and verifiable;
 * only its content can be withheld for a while (a committee vote until all members have voted).
 */
public interface EvidenceDisclosure {

  /** Which records of the case are sealed now; asked once per listing. */
  Predicate<EvidenceRecord> sealedIn(String businessKey);
}
