/**
 * Kernel: the evidence ledger's public API (EvidenceLedger, EvidenceRecord, NewEvidence, CanonicalForm, §19
 * Amendments, EvidenceDisclosure) and its transparency log (Merkle tree, signed checkpoints, proofs). Depends on
 * submission and casefile only; who may read it over HTTP is decided above it (audit/EvidenceController).
 */
package com.creditdiligence.evidence;
