package com.creditdiligence.evidence.transparency;

import java.security.MessageDigest;
import java.util.List;

/**
 * Checks the ledger as the database now holds it against every checkpoint signed over it. First the store
 * itself: its leaves must hash to every signed root. Then the database: RFC 9162 consistency from each
 * checkpoint to the database's tree, and leaf by leaf against the signed leaves, to name the first record
 * that disagrees: rewritten (even with every hash recomputed), removed, inserted or moved.
 */
public final class ConsistencyCheck {

  private ConsistencyCheck() {
  }

  /**
   * @param checkpoints    the verified checkpoints, smallest first
   * @param signedLeaves   the store's leaves, from leaf 0
   * @param databaseLeaves the database's leaves by leaf index (null where the database holds no record)
   * @param databaseTree   the tree of the database's leaves (a missing one counted as absent: the tree ends there)
   */
  public static ConsistencyReport check(List<Checkpoint> checkpoints, List<LedgerLeaf> signedLeaves,
                                        List<LedgerLeaf> databaseLeaves, MerkleTree databaseTree) {
    if (checkpoints.isEmpty()) {
      return ConsistencyReport.consistent(0, 0);
    }
    long covered = checkpoints.get(checkpoints.size() - 1).size();
    if (signedLeaves.size() < covered) {
      return ConsistencyReport.unreadable("the checkpoint store holds " + signedLeaves.size()
          + " leaves but its latest checkpoint covers " + covered + ": leaves were removed from the store");
    }
    MerkleTree signedTree = new MerkleTree();
    for (int i = 0; i < covered; i++) {
      signedTree.append(signedLeaves.get(i).leafHash());
    }
    for (Checkpoint checkpoint : checkpoints) {
      if (!MessageDigest.isEqual(signedTree.rootAt(checkpoint.size()), checkpoint.rootHash())) {
        return ConsistencyReport.unreadable("the store's leaves do not hash to the root signed in checkpoint "
            + checkpoint.size() + ": the store's leaf files were altered");
      }
    }
    for (int i = 0; i < covered; i++) {
      LedgerLeaf signed = signedLeaves.get(i);
      LedgerLeaf held = i < databaseLeaves.size() ? databaseLeaves.get(i) : null;
      String reason = null;
      if (held == null) {
        reason = i >= databaseLeaves.size()
            ? "the database's ledger ends after " + i + " records, but the checkpoints signed " + covered
              + ": this record and every later one are gone (a truncated tail or a deleted case)"
            : "the record is gone from the database (deleted, with its case or alone)";
      } else if (!held.businessKey().equals(signed.businessKey()) || held.sequenceNo() != signed.sequenceNo()) {
        reason = "the database holds record " + held.sequenceNo() + " of case " + held.businessKey()
            + " at this place: a record was inserted, removed or moved";
      } else if (!held.recordHash().equals(signed.recordHash())) {
        reason = "the record's hash is " + held.recordHash() + " in the database but " + signed.recordHash()
            + " when signed: the record was rewritten and rehashed after it was signed";
      }
      if (reason != null) {
        return ConsistencyReport.broken(checkpoints.size(), covered, signed, firstCovering(checkpoints, i), covered,
            reason);
      }
    }
    // Leaf by leaf the database agrees; the RFC 9162 proofs say the same of the trees, as a witness would check.
    for (Checkpoint checkpoint : checkpoints) {
      if (!MerkleProofs.verifyConsistency(checkpoint.size(), databaseTree.size(), checkpoint.rootHash(),
          databaseTree.root(), databaseTree.consistencyProof(checkpoint.size(), databaseTree.size()))) {
        return ConsistencyReport.unreadable("the database's tree is not consistent with checkpoint "
            + checkpoint.size());
      }
    }
    return ConsistencyReport.consistent(checkpoints.size(), covered);
  }

  private static long firstCovering(List<Checkpoint> checkpoints, long leaf) {
    return checkpoints.stream().mapToLong(Checkpoint::size).filter(size -> size > leaf).min().orElseThrow();
  }
}
