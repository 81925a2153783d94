package com.creditdiligence.evidence;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** On the embedded H2, as on PostgreSQL: the database refuses to change or remove a ledger record. */
public class AppendOnlyH2Trigger implements Trigger {

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException(
        "evidence_record is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
        "23000");
  }
}
