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
 * <p>By default (issue 23) it runs the full application, the bare engine and the trivial process, each with 1 and
 * 2 clients, on embedded PostgreSQL and on H2 in memory ({@code h2-} names; H2's own statement statistics stand in
 * for pg_stat_statements), and prints per completion also the process variables written (rows inserted into or
 * updated in {@code ACT_RU_VARIABLE}) and the history rows written ({@code ACT_HI_*}).
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
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** A configuration: the application's arguments and PostgreSQL's settings on top of PlatformBenchmark's. */
  record Variant(
      String name,
      String description,
      boolean trivial,
      int clients,
      Map<String, String> server,
      List<String> args) {

    /** Variables each completion of the trivial process submits: 2, or as many as the variant's name says. */
    int variables() {
      return name.endsWith("vars") ? Integer.parseInt(name.replaceAll("\\D", "")) : 2;
    }

    /** On H2 in memory (the name starts with {@code h2-}) rather than on embedded PostgreSQL. */
    boolean h2() {
      return name.startsWith("h2-");
    }

    /** The trivial process submitting its 22 values as one Json variable (the lifecycle's average, issue 23 item 1). */
    boolean json() {
      return name.endsWith("-json");
    }

    Variant onH2() {
      return new Variant("h2-" + name, "H2: " + description, trivial, clients, Map.of(), args);
    }
  }

  private static final List<Variant> ON_POSTGRES =
      List.of(
          new Variant(
              "full",
              "full application (as PlatformBenchmark: synchronous_commit off)",
              false,
              1,
              Map.of(),
              List.of()),
          new Variant(
              "full-norewrite",
              "full application, batched inserts not rewritten (before this change)",
              false,
              1,
              Map.of(),
              List.of(
                  "--spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=false")),
          new Variant(
              "full-sync",
              "full application, synchronous_commit on (PostgreSQL's default)",
              false,
              1,
              Map.of("synchronous_commit", "on"),
              List.of()),
          new Variant(
              "bare",
              "bare engine (no diligence listeners)",
              false,
              1,
              Map.of(),
              List.of("--credit-diligence.diligence.enabled=false")),
          new Variant(
              "bare-2",
              "bare engine, 2 clients",
              false,
              2,
              Map.of(),
              List.of("--credit-diligence.diligence.enabled=false")),
          new Variant(
              "full-audit",
              "full application, history level audit instead of full",
              false,
              1,
              Map.of(),
              List.of("--camunda.bpm.history-level=audit")),
          new Variant(
              "full-activity",
              "full application, history level activity instead of full",
              false,
              1,
              Map.of(),
              List.of("--camunda.bpm.history-level=activity")),
          new Variant(
              "full-audit-2",
              "full application, history level audit, 2 clients",
              false,
              2,
              Map.of(),
              List.of("--camunda.bpm.history-level=audit")),
          new Variant(
              "full-activity-2",
              "full application, history level activity, 2 clients",
              false,
              2,
              Map.of(),
              List.of("--camunda.bpm.history-level=activity")),
          new Variant(
              "full-stored",
              "full application, every submitted value a process variable (transient submissions off, before issue 23)",
              false,
              1,
              Map.of(),
              List.of("--credit-diligence.variables.transient-submissions=false")),
          new Variant(
              "full-stored-2",
              "full application, every submitted value a process variable, 2 clients",
              false,
              2,
              Map.of(),
              List.of("--credit-diligence.variables.transient-submissions=false")),
          new Variant(
              "full-transient",
              "full application, submitted values nothing later reads kept transient (issue 23 item 1)",
              false,
              1,
              Map.of(),
              List.of("--credit-diligence.variables.transient-submissions=true")),
          new Variant(
              "full-transient-2",
              "full application, transient submissions, 2 clients",
              false,
              2,
              Map.of(),
              List.of("--credit-diligence.variables.transient-submissions=true")),
          new Variant(
              "full-transient-audit",
              "full application, transient submissions, history level audit",
              false,
              1,
              Map.of(),
              List.of(
                  "--credit-diligence.variables.transient-submissions=true",
                  "--camunda.bpm.history-level=audit")),
          new Variant(
              "full-transient-audit-2",
              "full application, transient submissions, history level audit, 2 clients",
              false,
              2,
              Map.of(),
              List.of(
                  "--credit-diligence.variables.transient-submissions=true",
                  "--camunda.bpm.history-level=audit")),
          new Variant(
              "full-noauth",
              "full application, Camunda authorization off",
              false,
              1,
              Map.of(),
              List.of("--camunda.bpm.authorization.enabled=false")),
          new Variant(
              "trivial",
              "trivial process: 7 user tasks, 2 variables each, no listeners, history full",
              true,
              1,
              Map.of(),
              List.of("--credit-diligence.diligence.enabled=false")),
          new Variant("full-2", "full application, 2 clients", false, 2, Map.of(), List.of()),
          new Variant(
              "trivial-2",
              "trivial process, 2 clients",
              true,
              2,
              Map.of(),
              List.of("--credit-diligence.diligence.enabled=false")),
          new Variant(
              "trivial-22vars",
              "trivial process, 22 variables per completion (the lifecycle's average)",
              true,
              1,
              Map.of(),
              List.of("--credit-diligence.diligence.enabled=false")),
          new Variant(
              "trivial-json",
              "trivial process, the same 22 values as one Json variable per completion",
              true,
              1,
              Map.of(),
              List.of("--credit-diligence.diligence.enabled=false")),
          new Variant(
              "trivial-sync",
              "trivial process, synchronous_commit on",
              true,
              1,
              Map.of("synchronous_commit", "on"),
              List.of("--credit-diligence.diligence.enabled=false")));

  /** Every configuration on PostgreSQL, and the same on H2 in memory ({@code h2-} before its name). */
  private static final List<Variant> VARIANTS =
      java.util.stream.Stream.concat(
              ON_POSTGRES.stream(),
              ON_POSTGRES.stream()
                  .filter(v -> v.server().isEmpty() && !v.name().contains("norewrite"))
                  .map(Variant::onH2))
          .toList();

  /**
   * Issue 23 item 3: full, bare and trivial with 1 and 2 clients, on PostgreSQL and on H2, in one run; and the full
   * application as it was before transient submissions (item 1) were on by default.
   */
  private static final String SIDE_BY_SIDE =
      "full,full-2,bare,bare-2,trivial,trivial-2,full-stored,full-stored-2,"
          + "h2-full,h2-full-2,h2-bare,h2-bare-2,h2-trivial,h2-trivial-2,h2-full-stored,h2-full-stored-2";

  @Test
  void whereACompletionsTimeGoes() throws Exception {
    List<String> picked =
        Arrays.asList(System.getProperty("profile.variants", SIDE_BY_SIDE).split(","));
    System.out.println("[profile] load average at start: " + loadAverage());
    List<Node> nodes = new ArrayList<>();
    try {
      for (String name : picked) {
        nodes.add(
            Node.boot(
                VARIANTS.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow()));
      }
      for (Node node : nodes) {
        node.drive(4); // warm-up: JIT, caches
        node.resetStatistics();
      }
      for (int run = 0; run < REPEATS; run++) {
        for (Node node : nodes) {
          double seconds = node.drive(CASES_PER_RUN);
          node.wallSeconds += seconds;
          node.perSecond.add(CASES_PER_RUN * COMPLETIONS_PER_CASE / seconds);
        }
      }
      System.out.println("\n[profile] load average at end: " + loadAverage());
      System.out.println(
          "[profile] | configuration | completions/s (median, min–max) | wall ms per completion "
              + "| Java CPU ms per completion (client threads) | statements per completion "
              + "| database execution ms per completion | commits per completion "
              + "| process variables written per completion | history rows written per completion |");
      System.out.println("[profile] |---|---|---|---|---|---|---|---|---|");
      for (Node node : nodes) {
        node.printSummary();
      }
      if (Boolean.getBoolean("profile.statements")) {
        for (Node node : nodes) {
          node.printStatements(25);
        }
        for (Node node : nodes) {
          node.printStatementGroups();
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
    final java.util.concurrent.atomic.AtomicLong cpuNanos =
        new java.util.concurrent.atomic.AtomicLong();
    double wallSeconds;
    long commitsBefore;

    private Node(Variant variant, EmbeddedPostgres postgres, ConfigurableApplicationContext app) {
      this.variant = variant;
      this.postgres = postgres;
      this.app = app;
      this.engine = app.getBean(ProcessEngine.class);
      this.database =
          JdbcClient.create(
              postgres == null
                  ? app.getBean(javax.sql.DataSource.class)
                  : postgres.getPostgresDatabase());
    }

    static Node boot(Variant variant) throws Exception {
      return variant.h2() ? bootOnH2(variant) : bootOnPostgres(variant);
    }

    /**
     * H2 in memory as PlatformBenchmark's H2 part, with H2's own statement statistics (each statement's executions,
     * time and rows; a JDBC batch counts each of its rows, as PostgreSQL does without reWriteBatchedInserts).
     */
    static Node bootOnH2(Variant variant) {
      String name = variant.name().replace("-", "");
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--spring.datasource.url=jdbc:h2:mem:profile-"
                      + name
                      + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                  "--server.port=0",
                  "--camunda.bpm.process-engine-name=profile-" + name,
                  "--camunda.bpm.webapp.enabled=false",
                  "--camunda.bpm.job-execution.enabled=false",
                  "--credit-diligence.demo.users=true",
                  "--credit-diligence.demo.cases=false"));
      args.addAll(variant.args());
      args.addAll(
          com.creditdiligence.evidence.TestCheckpoints.arguments(
              com.creditdiligence.evidence.TestCheckpoints.newStore()));
      ConfigurableApplicationContext app =
          new SpringApplicationBuilder(CreditDiligenceApplication.class)
              .profiles("test")
              .run(args.toArray(String[]::new));
      Node node = new Node(variant, null, app);
      node.database.sql("SET QUERY_STATISTICS_MAX_ENTRIES 100000").update();
      if (variant.trivial()) {
        node.deployTrivial();
      }
      return node;
    }

    static Node bootOnPostgres(Variant variant) throws Exception {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setServerConfig("shared_preload_libraries", "pg_stat_statements")
              .setServerConfig("pg_stat_statements.track", "all");
      variant.server().forEach(builder::setServerConfig);
      EmbeddedPostgres postgres = builder.start();
      JdbcClient.create(postgres.getPostgresDatabase())
          .sql("CREATE EXTENSION pg_stat_statements")
          .update();
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                  "--spring.datasource.username=postgres",
                  "--spring.datasource.password=postgres",
                  "--server.port=0",
                  "--camunda.bpm.process-engine-name=profile-" + variant.name().replace("-", ""),
                  "--camunda.bpm.webapp.enabled=false",
                  "--camunda.bpm.job-execution.enabled=false",
                  "--credit-diligence.demo.users=true",
                  "--credit-diligence.demo.cases=false"));
      args.addAll(variant.args());
      args.addAll(
          com.creditdiligence.evidence.TestCheckpoints.arguments(
              com.creditdiligence.evidence.TestCheckpoints.newStore()));
      ConfigurableApplicationContext app =
          new SpringApplicationBuilder(CreditDiligenceApplication.class)
              .profiles("postgres")
              .run(args.toArray(String[]::new));
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
      engine
          .getRepositoryService()
          .createDeployment()
          .name("trivial")
          .addModelInstance("trivial.bpmn", flow.endEvent().done())
          .deploy();
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
          work.add(
              pool.submit(
                  () -> {
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    LifecycleDriver driver = new LifecycleDriver(engine);
                    for (int i = client; i < cases; i += clients) {
                      if (variant.trivial()) {
                        trivialCase(i % 2 == 0 ? "manager1" : "manager2");
                      } else {
                        driver.issuedGuarantee(
                            i % 2 == 0 ? "manager1" : "manager2",
                            "基准" + System.nanoTime() + "公司",
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
      String id =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey("trivial", Map.of("starter", user))
              .getId();
      for (int i = 1; i <= COMPLETIONS_PER_CASE; i++) {
        Task task =
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(id)
                .taskAssignee(user)
                .singleResult();
        Map<String, Object> values = new java.util.HashMap<>();
        if (variant.json()) {
          StringBuilder json = new StringBuilder("{");
          for (int v = 0; v < 22; v++) {
            json.append(v == 0 ? "" : ",")
                .append("\"field")
                .append(v)
                .append("\":\"")
                .append(v % 2 == 0 ? "approve" : "ok")
                .append('"');
          }
          values.put(
              "submission_" + i,
              org.camunda.spin.plugin.variable.SpinValues.jsonValue(json.append('}').toString())
                  .create());
        } else {
          for (int v = 0; v < variant.variables(); v++) {
            values.put("field" + v + "_" + i, v % 2 == 0 ? "approve" : "ok");
          }
        }
        engine.getFormService().submitTaskForm(task.getId(), values);
      }
    }

    void resetStatistics() {
      cpuNanos.set(0);
      if (variant.h2()) {
        database.sql("SET QUERY_STATISTICS FALSE").update(); // empties H2's statistics
        database.sql("SET QUERY_STATISTICS TRUE").update();
      } else {
        database.sql("SELECT pg_stat_statements_reset()").query().singleRow();
        database.sql("SELECT pg_stat_reset()").query().singleRow();
      }
      commitsBefore = commits();
    }

    private long commits() {
      if (variant.h2()) {
        return database
            .sql(
                "SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
                    + "WHERE SQL_STATEMENT = 'COMMIT'")
            .query(Long.class)
            .single();
      }
      return database
          .sql("SELECT xact_commit FROM pg_stat_database WHERE datname = 'postgres'")
          .query(Long.class)
          .single();
    }

    /** Statements (calls), their execution ms, and the rows written into the engine's variable and history tables. */
    private Map<String, Object> statistics() {
      if (variant.h2()) {
        return database
            .sql(
                """
                SELECT COALESCE(SUM(EXECUTION_COUNT), 0) AS calls, COALESCE(SUM(CUMULATIVE_EXECUTION_TIME), 0) AS ms,
                  COALESCE(SUM(CASE WHEN SQL_STATEMENT ILIKE 'insert into ACT_RU_VARIABLE%'
                    OR SQL_STATEMENT ILIKE 'update ACT_RU_VARIABLE%' THEN CUMULATIVE_ROW_COUNT END), 0) AS variables,
                  COALESCE(SUM(CASE WHEN SQL_STATEMENT ILIKE 'insert into ACT_HI_%'
                    OR SQL_STATEMENT ILIKE 'update ACT_HI_%' THEN CUMULATIVE_ROW_COUNT END), 0) AS history
                FROM INFORMATION_SCHEMA.QUERY_STATISTICS
                WHERE SQL_STATEMENT <> 'COMMIT' AND SQL_STATEMENT NOT ILIKE '%QUERY_STATISTICS%'""")
            .query()
            .singleRow();
      }
      return database
          .sql(
              """
              SELECT COALESCE(SUM(calls), 0) AS calls, COALESCE(SUM(total_exec_time), 0) AS ms,
                COALESCE(SUM(CASE WHEN query ILIKE 'insert into ACT_RU_VARIABLE%'
                  OR query ILIKE 'update ACT_RU_VARIABLE%' THEN rows END), 0) AS variables,
                COALESCE(SUM(CASE WHEN query ILIKE 'insert into ACT_HI_%'
                  OR query ILIKE 'update ACT_HI_%' THEN rows END), 0) AS history
              FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat%'""")
          .query()
          .singleRow();
    }

    void printSummary() {
      double completions = REPEATS * CASES_PER_RUN * COMPLETIONS_PER_CASE;
      long commits = commits() - commitsBefore; // before the statistics' own statements
      Map<String, Object> totals = statistics();
      double calls = ((Number) totals.get("calls")).doubleValue();
      double millis = ((Number) totals.get("ms")).doubleValue();
      System.out.printf(
          Locale.ROOT,
          "[profile] | %s | %.0f (%.0f–%.0f) | %.1f | %.1f | %.0f | %.2f | %.1f | %.1f | %.1f |%n",
          variant.description(),
          median(perSecond),
          Collections.min(perSecond),
          Collections.max(perSecond),
          wallSeconds * 1000 / completions,
          cpuNanos.get() / 1e6 / completions,
          calls / completions,
          millis / completions,
          commits / completions,
          ((Number) totals.get("variables")).doubleValue() / completions,
          ((Number) totals.get("history")).doubleValue() / completions);
    }

    /**
     * The plans of the authorization statements a completion runs, with the table grown by synthetic grants
     * as a deployment with many tasks has them (a user grant per task, as Camunda gives an assignee).
     */
    void explainAuthorizationAtVolume(int grants) {
      System.out.println(
          "\n[profile] authorization statements with ACT_RU_AUTHORIZATION grown by "
              + grants
              + " task grants, "
              + variant.description());
      database
          .sql(
              """
              INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)
              SELECT 'volume-' || g, 1, 1, NULL, 'manager' || (g % 2 + 1), 7, 'volume-task-' || g, 2147483647
              FROM generate_series(1, ?) g""")
          .param(grants)
          .update();
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
      if (variant.h2()) {
        return;
      }
      double completions = REPEATS * CASES_PER_RUN * COMPLETIONS_PER_CASE;
      System.out.println(
          "\n[profile] top statements, "
              + variant.description()
              + " (per completion: calls, ms; mean ms per call; statement)");
      database
          .sql(
              """
              SELECT calls, total_exec_time, mean_exec_time, regexp_replace(query, '\\s+', ' ', 'g') AS query
              FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat%' ORDER BY total_exec_time DESC LIMIT ?""")
          .param(limit)
          .query()
          .listOfRows()
          .forEach(
              row -> {
                String query = (String) row.get("query");
                System.out.printf(
                    Locale.ROOT,
                    "[profile] %6.2f %7.3f %7.3f  %s%n",
                    ((Number) row.get("calls")).doubleValue() / completions,
                    ((Number) row.get("total_exec_time")).doubleValue() / completions,
                    ((Number) row.get("mean_exec_time")).doubleValue(),
                    query.length() > 220 ? query.substring(0, 220) + "…" : query);
              });
    }

    /**
     * Every statement of a completion by what it is for (issue 23: the full application's statements beyond the
     * trivial process's): the ledger, authorization, history, variables, the engine's runtime, our own tables; a
     * PostgreSQL foreign-key check ({@code SELECT 1 FROM ONLY …}) is counted apart. Then each statement by calls.
     */
    void printStatementGroups() {
      if (variant.h2()) {
        return;
      }
      double completions = REPEATS * CASES_PER_RUN * COMPLETIONS_PER_CASE;
      List<Map<String, Object>> rows =
          database
              .sql(
                  """
                  SELECT calls, regexp_replace(query, '\\s+', ' ', 'g') AS query
                  FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat%' ORDER BY calls DESC""")
              .query()
              .listOfRows();
      Map<String, Double> groups = new java.util.TreeMap<>();
      for (Map<String, Object> row : rows) {
        groups.merge(
            statementGroup((String) row.get("query")),
            ((Number) row.get("calls")).doubleValue() / completions,
            Double::sum);
      }
      System.out.println(
          "\n[profile] statements by group, "
              + variant.description()
              + ": "
              + groups.entrySet().stream()
                  .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                  .collect(java.util.stream.Collectors.joining(" · "))
              + String.format(
                  Locale.ROOT,
                  " (total %.1f)",
                  groups.values().stream().mapToDouble(Double::doubleValue).sum()));
      System.out.println(
          "[profile] every statement by calls, " + variant.description() + " (per completion):");
      for (Map<String, Object> row : rows) {
        double calls = ((Number) row.get("calls")).doubleValue() / completions;
        if (calls < 0.05) {
          continue;
        }
        String query = (String) row.get("query");
        System.out.printf(
            Locale.ROOT,
            "[profile] %6.2f %-14s %s%n",
            calls,
            statementGroup(query),
            query.length() > 200 ? query.substring(0, 200) + "…" : query);
      }
    }

    static String statementGroup(String query) {
      String q = query.toLowerCase(Locale.ROOT);
      if (q.startsWith("select 1 from only")) {
        return "fk-check";
      }
      if (q.contains("evidence_")) {
        return "ledger";
      }
      if (q.contains("act_ru_authorization")
          || q.contains("act_id_user")
          || q.contains("act_id_group")
          || q.contains(
              "act_id_membership")) { // not ACT_ID_, a column of ACT_RU_EXECUTION and others
        return "authorization";
      }
      if (q.contains("act_hi_")) {
        return "history";
      }
      if (q.contains("act_ru_variable") || q.contains("act_ge_bytearray")) {
        return "variables";
      }
      if (q.contains("act_")) {
        return "engine";
      }
      if (q.startsWith("commit")
          || q.startsWith("begin")
          || q.startsWith("set ")
          || q.equals("select 1")) {
        return "session";
      }
      return "ours";
    }

    @Override
    public void close() throws Exception {
      app.close();
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return String.valueOf(
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }
}
