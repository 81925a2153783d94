package com.creditdiligence.production;

import static com.creditdiligence.demo.DemoSubmissions.evaluation;
import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.investigation;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.HttpBasic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application process killed with SIGKILL while users work, then started again on the same
 * PostgreSQL: every completion a user was told succeeded is still there with its evidence, no chain is
 * broken, the asynchronous steps left behind run, and no case is stuck.
 */
@Tag("production")
@Tag("cluster")
class CrashTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "opsadmin";
  private static final String ADMIN_PASSWORD = "Ops-Admin-2026-Strong!";
  private static final String STAFF_PASSWORD = "Staff-Password-2026";
  private static final int CLIENTS = 4;
  private static final int CRASHES = 2;

  private static EmbeddedPostgres postgres;
  private static Process node;
  private static int port;

  /** What the users were told succeeded: case key → the tasks whose completion was acknowledged. */
  private final Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();

  @BeforeAll
  static void database() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (node != null) {
      node.destroyForcibly();
    }
    postgres.close();
  }

  @Test
  void everyAcknowledgedCompletionSurvivesAKillAndTheWorkResumes() throws Exception {
    start();
    staff();
    for (int crash = 1; crash <= CRASHES; crash++) {
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService users = Executors.newFixedThreadPool(CLIENTS);
      int round = crash;
      for (int user = 0; user < CLIENTS; user++) {
        int client = user;
        users.submit(() -> work(running, round * 100 + client));
      }
      // Kill while the users are working, once enough has been acknowledged to check (at most a minute in).
      int before = completionsAcknowledged();
      waitUntil(Duration.ofSeconds(60), () -> completionsAcknowledged() >= before + 8);
      running.set(false);   // no new work; what is in flight dies with the process
      node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);   // SIGKILL: no shutdown hook, no flush
      users.shutdown();
      users.awaitTermination(30, TimeUnit.SECONDS);
      start();
    }

    JdbcClient jdbc = JdbcClient.create(dataSource());
    int completions = 0;
    for (Map.Entry<String, List<String>> entry : acknowledged.entrySet()) {
      String key = entry.getKey();
      assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE business_key = ?").param(key).query(Long.class).single())
          .as(key + " acknowledged but lost").isOne();
      for (String taskId : entry.getValue()) {
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM evidence_record WHERE business_key = ? AND task_id = ? AND record_type = 'TASK_COMPLETED'""")
            .params(key, taskId).query(Long.class).single()).as(key + " task " + taskId + " acknowledged, evidence lost")
            .isOne();
        completions++;
      }
      JsonNode verification = JSON.readTree(get(ADMIN, ADMIN_PASSWORD, "/api/cases/" + key + "/evidence/verification"));
      assertThat(verification.path("status").asText()).as(key + " chain").isEqualTo("intact");
    }
    // Evaluations acknowledged before a crash convene their committee on the restarted node: nothing stuck.
    List<String> evaluated = jdbc.sql("""
            SELECT DISTINCT business_key FROM evidence_record WHERE record_type = 'TASK_COMPLETED'
            AND element_id = 'Task_AnalysisEvaluation'""").query(String.class).list();
    waitUntil(Duration.ofSeconds(90), () -> evaluated.stream().allMatch(key -> jdbc.sql("""
            SELECT COUNT(*) FROM evidence_record WHERE business_key = ? AND record_type = 'TASK_CREATED'
            AND element_id = 'Task_CommitteeVote'""").param(key).query(Long.class).single() > 0));
    long failedJobs = jdbc.sql("SELECT COUNT(*) FROM act_ru_job WHERE retries_ = 0").query(Long.class).single();
    long broken = acknowledged.keySet().stream().filter(key -> {
      try {
        return !JSON.readTree(get(ADMIN, ADMIN_PASSWORD, "/api/cases/" + key + "/evidence/verification"))
            .path("status").asText().equals("intact");
      } catch (IOException e) {
        return true;
      }
    }).count();

    System.out.println("[crash] " + CRASHES + " kill -9 survived under " + CLIENTS + " users; " + acknowledged.size()
        + " cases started, " + completions + " completions acknowledged, " + evaluated.size()
        + " committees convened after restart; records lost: 0, chains broken: " + broken + ", failed jobs: " + failedJobs);
    assertThat(completions).isGreaterThanOrEqualTo(8 * CRASHES);
    assertThat(failedJobs).isZero();
    assertThat(broken).isZero();
  }

  private int completionsAcknowledged() {
    return acknowledged.values().stream().mapToInt(List::size).sum();
  }

  /** One user: open a case, investigate, evaluate; again, until the process dies under them. */
  private void work(AtomicBoolean running, int seed) {
    int n = 0;
    while (running.get()) {
      try {
        String body = ConcurrencyTest.submitForm(intake("宁波崩溃" + seed + "-" + n++ + "公司", "workingCapitalLoan",
            1_000_000, 12));
        JsonNode started = JSON.readTree(post("manager1", "/engine-rest/process-definition/key/guarantee-lifecycle/submit-form",
            body));
        String instance = started.path("id").asText();
        String key = started.path("businessKey").asText();
        acknowledged.put(key, java.util.Collections.synchronizedList(new ArrayList<>()));
        for (Map.Entry<String, Map<String, Object>> step : List.of(
            Map.entry("Task_CustomerInvestigation", investigation(false)),
            Map.entry("Task_AnalysisEvaluation", evaluation("approve")))) {
          JsonNode tasks = JSON.readTree(get("manager1", STAFF_PASSWORD, "/engine-rest/task?processInstanceId=" + instance
              + "&taskDefinitionKey=" + step.getKey()));
          String taskId = tasks.get(0).path("id").asText();
          post("manager1", "/engine-rest/task/" + taskId + "/submit-form", ConcurrencyTest.submitForm(step.getValue()));
          acknowledged.get(key).add(taskId);
        }
      } catch (Exception diedUnderUs) {
        if (running.get()) {
          System.out.println("[crash] a user stopped before the kill: " + diedUnderUs.getMessage());
        }
        return;
      }
    }
  }

  private static void start() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    File log = new File("target/crash-node-" + Instant.now().toEpochMilli() + ".log");
    // Surefire runs tests through a manifest-only jar; the node gets the real classpath it lists.
    String classpath = String.join(File.pathSeparator, new java.util.LinkedHashSet<>(List.of(System.getProperty(
        "surefire.test.class.path", System.getProperty("java.class.path")).split(File.pathSeparator))));
    Files.writeString(Path.of("target/crash-node-classpath.txt"), classpath.replace(File.pathSeparator, "\n"));
    node = new ProcessBuilder(java, "-Xmx768m", "-cp", classpath,
        "com.creditdiligence.CreditDiligenceApplication", "--spring.profiles.active=postgres",
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
        "--server.port=" + port, "--camunda.bpm.job-execution.lock-time-in-millis=5000",
        "--credit-diligence.admin.user=" + ADMIN, "--credit-diligence.admin.password=" + ADMIN_PASSWORD)
        .redirectErrorStream(true).redirectOutput(log).start();
    waitUntil(Duration.ofSeconds(120), () -> {
      try {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
      } catch (Exception notYet) {
        if (!node.isAlive()) {
          throw new IllegalStateException("The node died on start; see " + log);
        }
        return false;
      }
    });
  }

  /** A production deployment's staff, created by its administrator through /engine-rest and /api. */
  private static void staff() throws IOException {
    List<String[]> staff = new ArrayList<>();
    staff.add(new String[] {"manager1", "customerManager"});
    for (int i = 1; i <= 5; i++) {
      staff.add(new String[] {"committee" + i, "committee"});
    }
    for (String[] person : staff) {
      send(ADMIN, ADMIN_PASSWORD, "POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + person[0]
          + "\",\"firstName\":\"" + person[0] + "\",\"lastName\":\"staff\",\"email\":\"" + person[0]
          + "@example.com\"},\"credentials\":{\"password\":\"" + STAFF_PASSWORD + "\"}}");
      send(ADMIN, ADMIN_PASSWORD, "PUT", "/engine-rest/group/" + person[1] + "/members/" + person[0], "");
    }
    send(ADMIN, ADMIN_PASSWORD, "PUT", "/api/managers/manager1/qualification",
        "{\"level\":\"senior\",\"validFrom\":\"2026-01-01\",\"validUntil\":\"2027-12-31\"}");
  }

  private static String post(String user, String path, String json) throws IOException {
    return send(user, STAFF_PASSWORD, "POST", path, json);
  }

  private static String get(String user, String password, String path) throws IOException {
    return send(user, password, "GET", path, null);
  }

  private static String send(String user, String password, String method, String path, String json) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", HttpBasic.header(user, password));
    if (json == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IOException(method + " " + path + " → " + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static DataSource dataSource() {
    return postgres.getDatabase("postgres", "postgres");
  }

  private static void waitUntil(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not reached within " + limit);
      }
      Thread.sleep(250);
    }
  }
}
