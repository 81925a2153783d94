package com.creditdiligence.evidence;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies every case's evidence chain straight from the database, without the running application:
 * for auditors who trust neither. Plain JDBC and {@link ChainVerifier}; exit status 1 if any chain is broken.
 *
 * <pre>
 * java -cp target/credit-diligence-0.1.0-SNAPSHOT.jar \
 *      -Dloader.main=com.creditdiligence.evidence.VerifyLedgerCommand \
 *      org.springframework.boot.loader.launch.PropertiesLauncher JDBC_URL USER PASSWORD
 * </pre>
 */
public final class VerifyLedgerCommand {

  private VerifyLedgerCommand() {
  }

  public static void main(String[] args) throws SQLException {
    if (args.length < 2) {
      System.err.println("usage: VerifyLedgerCommand JDBC_URL USER [PASSWORD]");
      System.exit(2);
    }
    System.exit(run(args[0], args[1], args.length > 2 ? args[2] : "", System.out));
  }

  /** @return 0 when every chain is intact, 1 otherwise */
  public static int run(String url, String user, String password, PrintStream out) throws SQLException {
    int cases = 0;
    int broken = 0;
    long records = 0;
    // Chains are independent: each is verified on a worker while the next is read; verdicts print in case order.
    List<CompletableFuture<ChainVerification>> verdicts = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      connection.setReadOnly(true);
      Map<String, Integer> heads = heads(connection);
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT * FROM evidence_record ORDER BY business_key, sequence_no, id");
           ResultSet rows = select.executeQuery()) {
        String current = null;
        List<EvidenceRecord> chain = new ArrayList<>();
        while (true) {
          boolean more = rows.next();
          String key = more ? rows.getString("business_key") : null;
          if (current != null && !current.equals(key)) {
            String caseKey = current;
            List<EvidenceRecord> complete = chain;
            Integer head = heads.remove(caseKey);
            verdicts.add(CompletableFuture.supplyAsync(() -> ChainVerifier.verify(caseKey, complete, head)));
            cases++;
            records += chain.size();
            chain = new ArrayList<>();
          }
          if (!more) {
            break;
          }
          current = key;
          chain.add(EvidenceLedger.map(rows, chain.size()));
        }
      }
      for (CompletableFuture<ChainVerification> verdict : verdicts) {
        broken += report(verdict.join(), out);
      }
      for (Map.Entry<String, Integer> emptied : heads.entrySet()) {
        cases++;
        broken += report(ChainVerifier.verify(emptied.getKey(), List.of(), emptied.getValue()), out);
      }
    }
    out.printf("%d cases, %d records, %d broken%n", cases, records, broken);
    return broken == 0 ? 0 : 1;
  }

  private static Map<String, Integer> heads(Connection connection) throws SQLException {
    Map<String, Integer> heads = new TreeMap<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT business_key, last_sequence_no FROM evidence_chain");
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
    out.printf("%s BROKEN at record %d: %s%n", verdict.businessKey(), verdict.brokenAt(), verdict.reason());
    return 1;
  }
}
