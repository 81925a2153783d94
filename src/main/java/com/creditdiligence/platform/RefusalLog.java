package com.creditdiligence.platform;

import com.creditdiligence.submission.Refusal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every refused submission — a manager voting on their own case, an auditor deciding their own
 * review, a report without its evidence — in its own transaction, because the refusal rolls back the
 * engine's; {@link RefusalUnwrappingInterceptor} hands it over once that has rolled back. Department heads and
 * auditors read it ({@code GET /api/refused-submissions}).
 */
@Component
public class RefusalLog {

  private static final int MAX_REASONS = 4000;

  /** As long as the engine's own business keys and element ids (refused_submission holds as much). */
  private static final int MAX_KEY = 255;

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  RefusalLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  void record(String elementId, SubmissionRefusedException.ToBeLogged who, List<Refusal> refusals) {
    String reasons = String.join("; ", refusals.stream().map(Refusal::toString).toList());
    ownTransaction.executeWithoutResult(
        tx ->
            jdbc.sql(
                    """
            INSERT INTO refused_submission (business_key, element_id, task_id, performer, refused_at, reasons)
            VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                    cut(who.businessKey(), MAX_KEY),
                    cut(elementId, MAX_KEY),
                    who.taskId(),
                    who.performer(),
                    Timestamp.from(who.at()),
                    cut(reasons, MAX_REASONS))
                .update());
  }

  /** A refusal is kept even when what it names is longer than the log holds: a record cut short, not a lost one. */
  private static String cut(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }

  public List<Map<String, Object>> recent(int limit) {
    return jdbc.sql(
            """
            SELECT business_key, element_id, task_id, performer, refused_at, reasons FROM refused_submission
            ORDER BY id DESC FETCH FIRST ? ROWS ONLY""")
        .param(limit)
        .query()
        .listOfRows();
  }
}
