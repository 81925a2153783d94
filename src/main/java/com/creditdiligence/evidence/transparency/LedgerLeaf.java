package com.creditdiligence.evidence.transparency;

import java.util.HexFormat;

/**
 * One leaf of the ledger's tree: the record at that place in the global order, named by its case and sequence
 * number. The leaf hash is RFC 9162's over the record's 32-byte hash (the per-case chain's hash).
 */
public record LedgerLeaf(long index, String businessKey, int sequenceNo, String recordHash) {

  public byte[] leafHash() {
    return Rfc9162.leafHash(HexFormat.of().parseHex(recordHash));
  }

  public String describe() {
    return "record " + sequenceNo + " of case " + businessKey + " (leaf " + index + ")";
  }
}
