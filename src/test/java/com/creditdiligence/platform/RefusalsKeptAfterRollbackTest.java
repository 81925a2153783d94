package com.creditdiligence.platform;

import static com.creditdiligence.ApplicationSchema.migrate;
import static com.creditdiligence.ApplicationSchema.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.creditdiligence.submission.Refusal;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A refused submission is kept after the engine's transaction has rolled back and given its connection back, never
 * in a second connection beside the one the refused command holds: as many refusals at once as the pool had
 * connections would each hold one and wait for another. On a pool of one connection, it is kept all the same.
 */
class RefusalsKeptAfterRollbackTest {

  private static final Instant AT = Instant.parse("2026-12-02T02:00:00Z");

  private HikariDataSource pool;
  private RefusalLog log;

  @BeforeEach
  void onePooledConnection() {
    // A database of each test's own.
    pool =
        pool(
            "jdbc:h2:mem:refusals-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "sa",
            1);
    migrate(pool, "h2");
    log = new RefusalLog(JdbcClient.create(pool), new DataSourceTransactionManager(pool));
  }

  @AfterEach
  void close() {
    JdbcClient.create(pool).sql("SHUTDOWN").update();
    pool.close();
  }

  @Test
  void aRefusedCompletionIsKeptOnAPoolOfOneConnection() {
    RefusalUnwrappingInterceptor interceptor = interceptor(refusedInItsTransaction("manager1"));

    assertThatThrownBy(() -> interceptor.execute(command()))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("表决理由 rationale required");
    assertThat(kept())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("performer")).isEqualTo("manager1");
              assertThat(row.get("business_key")).isEqualTo("GA-2026-000201");
              assertThat(row.get("element_id")).isEqualTo("Task_CommitteeVote");
              assertThat((String) row.get("reasons")).contains("表决理由 rationale required");
            });
  }

  @Test
  void aRefusalInACommandRunInsideAnotherIsKeptOnce() {
    RefusalUnwrappingInterceptor inner = interceptor(refusedInItsTransaction("committee1"));
    // The outer command (a delegate's, say) runs the refused one inside its own command context.
    RefusalUnwrappingInterceptor outer =
        interceptor(
            new CommandInterceptor() {
              @Override
              public <T> T execute(Command<T> command) {
                Context.setCommandContext(mock(CommandContext.class));
                try {
                  return inner.execute(command);
                } finally {
                  Context.removeCommandContext();
                }
              }
            });

    assertThatThrownBy(() -> outer.execute(command()))
        .isInstanceOf(SubmissionRefusedException.class);
    assertThat(kept())
        .singleElement()
        .extracting(row -> row.get("performer"))
        .isEqualTo("committee1");
  }

  @Test
  void aRefusalNotMeantForTheLogIsNotKept() {
    RefusalUnwrappingInterceptor interceptor =
        interceptor(
            new CommandInterceptor() {
              @Override
              public <T> T execute(Command<T> command) {
                throw new SubmissionRefusedException(
                    "Task_CustomerIntake", List.of(new Refusal("businessKey", "编号有误 bad number")));
              }
            });

    assertThatThrownBy(() -> interceptor.execute(command()))
        .isInstanceOf(SubmissionRefusedException.class);
    assertThat(kept()).isEmpty();
  }

  /** The engine's part of the chain: a transaction holding the pool's connection, in which the guard refuses. */
  private CommandInterceptor refusedInItsTransaction(String performer) {
    return new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        return new TransactionTemplate(new DataSourceTransactionManager(pool))
            .execute(
                tx -> {
                  JdbcClient.create(pool).sql("SELECT 1").query(Integer.class).single();
                  throw new SubmissionRefusedException(
                          "Task_CommitteeVote",
                          List.of(new Refusal("voteRationale", "表决理由 rationale required")))
                      .logged("GA-2026-000201", "task-1", performer, AT);
                });
      }
    };
  }

  private RefusalUnwrappingInterceptor interceptor(CommandInterceptor next) {
    RefusalUnwrappingInterceptor interceptor = new RefusalUnwrappingInterceptor(log);
    interceptor.setNext(next);
    return interceptor;
  }

  private static Command<Void> command() {
    return commandContext -> null;
  }

  /** The log's rows; column names read in any case (H2 gives them in capitals). */
  private List<Map<String, Object>> kept() {
    return JdbcClient.create(pool)
        .sql("SELECT business_key, element_id, performer, reasons FROM refused_submission")
        .query()
        .listOfRows();
  }
}
