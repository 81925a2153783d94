package com.creditdiligence.evidence;

/**
 * Whether a record's findings may be shown yet. The record itself is always listed and verifiable;
 * only its content can be withheld for a while (a committee vote until all members have voted).
 */
public interface EvidenceDisclosure {

  boolean sealed(EvidenceRecord record);
}
