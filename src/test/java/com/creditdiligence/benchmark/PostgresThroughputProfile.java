package com.creditdiligence.benchmark;

import com.creditdiligence.CreditDiligenceApplication;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.platform.IndexedAuthorizedGroups;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a task completion's time goes on PostgreSQL (issue 9): the same drive as {@link PlatformBenchmark}'s
 * throughput, in several configurations booted side by side and run in turn, so that the shared
 * machine's noise falls on all of them alike. For each: completions per second, and per completion the
 * statements PostgreSQL executed and their time (pg_stat_statements), and the commits. Then the
 * statements that cost most in the full application, and a trivial process (seven user tasks, two
 * variables each, no listeners) as the engine's own ceiling on this machine. Prints; asserts nothing.
 *
 * <p>Run: {@code mvn -Pbenchmark -Dbpmnlint.skip=true -Dnpm.skip=true -Dtest=PostgresThroughputProfile test};
 * {@code -Dprofile.variants=full,bare,...} picks configurations; {@code -Dprofile.statements=true} lists the
 * top statements of the full application.
 */
@Tag("benchmark")
class PostgresThroughputProfile {

  private static final int REPEATS = Integer.getInteger("profile.repeats", 3);
  private static final int CASES_PER_RUN = 16;
  private static final int COMPLETIONS_PER_CASE = 7;
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  /** A configuration: the application's arguments and PostgreSQL's settings on top of PlatformBenchmark's. */
  record Variant(String name, String description, boolean trivial, int clients, Map<String, String> server,
                 List<String> args) {

    /** Variables each completion of the trivial process submits: 2, or as many as the variant's name says. */
    int variables() {
      return name.endsWith("vars") ? Integer.parseInt(name.replaceAll("\\D", "")) : 2;
    }
  }

  private static final List<Variant> VARIANTS = List.of(
      new Variant("full", "full application (as PlatformBenchmark: synchronous_commit off)", false, 1, Map.of(),
          List.of()),
      new Variant("full-norewrite", "full application, batched inserts not rewritten (before this change)", false, 1,
          Map.of(), List.of("--spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=false")),
      new Variant("full-sync", "full application, synchronous_commit on (PostgreSQL's default)", false, 1,
          Map.of("synchronous_commit", "on"), List.of()),
      new Variant("bare", "bare engine (no diligence listeners)", false, 1, Map.of(),
          List.of("--credit-diligence.diligence.enabled=false")),
      new Variant("full-audit", "full application, history level audit instead of full", false, 1, Map.of(),
          List.of("--camunda.bpm.history-level=audit")),
      new Variant("full-noauth", "full application, Camunda authorization off", false, 1, Map.of(),
          List.of("--camunda.bpm.authorization.enabled=false")),
      new Variant("trivial", "trivial process: 7 user tasks, 2 variables each, no listeners, history full", true, 1,
          Map.of(), List.of("--credit-diligence.diligence.enabled=false")),
      new Variant("full-2", "full application, 2 clients", false, 2, Map.of(), List.of()),
      new Variant("trivial-2", "trivial process, 2 clients", true, 2, Map.of(),
          List.of("--credit-diligence.diligence.enabled=false")),
      new Variant("trivial-22vars", "trivial process, 22 variables per completion (the lifecycle's average)", true, 1,
          Map.of(), List.of("--credit-diligence.diligence.enabled=false")),
      new Variant("trivial-sync", "trivial process, synchronous_commit on", true, 1, Map.of("synchronous_commit", "on"),
          List.of("--credit-diligence.diligence.enabled=false")));

  @Test
  void whereACompletionsTimeGoes() throws Exception {
    List<String> picked = Arrays.asList(System.getProperty("profile.variants",
        "full,full-norewrite,full-2,full-sync,bare,full-audit,full-noauth,trivial,trivial-22vars,trivial-2,trivial-sync").split(","));
    List<Node> nodes = new ArrayList<>();
    try {
      for (String name : picked) {
        nodes.add(Node.boot(VARIANTS.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow()));
      }
      for (Node node : nodes) {
        node.drive(4);   // warm-up: JIT, caches
        node.resetStatistics();
      }
      for (int run = 0; run < REPEATS; run++) {
        for (Node node : nodes) {
          double seconds = node.drive(CASES_PER_RUN);
          node.wallSeconds += seconds;
          node.perSecond.add(CASES_PER_RUN * COMPLETIONS_PER_CASE / seconds);
        }
      }
      System.out.println("\n[profile] | configuration | completions/s (median, min–max) | wall ms per completion "
          + "| Java CPU ms per completion (client threads) | statements per completion "
          + "| PostgreSQL execution ms per completion | commits per completion |");
      System.out.println("[profile] |---|---|---|---|---|---|---|");
      for (Node node : nodes) {
        node.printSummary();
      }
      if (Boolean.getBoolean("profile.statements")) {
        for (Node node : nodes) {
          node.printStatements(25);
        }
      }
      if (Integer.getInteger("profile.explain", 0) > 0) {
        nodes.get(0).explainAuthorizationAtVolume(Integer.getInteger("profile.explain"));
      }
    } finally {
      for (Node node : nodes) {
        node.close();
      }
    }
  }

  static final class Node implements AutoCloseable {
    final Variant variant;
    final EmbeddedPostgres postgres;
    final ConfigurableApplicationContext app;
    final ProcessEngine engine;
    final JdbcClient database;
    final List<Double> perSecond = new ArrayList<>();
    final java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
    double wallSeconds;
    long commitsBefore;

    private Node(Variant variant, EmbeddedPostgres postgres, ConfigurableApplicationContext app) {
      this.variant = variant;
      this.postgres = postgres;
      this.app = app;
      this.engine = app.getBean(ProcessEngine.class);
      this.database = JdbcClient.create(postgres.getPostgresDatabase());
    }

    static Node boot(Variant variant) throws Exception {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setServerConfig("shared_preload_libraries", "pg_stat_statements")
          .setServerConfig("pg_stat_statements.track", "all");
      variant.server().forEach(builder::setServerConfig);
      EmbeddedPostgres postgres = builder.start();
      JdbcClient.create(postgres.getPostgresDatabase()).sql("CREATE EXTENSION pg_stat_statements").update();
      List<String> args = new ArrayList<>(List.of(
          "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
          "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
          "--server.port=0", "--camunda.bpm.process-engine-name=profile-" + variant.name().replace("-", ""),
          "--camunda.bpm.webapp.enabled=false", "--camunda.bpm.job-execution.enabled=false",
          "--credit-diligence.demo.users=true", "--credit-diligence.demo.cases=false"));
      args.addAll(variant.args());
      args.addAll(com.creditdiligence.evidence.TestCheckpoints.arguments(
          com.creditdiligence.evidence.TestCheckpoints.newStore()));
      ConfigurableApplicationContext app = new SpringApplicationBuilder(CreditDiligenceApplication.class)
          .profiles("postgres").run(args.toArray(String[]::new));
      Node node = new Node(variant, postgres, app);
      if (variant.trivial()) {
        node.deployTrivial();
      }
      return node;
    }

    void deployTrivial() {
      AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("trivial").startEvent();
      for (int i = 1; i <= COMPLETIONS_PER_CASE; i++) {
        flow = flow.userTask("Task_" + i).camundaAssignee("${starter}");
      }
      engine.getRepositoryService().createDeployment().name("trivial")
          .addModelInstance("trivial.bpmn", flow.endEvent().done()).deploy();
    }

    /** Drives the cases with the variant's clients; returns the wall time, and adds the clients' CPU time. */
    double drive(int cases) throws Exception {
      int clients = variant.clients();
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      long start = System.nanoTime();
      try {
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
          int client = c;
          work.add(pool.submit(() -> {
            long cpu = THREADS.getCurrentThreadCpuTime();
            LifecycleDriver driver = new LifecycleDriver(engine);
            for (int i = client; i < cases; i += clients) {
              if (variant.trivial()) {
                trivialCase(i % 2 == 0 ? "manager1" : "manager2");
              } else {
                driver.issuedGuarantee(i % 2 == 0 ? "manager1" : "manager2", "基准" + System.nanoTime() + "公司",
                    1_000_000);
              }
            }
            cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
            return null;
          }));
        }
        for (Future<?> done : work) {
          done.get();
        }
      } finally {
        pool.shutdown();
      }
      return (System.nanoTime() - start) / 1e9;
    }

    /** The engine alone: start, then each task queried and completed with two variables; no user signed in. */
    private void trivialCase(String user) {
      String id = engine.getRuntimeService().startProcessInstanceByKey("trivial", Map.of("starter", user))
          .getId();
      for (int i = 1; i <= COMPLETIONS_PER_CASE; i++) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).taskAssignee(user)
            .singleResult();
        Map<String, Object> values = new java.util.HashMap<>();
        for (int v = 0; v < variant.variables(); v++) {
          values.put("field" + v + "_" + i, v % 2 == 0 ? "approve" : "ok");
        }
        engine.getFormService().submitTaskForm(task.getId(), values);
      }
    }

    void resetStatistics() {
      cpuNanos.set(0);
      database.sql("SELECT pg_stat_statements_reset()").query().singleRow();
      database.sql("SELECT pg_stat_reset()").query().singleRow();
      commitsBefore = commits();
    }

    private long commits() {
      return database.sql("SELECT xact_commit FROM pg_stat_database WHERE datname = 'postgres'")
          .query(Long.class).single();
    }

    void printSummary() {
      double completions = REPEATS * CASES_PER_RUN * COMPLETIONS_PER_CASE;
      Map<String, Object> totals = database.sql("""
              SELECT COALESCE(SUM(calls), 0) AS calls, COALESCE(SUM(total_exec_time), 0) AS ms
              FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat%'""").query().singleRow();
      double calls = ((Number) totals.get("calls")).doubleValue();
      double millis = ((Number) totals.get("ms")).doubleValue();
      System.out.printf(Locale.ROOT, "[profile] | %s | %.0f (%.0f–%.0f) | %.1f | %.1f | %.0f | %.2f | %.1f |%n",
          variant.description(), median(perSecond), Collections.min(perSecond), Collections.max(perSecond),
          wallSeconds * 1000 / completions, cpuNanos.get() / 1e6 / completions, calls / completions,
          millis / completions, (commits() - commitsBefore) / completions);
    }

    /**
     * The plans of the authorization statements a completion runs, with the table grown by synthetic grants
     * as a deployment with many tasks has them (a user grant per task, as Camunda gives an assignee).
     */
    void explainAuthorizationAtVolume(int grants) {
      System.out.println("\n[profile] authorization statements with ACT_RU_AUTHORIZATION grown by " + grants
          + " task grants, " + variant.description());
      database.sql("""
              INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)
              SELECT 'volume-' || g, 1, 1, NULL, 'manager' || (g % 2 + 1), 7, 'volume-task-' || g, 2147483647
              FROM generate_series(1, ?) g""").param(grants).update();
      database.sql("ANALYZE ACT_RU_AUTHORIZATION").update();
      explain("SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A");
      explain(IndexedAuthorizedGroups.DISTINCT_GROUPS.formatted(""));
    }

    private void explain(String sql) {
      try (var connection = postgres.getPostgresDatabase().getConnection();
           var statement = connection.createStatement()) {
        try (var plan = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
          System.out.println("[profile] EXPLAIN ANALYZE " + sql);
          while (plan.next()) {
            System.out.println("[profile]   " + plan.getString(1));
          }
        }
      } catch (java.sql.SQLException e) {
        System.out.println("[profile] (could not explain " + sql + ": " + e.getMessage() + ")");
      }
    }

    void printStatements(int limit) {
      double completions = REPEATS * CASES_PER_RUN * COMPLETIONS_PER_CASE;
      System.out.println("\n[profile] top statements, " + variant.description()
          + " (per completion: calls, ms; mean ms per call; statement)");
      database.sql("""
              SELECT calls, total_exec_time, mean_exec_time, regexp_replace(query, '\\s+', ' ', 'g') AS query
              FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat%' ORDER BY total_exec_time DESC LIMIT ?""")
          .param(limit).query().listOfRows().forEach(row -> {
            String query = (String) row.get("query");
            System.out.printf(Locale.ROOT, "[profile] %6.2f %7.3f %7.3f  %s%n",
                ((Number) row.get("calls")).doubleValue() / completions,
                ((Number) row.get("total_exec_time")).doubleValue() / completions,
                ((Number) row.get("mean_exec_time")).doubleValue(),
                query.length() > 220 ? query.substring(0, 220) + "…" : query);
          });
    }

    @Override
    public void close() throws Exception {
      app.close();
      postgres.close();
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }
}
