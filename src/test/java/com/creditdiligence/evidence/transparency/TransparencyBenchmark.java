package com.creditdiligence.evidence.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's figures at a million records, in memory on one thread: a checkpoint (root, Ed25519 signature, the
 * store's two files), inclusion-proof verification, and the full consistency check (signed leaves against the
 * checkpoints and the database's leaves, leaf by leaf and by RFC 9162 proofs). Prints figures; asserts only that
 * what it measured verified. Run: {@code mvn -Pbenchmark -Dbpmnlint.skip=true -Dnpm.skip=true test
 * -Dtest=TransparencyBenchmark}. The database's read of the leaves is not in these figures (see BENCHMARKS.md).
 */
@Tag("benchmark")
class TransparencyBenchmark {

  static final int RECORDS = 1_000_000;
  static final int ROUNDS = 5;
  static final int PROOFS = 20_000;
  static final int CHECKPOINT_EVERY = 10_000;

  @Test
  void aMillionRecords() throws Exception {
    Random random = new Random(20);
    List<LedgerLeaf> leaves = new ArrayList<>(RECORDS);
    for (int i = 0; i < RECORDS; i++) {
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      leaves.add(
          new LedgerLeaf(
              i, "GA-2026-%06d".formatted(i / 20), i % 20 + 1, HexFormat.of().formatHex(hash)));
    }
    NoteKeys.Signer signer = NoteKeys.generate("credit-diligence/evidence-ledger");
    NoteKeys.Verifier verifier = NoteKeys.parseVerifier(signer.verifierKey());

    // Building the tree (what a start does once) and the checkpoints every CHECKPOINT_EVERY
    // records.
    long buildStart = System.nanoTime();
    MerkleTree tree = new MerkleTree();
    List<Checkpoint> checkpoints = new ArrayList<>();
    for (LedgerLeaf leaf : leaves) {
      tree.append(leaf.leafHash());
      if (tree.size() % CHECKPOINT_EVERY == 0) {
        checkpoints.add(
            new Checkpoint(
                "credit-diligence/evidence-ledger", tree.size(), tree.root(), Instant.now()));
      }
    }
    double buildSeconds = (System.nanoTime() - buildStart) / 1e9;

    // A checkpoint over the million: 1,000 new records placed, the root, the signature, the store's
    // two files.
    List<Double> checkpointMillis = new ArrayList<>();
    Path store = Files.createTempDirectory("checkpoint-benchmark");
    CheckpointStore files = new CheckpointStore(store);
    for (int round = 0; round <= ROUNDS; round++) {
      List<LedgerLeaf> added = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        added.add(
            new LedgerLeaf(
                tree.size() + i, "GA-2027-000001", i + 1, HexFormat.of().formatHex(hash)));
      }
      long from = tree.size();
      long start = System.nanoTime();
      added.forEach(leaf -> tree.append(leaf.leafHash()));
      Checkpoint checkpoint =
          new Checkpoint(
              "credit-diligence/evidence-ledger", tree.size(), tree.root(), Instant.now());
      files.append(added, from, checkpoint, signer.sign(checkpoint.body()));
      if (round > 0) {
        checkpointMillis.add((System.nanoTime() - start) / 1e6);
      }
    }
    assertThat(files.checkpoints(verifier)).hasSize(ROUNDS + 1);

    // Inclusion proofs against the million-record root, verified on one thread.
    long size = RECORDS;
    byte[] root = tree.rootAt(size);
    long[] indexes = new long[PROOFS];
    List<List<byte[]>> proofs = new ArrayList<>();
    byte[][] leafHashes = new byte[PROOFS][];
    for (int i = 0; i < PROOFS; i++) {
      indexes[i] = Math.floorMod(random.nextLong(), size);
      proofs.add(tree.inclusionProof(indexes[i], size));
      leafHashes[i] = tree.leaf(indexes[i]);
    }
    List<Double> proofsPerSecond = new ArrayList<>();
    for (int round = 0; round <= ROUNDS; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < PROOFS; i++) {
        assertThat(
                MerkleProofs.verifyInclusion(indexes[i], size, leafHashes[i], proofs.get(i), root))
            .isTrue();
      }
      if (round > 0) {
        proofsPerSecond.add(PROOFS / ((System.nanoTime() - start) / 1e9));
      }
    }

    // The full check of a million records against 100 checkpoints, including building the
    // database's tree.
    List<LedgerLeaf> signed = leaves;
    List<LedgerLeaf> held = new ArrayList<>(leaves);
    List<Double> checkedPerSecond = new ArrayList<>();
    for (int round = 0; round <= ROUNDS; round++) {
      long start = System.nanoTime();
      MerkleTree databaseTree = new MerkleTree();
      held.forEach(leaf -> databaseTree.append(leaf.leafHash()));
      ConsistencyReport report = ConsistencyCheck.check(checkpoints, signed, held, databaseTree);
      if (round > 0) {
        checkedPerSecond.add(RECORDS / ((System.nanoTime() - start) / 1e9));
      }
      assertThat(report.consistent()).isTrue();
    }
    // And that it would have seen a rewrite: one record's hash changed in the middle.
    held.set(
        RECORDS / 2,
        new LedgerLeaf(
            RECORDS / 2,
            held.get(RECORDS / 2).businessKey(),
            held.get(RECORDS / 2).sequenceNo(),
            "00".repeat(32)));
    MerkleTree rewritten = new MerkleTree();
    held.forEach(leaf -> rewritten.append(leaf.leafHash()));
    assertThat(ConsistencyCheck.check(checkpoints, signed, held, rewritten).brokenLeaf())
        .isEqualTo(RECORDS / 2L);

    // Ed25519 alone (BouncyCastle), for the record.
    String body = checkpoints.get(0).body();
    long signStart = System.nanoTime();
    for (int i = 0; i < 2_000; i++) {
      signer.sign(body);
    }
    double signaturesPerSecond = 2_000 / ((System.nanoTime() - signStart) / 1e9);

    System.out.printf("%n[transparency benchmark] %,d records, one thread, in memory%n", RECORDS);
    System.out.printf(
        "[transparency benchmark]   tree built from nothing (once, at start): %.2f s%n",
        buildSeconds);
    System.out.printf(
        "[transparency benchmark]   checkpoint over %,d+ records (1,000 new, root, signature, 2 files "
            + "forced to disk): median %.1f ms (min %.1f, max %.1f)%n",
        RECORDS,
        median(checkpointMillis),
        Collections.min(checkpointMillis),
        Collections.max(checkpointMillis));
    System.out.printf(
        "[transparency benchmark]   inclusion proofs verified (tree of %,d): median %,.0f proofs/s "
            + "(min %,.0f, max %,.0f)%n",
        RECORDS,
        median(proofsPerSecond),
        Collections.min(proofsPerSecond),
        Collections.max(proofsPerSecond));
    System.out.printf(
        "[transparency benchmark]   full consistency check (%d checkpoints, leaf by leaf, tree rebuilt): "
            + "median %,.0f records/s (min %,.0f, max %,.0f)%n",
        checkpoints.size(),
        median(checkedPerSecond),
        Collections.min(checkedPerSecond),
        Collections.max(checkedPerSecond));
    System.out.printf(
        "[transparency benchmark]   Ed25519 signatures (BouncyCastle): %,.0f/s%n",
        signaturesPerSecond);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }
}
