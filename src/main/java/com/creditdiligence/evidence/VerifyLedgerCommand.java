package com.creditdiligence.evidence;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Verifies every case's evidence chain straight from the database, without the running application:
 * for auditors who trust neither. Plain JDBC and {@link ChainVerifier}; exit status 1 if any chain is broken.
 *
 * <pre>
 * java -cp target/credit-diligence-0.1.0-SNAPSHOT.jar \
 *      -Dloader.main=com.creditdiligence.evidence.VerifyLedgerCommand \
 *      org.springframework.boot.loader.launch.PropertiesLauncher JDBC_URL USER PASSWORD \
 *      [--checkpoints CHECKPOINT_DIRECTORY PUBLIC_KEY_FILE]
 * </pre>
 *
 * With {@code --checkpoints}, the ledger is also checked against every checkpoint in the store (the same check as
 * at the application's start, see {@link com.creditdiligence.evidence.transparency.ConsistencyCheck}): what a DBA
 * rewrote with every hash recomputed is found there, and named.
 */
public final class VerifyLedgerCommand {

  private VerifyLedgerCommand() {}

  public static void main(String[] args) throws SQLException {
    List<String> arguments = new ArrayList<>(List.of(args));
    int checkpoints = arguments.indexOf("--checkpoints");
    if (arguments.size() < 2
        || checkpoints >= 0 && (checkpoints < 2 || arguments.size() != checkpoints + 3)) {
      System.err.println(
          "usage: VerifyLedgerCommand JDBC_URL USER [PASSWORD] [--checkpoints DIRECTORY PUBLIC_KEY_FILE]");
      System.exit(2);
    }
    String password = checkpoints == 2 || arguments.size() == 2 ? "" : arguments.get(2);
    int chains = run(arguments.get(0), arguments.get(1), password, System.out);
    int signed =
        checkpoints < 0
            ? 0
            : runAgainstCheckpoints(
                arguments.get(0),
                arguments.get(1),
                password,
                java.nio.file.Path.of(arguments.get(checkpoints + 1)),
                java.nio.file.Path.of(arguments.get(checkpoints + 2)),
                System.out);
    System.exit(Math.max(chains, signed));
  }

  /** @return 0 when every chain is intact, 1 otherwise */
  public static int run(String url, String user, String password, PrintStream out)
      throws SQLException {
    int cases = 0;
    int broken = 0;
    long records = 0;
    // Chains are independent: each is verified on a worker while the next is read; verdicts print
    // in case order.
    List<CompletableFuture<ChainVerification>> verdicts = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      connection.setReadOnly(true);
      Map<String, Integer> heads = heads(connection);
      try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT * FROM evidence_record ORDER BY business_key, sequence_no, id");
          ResultSet rows = select.executeQuery()) {
        boolean versioned = hasColumn(rows, "canonical_version");
        String current = null;
        List<EvidenceRecord> chain = new ArrayList<>();
        while (true) {
          boolean more = rows.next();
          String key = more ? rows.getString("business_key") : null;
          if (current != null && !current.equals(key)) {
            String caseKey = current;
            List<EvidenceRecord> complete = chain;
            Integer head = heads.remove(caseKey);
            verdicts.add(
                CompletableFuture.supplyAsync(() -> ChainVerifier.verify(caseKey, complete, head)));
            cases++;
            records += chain.size();
            chain = new ArrayList<>();
          }
          if (!more) {
            break;
          }
          current = key;
          chain.add(EvidenceLedger.map(rows, versioned));
        }
      }
      for (CompletableFuture<ChainVerification> verdict : verdicts) {
        broken += report(verdict.join(), out);
      }
      for (Map.Entry<String, Integer> emptied : heads.entrySet()) {
        cases++;
        broken +=
            report(ChainVerifier.verify(emptied.getKey(), List.of(), emptied.getValue()), out);
      }
    }
    out.printf("%d cases, %d records, %d broken%n", cases, records, broken);
    return broken == 0 ? 0 : 1;
  }

  /** @return 0 when the ledger agrees with every signed checkpoint, 1 otherwise */
  public static int runAgainstCheckpoints(
      String url,
      String user,
      String password,
      java.nio.file.Path directory,
      java.nio.file.Path publicKeyFile,
      PrintStream out)
      throws SQLException {
    com.creditdiligence.evidence.transparency.ConsistencyReport report;
    try {
      var verifier =
          com.creditdiligence.evidence.transparency.NoteKeys.parseVerifier(
              java.nio.file.Files.readString(publicKeyFile));
      var store = new com.creditdiligence.evidence.transparency.CheckpointStore(directory);
      List<com.creditdiligence.evidence.transparency.LedgerLeaf> held = new ArrayList<>();
      var tree = new com.creditdiligence.evidence.transparency.MerkleTree();
      try (Connection connection = DriverManager.getConnection(url, user, password);
          PreparedStatement select =
              connection.prepareStatement(
                  """
               SELECT l.leaf_index, r.business_key, r.sequence_no, r.record_hash
               FROM evidence_leaf l LEFT JOIN evidence_record r ON r.id = l.record_id ORDER BY l.leaf_index""");
          ResultSet rows = select.executeQuery()) {
        connection.setReadOnly(true);
        while (rows.next()) {
          while (held.size() < rows.getLong(1)) {
            held.add(null);
          }
          String key = rows.getString(2);
          held.add(
              key == null
                  ? null
                  : new com.creditdiligence.evidence.transparency.LedgerLeaf(
                      rows.getLong(1), key, rows.getInt(3), rows.getString(4)));
        }
      }
      for (var leaf : held) {
        if (leaf == null) {
          break;
        }
        tree.append(leaf.leafHash());
      }
      report =
          com.creditdiligence.evidence.transparency.ConsistencyCheck.check(
              store.checkpoints(verifier).stream()
                  .map(com.creditdiligence.evidence.transparency.CheckpointStore.Stored::checkpoint)
                  .toList(),
              store.leaves(),
              held,
              tree);
    } catch (java.io.IOException
        | com.creditdiligence.evidence.transparency.CheckpointException e) {
      out.println("checkpoints BROKEN: the checkpoint store cannot be trusted: " + e.getMessage());
      return 1;
    }
    out.println("checkpoints " + report.describe());
    return report.consistent() ? 0 : 1;
  }

  private static Map<String, Integer> heads(Connection connection) throws SQLException {
    Map<String, Integer> heads = new TreeMap<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT business_key, last_sequence_no FROM evidence_chain");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        heads.put(rows.getString(1), rows.getInt(2));
      }
    }
    return heads;
  }

  private static int report(ChainVerification verdict, PrintStream out) {
    if (verdict.isIntact()) {
      out.printf("%s intact (%d records)%n", verdict.businessKey(), verdict.records());
      return 0;
    }
    out.printf(
        "%s BROKEN at record %d: %s%n",
        verdict.businessKey(), verdict.brokenAt(), verdict.reason());
    return 1;
  }

  /** Whether the ledger's table has that column (a database not yet migrated to Flyway V33 has not). */
  private static boolean hasColumn(ResultSet rows, String column) throws SQLException {
    java.sql.ResultSetMetaData meta = rows.getMetaData();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      if (meta.getColumnLabel(i).equalsIgnoreCase(column)) {
        return true;
      }
    }
    return false;
  }
}
