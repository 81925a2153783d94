package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the review's joined lists into the rows of V31, item by item in their order, read exactly as the application
 * read them before (accountability/ReviewStore), then drops the joined columns. Java rather than SQL: the same split
 * on H2 and PostgreSQL.
 */
public class V32__review_lists_moved_to_rows extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection db = context.getConnection();
    try (Statement read = db.createStatement();
        ResultSet reviews =
            read.executeQuery("SELECT review_id, rule_versions FROM accountability_review");
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO review_rule_version (review_id, item_no, rule_version) VALUES (?, ?, ?)")) {
      while (reviews.next()) {
        List<String> versions = List.of(reviews.getString(2).split("\n"));
        for (int i = 0; i < versions.size(); i++) {
          insert.setString(1, reviews.getString(1));
          insert.setInt(2, i + 1);
          insert.setString(3, versions.get(i));
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
    try (Statement read = db.createStatement();
        ResultSet findings =
            read.executeQuery("SELECT review_id, finding_no, evidence FROM review_finding");
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO review_finding_evidence (review_id, finding_no, item_no, sequence_no) VALUES (?, ?, ?, ?)")) {
      while (findings.next()) {
        List<String> numbers = items(findings.getString(3));
        for (int i = 0; i < numbers.size(); i++) {
          insert.setString(1, findings.getString(1));
          insert.setInt(2, findings.getInt(2));
          insert.setInt(3, i + 1);
          insert.setInt(4, Integer.parseInt(numbers.get(i)));
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
    try (Statement read = db.createStatement();
        ResultSet determinations =
            read.executeQuery(
                "SELECT review_id, manager, determination_round, clauses FROM review_determination");
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO review_determination_clause "
                    + "(review_id, manager, determination_round, item_no, clause) VALUES (?, ?, ?, ?, ?)")) {
      while (determinations.next()) {
        List<String> clauses = items(determinations.getString(4));
        for (int i = 0; i < clauses.size(); i++) {
          insert.setString(1, determinations.getString(1));
          insert.setString(2, determinations.getString(2));
          insert.setString(3, determinations.getString(3));
          insert.setInt(4, i + 1);
          insert.setString(5, clauses.get(i));
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
    try (Statement ddl = db.createStatement()) {
      ddl.execute("ALTER TABLE accountability_review DROP COLUMN rule_versions");
      ddl.execute("ALTER TABLE review_finding DROP COLUMN evidence");
      ddl.execute("ALTER TABLE review_determination DROP COLUMN clauses");
    }
  }

  /** A list joined with ",": none when empty. */
  private static List<String> items(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
