package com.creditdiligence.benchmark;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.CreditDiligenceApplication;
import com.creditdiligence.HttpBasic;
import com.creditdiligence.audit.Timeline;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.ChainVerifier;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.EvidenceRecords;
import com.creditdiligence.evidence.EvidenceSummary;
import com.creditdiligence.evidence.NewEvidence;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.platform.TaskRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures of issue 9, printed as one table: diligence overhead over the bare engine, throughput
 * with 1 and 2 clients, task lists at volume, replay of a long case, ledger verification, start-up.
 * Each figure is the median of repeated runs with its spread. Run with
 * {@code mvn -Pbenchmark -Dbpmnlint.skip=true test}; see BENCHMARKS.md. A part alone (or a few, comma-separated)
 * with {@code -Dbenchmark.only=startup,h2,postgres,tasklists,replay,verification}: {@code replay} alone
 * measures the long case without generating the task lists' volume.
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformBenchmark {

  private static final int REPEATS = 3;
  private static final int CASES_PER_RUN = 16;

  /** Completions per case driven to issue: investigation, evaluation, three votes, contracts, issue. */
  private static final int COMPLETIONS_PER_CASE = 7;

  private static final int OPEN_TASKS = 10_000;
  private static final int HISTORIC_CASES = 100_000;
  private static final int TIMELINE_EVENTS = 1_000;
  private static final int VERIFIED_RECORDS = 1_000_000;
  private static final List<String> TABLE = Collections.synchronizedList(new ArrayList<>());

  /** The parts of {@code -Dbenchmark.only}; empty runs all. */
  private static final Set<String> ONLY =
      Arrays.stream(System.getProperty("benchmark.only", "").split(","))
          .map(String::trim)
          .filter(part -> !part.isEmpty())
          .collect(Collectors.toSet());

  private static boolean selected(String part) {
    return ONLY.isEmpty() || ONLY.contains(part);
  }

  private static void only(String... parts) {
    Assumptions.assumeTrue(
        Arrays.stream(parts).anyMatch(PlatformBenchmark::selected),
        "not selected by -Dbenchmark.only=" + String.join(",", ONLY));
  }

  @Test
  @Order(1)
  void startUpToAServedTasklist() throws Exception {
    only("startup");
    long start = System.nanoTime();
    try (ConfigurableApplicationContext app = h2("startup", true, true)) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      int status = http("GET", port, "/camunda/app/tasklist/default/", null, null);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(status).isEqualTo(200);
      row(
          "start-up to a served Tasklist (H2, demo users)",
          "%.1f s".formatted(seconds),
          "single run",
          "—");
    }
  }

  @Test
  @Order(2)
  void diligenceOverheadAndThroughputOnH2() throws Exception {
    only("h2");
    overheadAndThroughput("H2", enabled -> h2("throughput-" + enabled, enabled, false));
  }

  @Test
  @Order(3)
  void diligenceOverheadAndThroughputOnPostgres() throws Exception {
    only("postgres");
    try (EmbeddedPostgres bare = EmbeddedPostgres.builder().start();
        EmbeddedPostgres full = EmbeddedPostgres.builder().start()) {
      overheadAndThroughput("PostgreSQL", enabled -> postgres(enabled ? full : bare, enabled));
    }
  }

  @Test
  @Order(4)
  void taskListsReplayAndVerificationAtVolume() throws Exception {
    only("tasklists", "replay");
    try (ConfigurableApplicationContext app = h2("volume", true, false)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      if (selected("tasklists")) {
        taskLists(engine, jdbc);
      }
      if (selected("replay")) {
        replay(app, engine, port);
      }
    }
  }

  private void taskLists(ProcessEngine engine, JdbcClient jdbc) throws Exception {
    long generating = System.nanoTime();
    historicCases(jdbc);
    openTasks(engine);
    row(
        "data generated: " + HISTORIC_CASES + " historic cases, " + OPEN_TASKS + " open tasks",
        "%.0f s".formatted((System.nanoTime() - generating) / 1e9),
        "bulk SQL + engine starts",
        "—");

    Filter mine =
        engine.getFilterService().createFilterQuery().filterName("我的任务 My tasks").singleResult();
    Filter groups =
        engine
            .getFilterService()
            .createFilterQuery()
            .filterName("我组的任务 My groups' tasks")
            .singleResult();
    // As Tasklist asks: the first page (15) and the count of a filter, as the signed-in user with
    // groups.
    List<Double> myTasks = latencies(200, () -> firstPageAndCount(engine, "manager1", mine));
    List<Double> groupTasks = latencies(200, () -> firstPageAndCount(engine, "committee1", groups));
    row(
        "task list «my tasks» (manager1, " + OPEN_TASKS / 2 + " of " + OPEN_TASKS + " open tasks)",
        percentiles(myTasks),
        "200 queries",
        "p95 ≤ 50 ms");
    row(
        "task list «my groups' tasks» (committee1)",
        percentiles(groupTasks),
        "200 queries",
        "p95 ≤ 50 ms");
  }

  private static long firstPageAndCount(ProcessEngine engine, String user, Filter filter) {
    LifecycleDriver.signIn(engine, user);
    try {
      engine.getFilterService().listPage(filter.getId(), 0, 15);
      return engine.getFilterService().count(filter.getId());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void replay(ConfigurableApplicationContext app, ProcessEngine engine, int port) {
    String longCase = longCase(app, engine);
    List<Double> timeline =
        latencies(
            100,
            () ->
                http(
                    "GET",
                    port,
                    "/api/cases/" + longCase + "/timeline?size=1000",
                    "auditor1",
                    null));
    HttpClient kept = HttpClient.newHttpClient();
    List<Double> timelineKeptAlive =
        latencies(
            100,
            () ->
                http(
                    kept,
                    "GET",
                    port,
                    "/api/cases/" + longCase + "/timeline?size=1000",
                    "auditor1",
                    null));
    List<Double> oneEntry =
        latencies(
            100,
            () ->
                http(
                    kept,
                    "GET",
                    port,
                    "/api/cases/" + longCase + "/timeline?size=1",
                    "auditor1",
                    null));
    List<Double> dossier =
        latencies(
            50,
            () -> http("GET", port, "/api/cases/" + longCase + "/dossier.json", "auditor1", null));
    row(
        "replay: timeline of a case with "
            + TIMELINE_EVENTS
            + " events (HTTP, a new client per request)",
        percentiles(timeline),
        "100 requests",
        "p95 ≤ 50 ms");
    row(
        "replay: the same timeline, one client (keep-alive, as a browser)",
        percentiles(timelineKeptAlive),
        "100 requests",
        "p95 ≤ 50 ms");
    row(
        "replay: the same case's timeline, first entry only (size=1: a request's fixed cost), one client",
        percentiles(oneEntry),
        "100 requests",
        "—");
    row("replay: dossier.json of the same case (HTTP)", percentiles(dossier), "50 requests", "—");
    timelineParts(app, longCase);
  }

  /**
   * Where a timeline request's time goes, in process and interleaved (so that the machine's noise falls on
   * every part alike): the HTTP Basic password check, the user's groups, reading the case (all records
   * vs. the timeline's columns), and writing the page as JSON.
   */
  private static void timelineParts(ConfigurableApplicationContext app, String key) {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    EvidenceLedger ledger = app.getBean(EvidenceLedger.class);
    ObjectMapper json = app.getBean(ObjectMapper.class);
    Map<String, String> stages = app.getBean(TaskRules.class).stages();
    var identity = engine.getIdentityService();
    Map<String, Supplier<Object>> parts = new LinkedHashMap<>();
    parts.put("password check (HTTP Basic)", () -> identity.checkPassword("auditor1", "demo"));
    parts.put(
        "the user's groups", () -> identity.createGroupQuery().groupMember("auditor1").list());
    parts.put(
        "read: every full record (before)",
        () -> ledger.records(key).stream().map(EvidenceSummary::of).toList());
    parts.put(
        "read: the timeline's columns (after)",
        () -> ledger.summaries(key, null, null, null, null));
    Object page =
        Timeline.of(
            ledger.summaries(key, null, null, null, null),
            stages,
            new Timeline.Filter(null, null, null, null, null),
            0,
            1000);
    parts.put(
        "map and write 1,000 entries as JSON",
        () -> {
          try {
            return json.writeValueAsBytes(
                    Timeline.of(
                        ledger.summaries(key, null, null, null, null),
                        stages,
                        new Timeline.Filter(null, null, null, null, null),
                        0,
                        1000))
                .length;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    parts.put(
        "write the page only",
        () -> {
          try {
            return json.writeValueAsBytes(page).length;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    parts.keySet().forEach(part -> millis.put(part, new ArrayList<>()));
    for (int i = 0; i < 220; i++) {
      for (Map.Entry<String, Supplier<Object>> part : parts.entrySet()) {
        long start = System.nanoTime();
        part.getValue().get();
        if (i >= 20) {
          millis.get(part.getKey()).add((System.nanoTime() - start) / 1e6);
        }
      }
    }
    millis.forEach(
        (part, values) ->
            row(
                "replay: timeline part, " + part + " (in process)",
                percentiles(values),
                "200 interleaved",
                "—"));
  }

  @Test
  @Order(5)
  void ledgerVerification() {
    only("verification");
    verification();
  }

  @AfterAll
  static void printTable() {
    print();
  }

  // --- overhead and throughput
  // ---------------------------------------------------------------------

  interface Node {
    ConfigurableApplicationContext boot(boolean diligence) throws Exception;
  }

  private void overheadAndThroughput(String database, Node node) throws Exception {
    List<Double> bare1 = throughput(node, false, 1);
    List<Double> full1 = throughput(node, true, 1);
    List<Double> full2 = throughput(node, true, 2);
    row(
        database + ": bare engine, 1 client (completions/s)",
        spread(bare1),
        REPEATS + " × " + CASES_PER_RUN + " cases",
        "—");
    row(
        database + ": full application, 1 client (completions/s)",
        spread(full1),
        REPEATS + " × " + CASES_PER_RUN + " cases",
        database.equals("PostgreSQL") ? "≥ 200/s" : "—");
    row(
        database + ": full application, 2 clients (completions/s)",
        spread(full2),
        REPEATS + " × " + CASES_PER_RUN + " cases",
        database.equals("PostgreSQL") ? "≥ 200/s" : "—");
    row(
        database + ": cost of diligence, time per completion full/bare",
        "%.2f".formatted(median(bare1) / median(full1)),
        "ratio of medians",
        "≤ 1.25");
  }

  /** Completions per second: each run drives fresh cases from intake to issue, the clients in parallel. */
  private List<Double> throughput(Node node, boolean diligence, int clients) throws Exception {
    List<Double> perSecond = new ArrayList<>();
    try (ConfigurableApplicationContext app = node.boot(diligence)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      drive(engine, 4, 1); // warm-up: JIT, caches, deployment cache
      for (int run = 0; run < REPEATS; run++) {
        long start = System.nanoTime();
        drive(engine, CASES_PER_RUN, clients);
        perSecond.add(CASES_PER_RUN * COMPLETIONS_PER_CASE / ((System.nanoTime() - start) / 1e9));
      }
    }
    return perSecond;
  }

  private static void drive(ProcessEngine engine, int cases, int clients) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        work.add(
            pool.submit(
                () -> {
                  LifecycleDriver driver = new LifecycleDriver(engine);
                  for (int i = client; i < cases; i += clients) {
                    driver.issuedGuarantee(
                        i % 2 == 0 ? "manager1" : "manager2",
                        "基准" + System.nanoTime() + "公司",
                        1_000_000);
                  }
                  return null;
                }));
      }
      for (Future<?> done : work) {
        done.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  // --- volume
  // ---------------------------------------------------------------------------------------

  /** Closed cases of past years, in bulk: the application's case table as a deployment of some years holds it. */
  private static void historicCases(JdbcClient jdbc) {
    Timestamp opened = Timestamp.from(Instant.parse("2021-03-01T00:00:00Z"));
    List<Object[]> batch = new ArrayList<>();
    for (int i = 1; i <= HISTORIC_CASES; i++) {
      batch.add(
          new Object[] {
            "GA-2021-%06d".formatted(i),
            "historic-" + i,
            "历史客户" + i,
            "workingCapitalLoan",
            1_000_000,
            12,
            i % 2 == 0 ? "manager1" : "manager2",
            "RELEASED",
            opened,
            opened
          });
      if (batch.size() == 5_000) {
        insertCases(jdbc, batch);
        batch.clear();
      }
    }
    insertCases(jdbc, batch);
  }

  private static void insertCases(JdbcClient jdbc, List<Object[]> rows) {
    for (Object[] row : rows) {
      jdbc.sql(
              """
              INSERT INTO case_file (business_key, process_instance_id, applicant_name, product, amount, term_months,
                                     case_manager, status, opened_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(row)
          .update();
    }
  }

  /** Open tasks the way they arise: applications opened by two managers, each waiting for its investigation. */
  private static void openTasks(ProcessEngine engine) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> work = new ArrayList<>();
    for (String manager : List.of("manager1", "manager2")) {
      work.add(
          pool.submit(
              () -> {
                LifecycleDriver driver = new LifecycleDriver(engine);
                for (int i = 0; i < OPEN_TASKS / 2; i++) {
                  driver.apply(
                      manager, intake("待办客户" + manager + i, "workingCapitalLoan", 1_000_000, 12));
                }
                return null;
              }));
    }
    for (Future<?> done : work) {
      done.get();
    }
    pool.shutdown();
  }

  /** A case whose chain holds {@value #TIMELINE_EVENTS} records: years of monitoring, events and reports. */
  private static String longCase(ConfigurableApplicationContext app, ProcessEngine engine) {
    String key =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "长案例公司", 1_000_000)
            .getBusinessKey();
    EvidenceLedger ledger = app.getBean(EvidenceLedger.class);
    TransactionTemplate transaction = app.getBean(TransactionTemplate.class);
    int existing = ledger.records(key).size();
    for (int i = existing; i < TIMELINE_EVENTS; i++) {
      transaction.executeWithoutResult(
          tx ->
              ledger.append(
                  new NewEvidence(
                      key,
                      RecordType.EVENT_RECEIVED,
                      "guarantee-lifecycle",
                      null,
                      "pi",
                      "StartEvent_WarningSignal",
                      null,
                      null,
                      null,
                      "riskSystem",
                      null,
                      Instant.now(),
                      null,
                      "{\"category\":\"financialCondition\",\"item\":\"fc01\",\"description\":\"逾期 overdue\"}",
                      "[]",
                      null,
                      null,
                      null)));
    }
    return key;
  }

  private void verification() {
    int cases = 1_000;
    int perCase = VERIFIED_RECORDS / cases;
    List<List<EvidenceRecord>> chains = new ArrayList<>();
    for (int c = 0; c < cases; c++) {
      String key = "GA-2096-%06d".formatted(c);
      List<EvidenceRecord> chain = new ArrayList<>(perCase);
      String previous = CanonicalForm.GENESIS;
      for (int i = 1; i <= perCase; i++) {
        EvidenceRecord record = EvidenceRecords.link(key, i, previous);
        chain.add(record);
        previous = record.recordHash();
      }
      chains.add(chain);
    }
    List<Double> sequential = new ArrayList<>();
    List<Double> parallel = new ArrayList<>();
    for (int run = 0; run <= REPEATS; run++) {
      long start = System.nanoTime();
      chains.forEach(
          chain ->
              assertThat(
                      ChainVerifier.verify(chain.get(0).businessKey(), chain, perCase).isIntact())
                  .isTrue());
      double seq = VERIFIED_RECORDS / ((System.nanoTime() - start) / 1e9);
      start = System.nanoTime();
      chains.parallelStream()
          .forEach(
              chain ->
                  assertThat(
                          ChainVerifier.verify(chain.get(0).businessKey(), chain, perCase)
                              .isIntact())
                      .isTrue());
      double par = VERIFIED_RECORDS / ((System.nanoTime() - start) / 1e9);
      if (run > 0) {
        sequential.add(seq);
        parallel.add(par);
      }
    }
    row(
        "verification, " + VERIFIED_RECORDS + " records, one thread (records/s)",
        spread(sequential),
        REPEATS + " runs",
        "≥ 500,000/s");
    row(
        "verification, "
            + VERIFIED_RECORDS
            + " records, cases in parallel on "
            + Runtime.getRuntime().availableProcessors()
            + " cores (records/s)",
        spread(parallel),
        REPEATS + " runs",
        "≥ 500,000/s");
  }

  // --- nodes
  // ----------------------------------------------------------------------------------------

  private static ConfigurableApplicationContext h2(
      String name, boolean diligence, boolean webapps) {
    return new SpringApplicationBuilder(CreditDiligenceApplication.class)
        .profiles("test")
        .run(
            "--spring.datasource.url=jdbc:h2:mem:bench-"
                + name
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "--server.port=0",
            "--camunda.bpm.process-engine-name=bench-" + name.replace("-", ""),
            "--camunda.bpm.webapp.enabled=" + webapps,
            "--credit-diligence.demo.cases=false",
            "--credit-diligence.diligence.enabled=" + diligence);
  }

  private static ConfigurableApplicationContext postgres(
      EmbeddedPostgres database, boolean diligence) {
    java.nio.file.Path store = com.creditdiligence.evidence.TestCheckpoints.newStore();
    return new SpringApplicationBuilder(CreditDiligenceApplication.class)
        .profiles("postgres")
        .run(
            "--credit-diligence.checkpoints.directory=" + store,
            "--credit-diligence.checkpoints.key-file=" + store.resolve("checkpoint.key"),
            "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--server.port=0",
            "--camunda.bpm.process-engine-name=bench-pg-" + diligence,
            "--camunda.bpm.webapp.enabled=false",
            "--camunda.bpm.job-execution.enabled=false",
            "--credit-diligence.demo.users=true",
            "--credit-diligence.demo.cases=false",
            "--credit-diligence.diligence.enabled=" + diligence);
  }

  // --- measuring and printing
  // -------------------------------------------------------------------------

  private static List<Double> latencies(int count, Supplier<Object> call) {
    for (int i = 0; i < 20; i++) {
      call.get();
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      call.get();
      millis.add((System.nanoTime() - start) / 1e6);
    }
    return millis;
  }

  private static int http(String method, int port, String path, String user, String body) {
    return http(HttpClient.newHttpClient(), method, port, path, user, body);
  }

  private static int http(
      HttpClient client, String method, int port, String path, String user, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      request.header("Authorization", HttpBasic.header(user, "demo"));
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      int status =
          client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status >= 400) {
        throw new IllegalStateException(path + " answered " + status);
      }
      return status;
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String percentiles(List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return String.format(
        Locale.ROOT,
        "p50 %.1f ms · p95 %.1f ms · p99 %.1f ms",
        at(sorted, 0.50),
        at(sorted, 0.95),
        at(sorted, 0.99));
  }

  private static double at(List<Double> sorted, double quantile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
  }

  private static String spread(List<Double> values) {
    return String.format(
        Locale.ROOT,
        "median %,.0f (min %,.0f, max %,.0f)",
        median(values),
        Collections.min(values),
        Collections.max(values));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }

  private static void row(String figure, String value, String over, String target) {
    TABLE.add("| " + figure + " | " + value + " | " + over + " | " + target + " |");
    System.out.println(
        "[benchmark] " + figure + ": " + value + " (" + over + "; target " + target + ")");
  }

  private static void print() {
    System.out.println("\n[benchmark] | figure | value | over | target |");
    System.out.println("[benchmark] |---|---|---|---|");
    TABLE.forEach(line -> System.out.println("[benchmark] " + line));
  }
}
