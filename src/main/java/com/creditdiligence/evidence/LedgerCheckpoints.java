package com.creditdiligence.evidence;

import com.creditdiligence.evidence.transparency.Checkpoint;
import com.creditdiligence.evidence.transparency.CheckpointException;
import com.creditdiligence.evidence.transparency.CheckpointStore;
import com.creditdiligence.evidence.transparency.ConsistencyCheck;
import com.creditdiligence.evidence.transparency.ConsistencyReport;
import com.creditdiligence.evidence.transparency.LedgerLeaf;
import com.creditdiligence.evidence.transparency.MerkleTree;
import com.creditdiligence.evidence.transparency.NoteKeys;
import com.creditdiligence.submission.BusinessTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Spring side of the ledger's transparency log (evidence/transparency): places committed records in the
 * global order, signs checkpoints over them into the store outside the database (at the configured interval and
 * at each export), checks on start that the database still agrees with every checkpoint signed, and gives the
 * inclusion proofs a dossier carries. While that check fails it signs nothing: a checkpoint over a rewritten
 * ledger would lend the rewrite the key's word.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class LedgerCheckpoints implements ApplicationRunner, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerCheckpoints.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final CheckpointProperties properties;
  private final BusinessTime time;
  private final NoteKeys.Signer signer;
  private final NoteKeys.Verifier verifier;
  private final CheckpointStore store;
  private final ScheduledExecutorService schedule =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "ledger-checkpoints");
            thread.setDaemon(true);
            return thread;
          });

  /** How often the sequencer looks for records committed out of id order (see sequence). */
  private static final java.time.Duration SWEEP_EVERY = java.time.Duration.ofMinutes(10);

  private MerkleTree tree;

  /** The latest checkpoint in the store, as this node last read or wrote it. */
  private Optional<CheckpointStore.Stored> latestSigned = Optional.empty();

  private long lastSweep = System.nanoTime() - SWEEP_EVERY.toNanos() - 1;
  private volatile ConsistencyReport report;

  public LedgerCheckpoints(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      CheckpointProperties properties,
      BusinessTime time) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.properties = properties;
    this.time = time;
    this.signer = signerKey(properties);
    this.verifier = NoteKeys.parseVerifier(signer.verifierKey());
    this.store = new CheckpointStore(properties.directory());
  }

  /** A proof that a record is in the tree a named checkpoint signed, with that signed checkpoint. */
  public record Inclusion(long leafIndex, List<String> proof) {}

  /** The checkpoint a dossier's proofs refer to, and the proofs of the case's records by sequence number. */
  public record CaseProofs(
      String checkpoint,
      String verifierKey,
      long treeSize,
      java.util.Map<Integer, Inclusion> proofs) {}

  @Override
  public void run(ApplicationArguments args) {
    check();
    long every = properties.interval().toMillis();
    schedule.scheduleWithFixedDelay(this::checkpointQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void destroy() throws InterruptedException {
    // Not interrupted: a signer stopped between its two files would only have to cover its leaves
    // again.
    schedule.shutdown();
    schedule.awaitTermination(10, TimeUnit.SECONDS);
  }

  public String verifierKey() {
    return signer.verifierKey();
  }

  public ConsistencyReport report() {
    return report;
  }

  /**
   * Reads the whole ledger in its global order and checks it against every stored checkpoint (their signatures,
   * their leaves, RFC 9162 consistency, then leaf by leaf). The tree read becomes the one later checkpoints extend.
   */
  public synchronized ConsistencyReport check() {
    List<LedgerLeaf> held = new ArrayList<>();
    MerkleTree read = new MerkleTree();
    jdbc.sql(
            """
            SELECT l.leaf_index, r.business_key, r.sequence_no, r.record_hash
            FROM evidence_leaf l LEFT JOIN evidence_record r ON r.id = l.record_id ORDER BY l.leaf_index""")
        .query(
            rows -> {
              long index = rows.getLong(1);
              while (held.size() < index) {
                held.add(null); // a place whose row is gone: the check names what was signed there
              }
              String key = rows.getString(2);
              held.add(
                  key == null
                      ? null
                      : new LedgerLeaf(index, key, rows.getInt(3), rows.getString(4)));
            });
    for (LedgerLeaf leaf : held) {
      if (leaf == null) {
        break; // the tree of what remains ends at the first hole; the check reports the hole
      }
      read.append(leaf.leafHash());
    }
    ConsistencyReport verdict;
    try {
      List<Checkpoint> signed =
          store.checkpoints(verifier).stream().map(CheckpointStore.Stored::checkpoint).toList();
      verdict = ConsistencyCheck.check(signed, store.leaves(), held, read);
    } catch (CheckpointException e) {
      verdict =
          new ConsistencyReport(
              false,
              0,
              0,
              null,
              null,
              null,
              null,
              null,
              "the checkpoint store cannot be trusted: " + e.getMessage());
    }
    tree = read;
    report = verdict;
    latestSigned = verdict.consistent() ? store.latest(verifier) : Optional.empty();
    if (verdict.consistent()) {
      LOG.info("Evidence ledger {}", verdict.describe());
    } else {
      LOG.error(
          "Evidence ledger {}; no checkpoint is signed until this is resolved", verdict.describe());
    }
    return verdict;
  }

  /**
   * Places the records committed since the last call, then signs a checkpoint over the tree if it grew. Empty
   * while the ledger disagrees with an earlier checkpoint (nothing is signed then).
   */
  public synchronized Optional<CheckpointStore.Stored> checkpoint() {
    return checkpoint(null);
  }

  /** @param exportedCase a case whose every record must be covered (an export's), or null */
  private Optional<CheckpointStore.Stored> checkpoint(String exportedCase) {
    if (tree == null) {
      check();
    }
    if (!report.consistent()) {
      return Optional.empty();
    }
    long before = tree.size();
    sequence(exportedCase);
    Optional<CheckpointStore.Stored> latest = latestSigned;
    long signedSize = latest.map(s -> s.checkpoint().size()).orElse(0L);
    if (tree.size() == signedSize || tree.size() == 0) {
      return latest;
    }
    Checkpoint checkpoint =
        new Checkpoint(properties.origin(), tree.size(), tree.root(), time.now());
    store.append(leavesFrom(signedSize), signedSize, checkpoint, signer.sign(checkpoint.body()));
    LOG.debug("Signed checkpoint {} ({} new records)", checkpoint.size(), tree.size() - before);
    // Read back (another node may have signed this size first): only this file, not the whole
    // store.
    latestSigned = Optional.of(store.checkpoint(checkpoint.size(), verifier));
    return latestSigned;
  }

  /** Signs a checkpoint (an export's) and proves the case's placed records against it. */
  public synchronized Optional<CaseProofs> proofsFor(String businessKey) {
    return proofsAgainst(businessKey, checkpoint(businessKey));
  }

  /** Proves the case's records against the latest checkpoint, signing none (for views that are no export). */
  public synchronized Optional<CaseProofs> proofsAgainstLatest(String businessKey) {
    if (tree == null || !report.consistent()) {
      return Optional.empty();
    }
    return proofsAgainst(businessKey, latestSigned);
  }

  private Optional<CaseProofs> proofsAgainst(
      String businessKey, Optional<CheckpointStore.Stored> signed) {
    if (signed.isEmpty()) {
      return Optional.empty();
    }
    long size = signed.get().checkpoint().size();
    java.util.Map<Integer, Inclusion> proofs = new java.util.TreeMap<>();
    jdbc.sql(
            """
            SELECT r.sequence_no, l.leaf_index FROM evidence_record r JOIN evidence_leaf l ON l.record_id = r.id
            WHERE r.business_key = ? AND l.leaf_index < ? ORDER BY r.sequence_no""")
        .params(businessKey, size)
        .query(
            rows -> {
              long index = rows.getLong(2);
              proofs.put(
                  rows.getInt(1),
                  new Inclusion(
                      index,
                      tree.inclusionProof(index, size).stream()
                          .map(Base64.getEncoder()::encodeToString)
                          .toList()));
            });
    return Optional.of(new CaseProofs(signed.get().note(), verifierKey(), size, proofs));
  }

  /**
   * The case against the checkpoints: broken where the start-up check found its first disagreeing record in
   * this case, or where a record's hash now differs from the one placed in the signed tree. Empty: agrees.
   */
  public Optional<ChainVerification> verify(String businessKey, List<EvidenceRecord> records) {
    ConsistencyReport verdict = report;
    if (verdict != null && !verdict.consistent() && businessKey.equals(verdict.businessKey())) {
      return Optional.of(
          ChainVerification.broken(
              businessKey,
              records.size(),
              verdict.sequenceNo(),
              "record "
                  + verdict.sequenceNo()
                  + " disagrees with the signed checkpoints: "
                  + verdict.reason()
                  + " (signed in checkpoint "
                  + verdict.firstCheckpoint()
                  + ")"));
    }
    MerkleTree signedTree = tree;
    if (signedTree == null || records.isEmpty()) {
      return Optional.empty();
    }
    java.util.Map<Long, Long> places = new java.util.HashMap<>();
    jdbc.sql(
            """
            SELECT l.record_id, l.leaf_index FROM evidence_leaf l JOIN evidence_record r ON r.id = l.record_id
            WHERE r.business_key = ?""")
        .param(businessKey)
        .query(
            rows -> {
              places.put(rows.getLong(1), rows.getLong(2));
            });
    for (EvidenceRecord record : records) {
      Long index = places.get(record.id());
      if (index != null
          && index < signedTree.size()
          && !java.util.Arrays.equals(signedTree.leaf(index), leafHash(record.recordHash()))) {
        return Optional.of(
            ChainVerification.broken(
                businessKey,
                records.size(),
                record.sequenceNo(),
                "record "
                    + record.sequenceNo()
                    + " was rewritten after it was placed in the signed tree (leaf "
                    + index
                    + "): its hash is no longer the one signed"));
      }
    }
    return Optional.empty();
  }

  private void checkpointQuietly() {
    try {
      checkpoint();
    } catch (RuntimeException e) {
      LOG.warn("Checkpoint not signed this time: {}", e.toString());
    }
  }

  /**
   * Under the one-row lock: first takes in places another node handed out, then places the committed records that
   * have none, in id order: those above the highest id placed (an index look-up), the exported case's, and every
   * ten minutes all (a record whose transaction committed after one with a higher id had been placed: rare, never
   * lost, placed late). The tree in memory grows only after the places are committed.
   */
  private void sequence(String businessKey) {
    List<byte[]> placed = new ArrayList<>();
    transaction.executeWithoutResult(
        tx -> {
          jdbc.sql("SELECT id FROM evidence_tree WHERE id = 1 FOR UPDATE")
              .query(Integer.class)
              .single();
          long next = tree.size();
          jdbc.sql(
                  """
              SELECT r.record_hash FROM evidence_leaf l JOIN evidence_record r ON r.id = l.record_id
              WHERE l.leaf_index >= ? ORDER BY l.leaf_index""")
              .param(next)
              .query(
                  rows -> {
                    placed.add(leafHash(rows.getString(1)));
                  });
          next += placed.size();
          java.util.TreeMap<Long, String> unplaced = new java.util.TreeMap<>();
          long highestPlaced =
              jdbc.sql("SELECT COALESCE(MAX(record_id), 0) FROM evidence_leaf")
                  .query(Long.class)
                  .single();
          jdbc.sql("SELECT id, record_hash FROM evidence_record WHERE id > ?")
              .param(highestPlaced)
              .query(
                  rows -> {
                    unplaced.put(rows.getLong(1), rows.getString(2));
                  });
          String unplacedOf =
              """
          SELECT r.id, r.record_hash FROM evidence_record r
          WHERE NOT EXISTS (SELECT 1 FROM evidence_leaf l WHERE l.record_id = r.id)""";
          if (businessKey != null) {
            jdbc.sql(unplacedOf + " AND r.business_key = ?")
                .param(businessKey)
                .query(
                    rows -> {
                      unplaced.put(rows.getLong(1), rows.getString(2));
                    });
          }
          // A record committed after one with a higher id was placed: found by the sweep of the
          // whole ledger.
          if (System.nanoTime() - lastSweep > SWEEP_EVERY.toNanos()) {
            jdbc.sql(unplacedOf)
                .query(
                    rows -> {
                      unplaced.put(rows.getLong(1), rows.getString(2));
                    });
            lastSweep = System.nanoTime();
          }
          // Multi-row inserts of up to 500 places each: one statement per record would cost more
          // than the append.
          List<Object> values = new ArrayList<>();
          for (java.util.Map.Entry<Long, String> entry : unplaced.entrySet()) {
            values.add(next++);
            values.add(entry.getKey());
            placed.add(leafHash(entry.getValue()));
            if (values.size() == 1_000) {
              insertPlaces(values);
            }
          }
          insertPlaces(values);
        });
    placed.forEach(tree::append);
  }

  private void insertPlaces(List<Object> values) {
    if (values.isEmpty()) {
      return;
    }
    String rows = String.join(", ", java.util.Collections.nCopies(values.size() / 2, "(?, ?)"));
    jdbc.sql("INSERT INTO evidence_leaf (leaf_index, record_id) VALUES " + rows)
        .params(values)
        .update();
    values.clear();
  }

  private List<LedgerLeaf> leavesFrom(long fromIndex) {
    return jdbc.sql(
            """
            SELECT l.leaf_index, r.business_key, r.sequence_no, r.record_hash
            FROM evidence_leaf l JOIN evidence_record r ON r.id = l.record_id
            WHERE l.leaf_index >= ? AND l.leaf_index < ? ORDER BY l.leaf_index""")
        .params(fromIndex, tree.size())
        .query(
            (row, n) ->
                new LedgerLeaf(row.getLong(1), row.getString(2), row.getInt(3), row.getString(4)))
        .list();
  }

  private static byte[] leafHash(String recordHash) {
    return com.creditdiligence.evidence.transparency.Rfc9162.leafHash(
        HexFormat.of().parseHex(recordHash));
  }

  /** The key from its file; generated there only where the configuration allows it (the demo). */
  private static NoteKeys.Signer signerKey(CheckpointProperties properties) {
    Path file = properties.keyFile();
    if (file == null || file.toString().isBlank()) {
      throw new IllegalStateException(
          "credit-diligence.checkpoints.key-file is not set: the ledger's checkpoints "
              + "need an Ed25519 signer key outside the database (see README, «Evidence that survives its DBA»)");
    }
    try {
      if (Files.exists(file)) {
        return NoteKeys.parseSigner(Files.readString(file, StandardCharsets.UTF_8));
      }
      if (!properties.generateKey()) {
        throw new IllegalStateException(
            "the checkpoint signer key "
                + file.toAbsolutePath()
                + " does not exist; "
                + "generate one (README) and give its path in credit-diligence.checkpoints.key-file");
      }
      NoteKeys.Signer generated = NewCheckpointKeyCommand.write(file, properties.origin());
      LOG.warn(
          "Generated a checkpoint signer key in {} (demo only); its public key is in {}.pub",
          file,
          file);
      return generated;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint signer key " + file, e);
    }
  }
}
