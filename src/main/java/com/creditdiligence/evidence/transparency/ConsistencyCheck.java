package com.creditdiligence.evidence.transparency;

import java.security.MessageDigest;
import java.util.List;

/**
 * Checks the ledger as the database now holds it against every checkpoint signed over it, and names the first
 * record that disagrees: rewritten (even with every hash recomputed), removed, inserted or moved. Leaf by leaf
 * against the store's signed leaves first (cheap: the record hashes compared); then the database's tree must have
 * every signed root, which vouches for the store's leaves too, and RFC 9162 consistency from each checkpoint to it.
 * Where a leaf disagrees, the store's own leaves are hashed against the signatures before the database is blamed.
 */
public final class ConsistencyCheck {

  private ConsistencyCheck() {}

  /**
   * @param checkpoints    the verified checkpoints, smallest first
   * @param signedLeaves   the store's leaves, from leaf 0
   * @param databaseLeaves the database's leaves by leaf index (null where the database holds no record)
   * @param databaseTree   the tree of the database's leaves up to its first hole
   */
  public static ConsistencyReport check(
      List<Checkpoint> checkpoints,
      List<LedgerLeaf> signedLeaves,
      List<LedgerLeaf> databaseLeaves,
      MerkleTree databaseTree) {
    if (checkpoints.isEmpty()) {
      return ConsistencyReport.consistent(0, 0);
    }
    long covered = checkpoints.get(checkpoints.size() - 1).size();
    if (signedLeaves.size() < covered) {
      return ConsistencyReport.unreadable(
          "the checkpoint store holds "
              + signedLeaves.size()
              + " leaves but its latest checkpoint covers "
              + covered
              + ": leaves were removed from the store");
    }
    for (int i = 0; i < covered; i++) {
      LedgerLeaf signed = signedLeaves.get(i);
      String reason =
          disagreement(
              signed,
              i < databaseLeaves.size() ? databaseLeaves.get(i) : null,
              i,
              databaseLeaves.size(),
              covered);
      if (reason != null) {
        String store = storeAgainstSignatures(checkpoints, signedLeaves, covered);
        return store != null
            ? ConsistencyReport.unreadable(store)
            : ConsistencyReport.broken(
                checkpoints.size(),
                covered,
                signed,
                firstCovering(checkpoints, i),
                covered,
                reason);
      }
    }
    // The database's leaves are the store's up to the latest checkpoint: their tree must have every
    // signed root.
    for (Checkpoint checkpoint : checkpoints) {
      if (!MessageDigest.isEqual(databaseTree.rootAt(checkpoint.size()), checkpoint.rootHash())) {
        return ConsistencyReport.unreadable(
            "the store's leaves do not hash to the root signed in checkpoint "
                + checkpoint.size()
                + ": the store's leaf files were altered");
      }
    }
    // As a witness would check it: RFC 9162 consistency from every checkpoint to the database's
    // tree.
    for (Checkpoint checkpoint : checkpoints) {
      if (!MerkleProofs.verifyConsistency(
          checkpoint.size(),
          databaseTree.size(),
          checkpoint.rootHash(),
          databaseTree.root(),
          databaseTree.consistencyProof(checkpoint.size(), databaseTree.size()))) {
        return ConsistencyReport.unreadable(
            "the database's tree is not consistent with checkpoint " + checkpoint.size());
      }
    }
    return ConsistencyReport.consistent(checkpoints.size(), covered);
  }

  private static String disagreement(
      LedgerLeaf signed, LedgerLeaf held, long index, long heldSize, long covered) {
    if (held == null) {
      return index >= heldSize
          ? "the database's ledger ends after "
              + index
              + " records, but the checkpoints signed "
              + covered
              + ": this record and every later one are gone (a truncated tail or a deleted case)"
          : "the record is gone from the database (deleted, with its case or alone)";
    }
    if (!held.businessKey().equals(signed.businessKey())
        || held.sequenceNo() != signed.sequenceNo()) {
      return "the database holds record "
          + held.sequenceNo()
          + " of case "
          + held.businessKey()
          + " at this place: a record was inserted, removed or moved";
    }
    if (!held.recordHash().equals(signed.recordHash())) {
      return "the record's hash is "
          + held.recordHash()
          + " in the database but "
          + signed.recordHash()
          + " when signed: the record was rewritten and rehashed after it was signed";
    }
    return null;
  }

  /** Null when the store's leaves hash to every signed root; else what is wrong with the store. */
  private static String storeAgainstSignatures(
      List<Checkpoint> checkpoints, List<LedgerLeaf> signedLeaves, long covered) {
    MerkleTree signedTree = new MerkleTree();
    for (int i = 0; i < covered; i++) {
      signedTree.append(signedLeaves.get(i).leafHash());
    }
    for (Checkpoint checkpoint : checkpoints) {
      if (!MessageDigest.isEqual(signedTree.rootAt(checkpoint.size()), checkpoint.rootHash())) {
        return "the store's leaves do not hash to the root signed in checkpoint "
            + checkpoint.size()
            + ": the store's leaf files were altered";
      }
    }
    return null;
  }

  private static long firstCovering(List<Checkpoint> checkpoints, long leaf) {
    return checkpoints.stream()
        .mapToLong(Checkpoint::size)
        .filter(size -> size > leaf)
        .min()
        .orElseThrow();
  }
}
