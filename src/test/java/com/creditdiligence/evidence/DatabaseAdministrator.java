package com.creditdiligence.evidence;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What a database administrator could do on the embedded H2: drop the append-only triggers, tamper, put them back. */
public final class DatabaseAdministrator {

  private DatabaseAdministrator() {}

  public static void tamperWithoutTriggers(JdbcClient jdbc, Runnable tampering) {
    jdbc.sql("DROP TRIGGER evidence_record_no_update").update();
    jdbc.sql("DROP TRIGGER evidence_record_no_delete").update();
    try {
      tampering.run();
    } finally {
      jdbc.sql(
              "CREATE TRIGGER evidence_record_no_update BEFORE UPDATE ON evidence_record FOR EACH ROW "
                  + "CALL 'com.creditdiligence.evidence.AppendOnlyH2Trigger'")
          .update();
      jdbc.sql(
              "CREATE TRIGGER evidence_record_no_delete BEFORE DELETE ON evidence_record FOR EACH ROW "
                  + "CALL 'com.creditdiligence.evidence.AppendOnlyH2Trigger'")
          .update();
    }
  }
}
