package com.creditdiligence.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.CreditDiligenceApplication;
import com.creditdiligence.EngineRestSteps;
import com.creditdiligence.HttpBasic;
import com.creditdiligence.demo.DemoSubmissions;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.NewEvidence;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.evidence.TestCheckpoints;
import com.creditdiligence.security.Qualifications;
import com.creditdiligence.submission.BusinessTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Latency where users feel it (issue 23 item 4), with start-up and footprint (item 5): the application on embedded
 * PostgreSQL, 20 simulated customer managers working through {@code /engine-rest} (intake, investigation, analysis,
 * each after a think time), and one Chinese Chromium whose user signs in to Tasklist, opens analysis forms and
 * submits them, while an auditor draws the replay of a 1,000-record case and fetches its dossier PDF. Prints p50 and
 * p95 of each and the resident memory of the JVM. Run it alone:
 * {@code mvn -Pbenchmark -Dbpmnlint.skip=true -Dnpm.skip=true -Dtest=UserLatencyBenchmark test}
 * The job executor is off, as in PlatformBenchmark: the cases it drives run their jobs in the driver's thread.
 * ({@code -Dlatency.samples=N}, {@code -Dlatency.users=N}, {@code -Dlatency.think-ms=N} change the load,
 * {@code -Dlatency.footprint-completions=N} when the memory is read again).
 */
@Tag("benchmark")
class UserLatencyBenchmark {

  private static final int SAMPLES = Integer.getInteger("latency.samples", 30);
  private static final int USERS = Integer.getInteger("latency.users", 20);

  /** How long a simulated user looks at a form before submitting it: a busy office, not a load test. */
  private static final int THINK_MS = Integer.getInteger("latency.think-ms", 1_000);

  /** Completions after which the footprint is measured again. */
  private static final int FOOTPRINT_COMPLETIONS =
      Integer.getInteger("latency.footprint-completions", 1_000);

  private static final int LONG_CASE_RECORDS = 1_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> table = new ArrayList<>();

  @Test
  void latencyAsUsersFeelIt() throws Exception {
    long booting = System.nanoTime();
    try (EmbeddedPostgres database = EmbeddedPostgres.builder().start();
        ConfigurableApplicationContext app = boot(database)) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      String base = "http://localhost:" + port;
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      assertThat(send(http, "GET", base + Tasklist.HOME, null, null).statusCode()).isEqualTo(200);
      row(
          "start-up to a served Tasklist (embedded PostgreSQL started first, no demo cases)",
          "%.1f s".formatted((System.nanoTime() - booting) / 1e9),
          "one start",
          "—");
      row(
          "resident memory of the JVM after start",
          residentMemory(),
          "VmRSS, test JVM included",
          "—");

      ProcessEngine engine = app.getBean(ProcessEngine.class);
      Qualifications qualifications = app.getBean(Qualifications.class);
      LocalDate today = app.getBean(BusinessTime.class).today();
      LifecycleDriver driver = new LifecycleDriver(engine);

      String longCase = longCase(app, driver);
      String browserUser =
          ManagerOfTheirOwn.create(engine, qualifications, "latency0", "计时", today);
      List<String> analysisTasks = new ArrayList<>();
      for (int i = 0; i < SAMPLES; i++) {
        String id =
            driver
                .apply(
                    browserUser,
                    DemoSubmissions.intake("计时样本公司" + i, "workingCapitalLoan", 1_000_000, 12))
                .getId();
        driver.complete(
            id, "Task_CustomerInvestigation", browserUser, DemoSubmissions.investigation(false));
        analysisTasks.add(driver.taskOf(id, "Task_AnalysisEvaluation", browserUser).getId());
      }
      List<String> workers = new ArrayList<>();
      for (int u = 1; u <= USERS; u++) {
        workers.add(
            ManagerOfTheirOwn.create(engine, qualifications, "latency" + u, "模拟" + u, today));
      }

      AtomicBoolean working = new AtomicBoolean(true);
      AtomicInteger completions = new AtomicInteger();
      AtomicInteger failures = new AtomicInteger();
      ExecutorService office = Executors.newFixedThreadPool(USERS);
      workers.forEach(
          user -> office.submit(() -> work(http, base, user, working, completions, failures)));
      long loadStarted = System.nanoTime();
      try {
        measureInTheBrowser(base, http, browserUser, analysisTasks, longCase);
      } finally {
        working.set(false);
        office.shutdown();
        office.awaitTermination(2, TimeUnit.MINUTES);
      }
      double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
      row(
          "background load: "
              + USERS
              + " simulated managers through /engine-rest, think time "
              + THINK_MS
              + " ms",
          "%d completions in %.0f s (%.1f/s), %d refused or failed"
              .formatted(
                  completions.get(), loadSeconds, completions.get() / loadSeconds, failures.get()),
          "while the browser measured",
          "—");
      // Footprint after a thousand completions: the office goes on until it has done them.
      keepWorkingUntil(http, base, workers, completions, failures, FOOTPRINT_COMPLETIONS);
      System.gc();
      row(
          "resident memory of the JVM after " + completions.get() + " completions",
          residentMemory(),
          "VmRSS after a GC, test JVM included",
          "—");
      assertThat(failures.get()).as("simulated users' requests refused or failed").isZero();
    } finally {
      System.out.println("\n[benchmark] | figure | value | over | target |");
      System.out.println("[benchmark] |---|---|---|---|");
      table.forEach(line -> System.out.println("[benchmark] " + line));
    }
  }

  // --- the browser
  // ----------------------------------------------------------------------------------------------

  private void measureInTheBrowser(
      String base, HttpClient http, String manager, List<String> analysisTasks, String longCase)
      throws Exception {
    List<Double> listShown = new ArrayList<>();
    List<Double> formRendered = new ArrayList<>();
    List<Double> submissionAnswered = new ArrayList<>();
    List<Double> replayDrawn = new ArrayList<>();
    List<Double> dossier = new ArrayList<>();
    try (Browser browser = Browser.open(base, "latency", "zh-CN", "Asia/Shanghai")) {
      Tasklist tasklist = new Tasklist(browser);
      for (int i = 0; i < analysisTasks.size(); i++) {
        boolean counted =
            i > 0; // the first round warms the browser's cache and the server's code paths
        // The list after login: the login page opened, the credentials typed (webdriver types in
        // milliseconds),
        // «登录» pressed, until the task list shows the user's first task.
        long start = System.nanoTime();
        tasklist.signIn(manager);
        browser.waitFor(By.cssSelector(".tasks-list li.task h4.task a"));
        add(listShown, start, counted);

        // A task form rendered: from opening the task (its link's address) until form-js has drawn
        // its fields.
        String task = analysisTasks.get(i);
        start = System.nanoTime();
        tasklist.openTask(task);
        add(formRendered, start, counted);

        // A submission answered: the analysis as Tasklist posts it, from the page, with its session
        // and token.
        submissionAnswered.add(
            submitFromThePage(browser, task, DemoSubmissions.evaluation("approve")));
      }
      browser.step("tasklist");

      tasklist.signIn("auditor1");
      for (int i = 0; i <= Math.min(SAMPLES, 20); i++) {
        long start = System.nanoTime();
        browser.go("/audit/cases/" + longCase);
        browser.waitFor(By.cssSelector("#diagrams[data-drawn='true'] .bpmn-viewer svg"));
        add(replayDrawn, start, i > 0);
      }
      browser.step("replay");
    }
    for (int i = 0; i <= Math.min(SAMPLES, 20); i++) {
      long start = System.nanoTime();
      HttpResponse<byte[]> pdf =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/cases/" + longCase + "/dossier.pdf"))
                  .header("Authorization", HttpBasic.header("auditor1", "demo"))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(pdf.statusCode()).isEqualTo(200);
      add(dossier, start, i > 0);
    }
    row(
        "Tasklist: login page to the task list shown",
        percentiles(listShown),
        listShown.size() + " logins",
        "—");
    row(
        "Tasklist: task form rendered (the analysis report)",
        percentiles(formRendered),
        formRendered.size() + " forms",
        "p95 ≤ 1 s");
    row(
        "Tasklist: a submission answered (the analysis report, posted from the page)",
        percentiles(submissionAnswered),
        submissionAnswered.size() + " submissions",
        "p95 ≤ 500 ms");
    row(
        "replay page drawn (" + LONG_CASE_RECORDS + "-record case, bpmn-js diagram shown)",
        percentiles(replayDrawn),
        replayDrawn.size() + " views",
        "p95 ≤ 1 s");
    row(
        "dossier PDF of the " + LONG_CASE_RECORDS + "-record case",
        percentiles(dossier),
        dossier.size() + " downloads",
        "p95 ≤ 2 s");
  }

  /**
   * Posts the form's values to Tasklist's own door, {@code /camunda/api/engine}, from the page, with the webapps'
   * session and XSRF token, and answers how long the server took in milliseconds as the page measured it.
   */
  private static double submitFromThePage(
      Browser browser, String taskId, Map<String, Object> values) {
    Object answer =
        browser
            .driver()
            .executeAsyncScript(
                """
        const done = arguments[arguments.length - 1];
        const token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || '';
        const start = performance.now();
        fetch('/camunda/api/engine/engine/default/task/' + arguments[0] + '/submit-form', {
          method: 'POST', credentials: 'same-origin', body: arguments[1],
          headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(token)}
        }).then(r => r.text().then(t => done([r.status, performance.now() - start, t])))
          .catch(e => done([0, 0, String(e)]));
        """,
                taskId,
                EngineRestSteps.submitForm(values));
    List<?> result = (List<?>) answer;
    assertThat(((Number) result.get(0)).intValue())
        .as("submission answered %s", result.get(2))
        .isEqualTo(204);
    return ((Number) result.get(1)).doubleValue();
  }

  // --- the office: simulated users through /engine-rest
  // ----------------------------------------------------------

  private static void work(
      HttpClient http,
      String base,
      String user,
      AtomicBoolean working,
      AtomicInteger completions,
      AtomicInteger failures) {
    int round = 0;
    while (working.get()) {
      try {
        oneApplication(http, base, user, round++, completions);
      } catch (Exception | AssertionError e) {
        failures.incrementAndGet();
        System.out.println("[benchmark] simulated user " + user + ": " + e.getMessage());
      }
    }
  }

  private static void keepWorkingUntil(
      HttpClient http,
      String base,
      List<String> workers,
      AtomicInteger completions,
      AtomicInteger failures,
      int target)
      throws InterruptedException {
    AtomicBoolean working = new AtomicBoolean(true);
    ExecutorService office = Executors.newFixedThreadPool(workers.size());
    workers.forEach(
        user ->
            office.submit(
                () -> {
                  int round = 1_000;
                  while (working.get() && completions.get() < target) {
                    try {
                      oneApplication(http, base, user, round++, completions);
                    } catch (Exception | AssertionError e) {
                      failures.incrementAndGet();
                    }
                  }
                }));
    office.shutdown();
    if (!office.awaitTermination(20, TimeUnit.MINUTES)) {
      working.set(false);
    }
  }

  /** Intake, investigation and analysis of one application, each after the user's think time. */
  private static void oneApplication(
      HttpClient http, String base, String user, int round, AtomicInteger completions)
      throws Exception {
    think();
    String intake =
        EngineRestSteps.submitForm(
            DemoSubmissions.intake(
                "模拟企业" + user + "-" + round, "workingCapitalLoan", 2_000_000, 12));
    JsonNode started =
        JSON.readTree(
            ok(
                send(
                    http,
                    "POST",
                    base
                        + "/engine-rest/process-definition/key/"
                        + LifecycleDriver.PROCESS_KEY
                        + "/submit-form",
                    user,
                    intake)));
    String businessKey = started.path("businessKey").asText();
    completions.incrementAndGet();
    for (var step :
        List.of(
            Map.entry("Task_CustomerInvestigation", DemoSubmissions.investigation(false)),
            Map.entry("Task_AnalysisEvaluation", DemoSubmissions.evaluation("approve")))) {
      think();
      JsonNode tasks =
          JSON.readTree(
              ok(
                  send(
                      http,
                      "GET",
                      base
                          + "/engine-rest/task?processInstanceBusinessKey="
                          + URLEncoder.encode(businessKey, StandardCharsets.UTF_8)
                          + "&taskDefinitionKey="
                          + step.getKey()
                          + "&assignee="
                          + user,
                      user,
                      null)));
      ok(
          send(
              http,
              "POST",
              base + "/engine-rest/task/" + tasks.get(0).path("id").asText() + "/submit-form",
              user,
              EngineRestSteps.submitForm(step.getValue())));
      completions.incrementAndGet();
    }
  }

  private static void think() throws InterruptedException {
    Thread.sleep(THINK_MS / 2 + (long) (Math.random() * THINK_MS));
  }

  private static HttpResponse<String> send(
      HttpClient http, String method, String url, String user, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    if (user != null) {
      request.header("Authorization", HttpBasic.header(user, "demo"));
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String ok(HttpResponse<String> response) {
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          response.request().uri().getPath()
              + " answered "
              + response.statusCode()
              + " "
              + response.body());
    }
    return response.body();
  }

  // --- data and the application
  // -----------------------------------------------------------------------------

  /** An issued guarantee whose ledger is grown to 1,000 records by warning signals, as years of monitoring do. */
  private static String longCase(ConfigurableApplicationContext app, LifecycleDriver driver) {
    String key = driver.issuedGuarantee("manager1", "长案例公司", 1_000_000).getBusinessKey();
    EvidenceLedger ledger = app.getBean(EvidenceLedger.class);
    TransactionTemplate transaction = app.getBean(TransactionTemplate.class);
    for (int i = ledger.records(key).size(); i < LONG_CASE_RECORDS; i++) {
      transaction.executeWithoutResult(
          tx ->
              ledger.append(
                  NewEvidence.of(key, RecordType.EVENT_RECEIVED, "riskSystem", Instant.now())
                      .withProcess("guarantee-lifecycle", "pi")
                      .withStep("StartEvent_WarningSignal", null)
                      .withFindings(
                          "{\"category\":\"financialCondition\",\"item\":\"fc01\",\"description\":\"逾期 overdue\"}")));
    }
    return key;
  }

  private static ConfigurableApplicationContext boot(EmbeddedPostgres database) {
    Path store = TestCheckpoints.newStore();
    return new SpringApplicationBuilder(CreditDiligenceApplication.class)
        .profiles("postgres")
        .run(
            "--credit-diligence.checkpoints.directory=" + store,
            "--credit-diligence.checkpoints.key-file=" + store.resolve("checkpoint.key"),
            "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--server.port=0",
            "--camunda.bpm.job-execution.enabled=false",
            "--credit-diligence.demo.users=true",
            "--credit-diligence.demo.cases=false");
  }

  // --- measuring and printing
  // ---------------------------------------------------------------------------------

  private static void add(List<Double> millis, long startNanos, boolean counted) {
    if (counted) {
      millis.add((System.nanoTime() - startNanos) / 1e6);
    }
  }

  private static String residentMemory() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(line -> line.startsWith("VmRSS:"))
          .map(line -> "%,d MB".formatted(Long.parseLong(line.replaceAll("\\D", "")) / 1024))
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static String percentiles(List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return String.format(
        Locale.ROOT, "p50 %.0f ms · p95 %.0f ms", at(sorted, 0.50), at(sorted, 0.95));
  }

  private static double at(List<Double> sorted, double quantile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
  }

  private void row(String figure, String value, String over, String target) {
    table.add("| " + figure + " | " + value + " | " + over + " | " + target + " |");
    System.out.println(
        "[benchmark] " + figure + ": " + value + " (" + over + "; target " + target + ")");
  }
}
