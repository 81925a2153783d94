package com.creditdiligence.production;

import static com.creditdiligence.demo.DemoSubmissions.evaluation;
import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.investigation;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.HttpBasic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application process killed with SIGKILL while users work, then started again on the same database:
 * every start and completion a user was told succeeded is still there (case file, Camunda history, evidence),
 * no chain is broken, the asynchronous steps left behind run, and no case is stuck. The database is the
 * subclass's: how the node is started and how its database is read afterwards.
 */
abstract class CrashUnderLoad {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final int CLIENTS = 4;
  private static final int CRASHES = 2;
  private static final int COMPLETIONS_BEFORE_EACH_KILL = 8;

  private Process node;
  private int port;

  /** What the users were told succeeded, in the order they were told. */
  private final List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());

  private final List<Instant> kills = new ArrayList<>();

  /** A start (taskId null) or a task completion, as the user's HTTP call returned it. */
  private record Acknowledged(
      String businessKey, String processInstanceId, String taskId, Instant at) {

    boolean isStart() {
      return taskId == null;
    }
  }

  /** Which database the node runs on, for the summary line. */
  abstract String databaseName();

  /** The node's command-line arguments after the main class: the database's, and {@code --server.port}. */
  abstract List<String> arguments(int port);

  /** Where the node runs: its relative paths (an embedded database's {@code ./data}) resolve here. */
  abstract Path workingDirectory();

  /** The node's database, readable while the node runs. */
  abstract DataSource dataSource();

  /** Once, after the first start: whatever the users need to exist (staff, qualifications). */
  abstract void prepare() throws IOException;

  abstract String[] manager();

  abstract String[] administrator();

  @AfterEach
  void killTheNode() {
    if (node != null) {
      node.destroyForcibly();
    }
  }

  @Test
  void everyAcknowledgedWriteSurvivesAKillAndTheWorkResumes() throws Exception {
    Instant began = Instant.now();
    start();
    prepare();
    for (int crash = 1; crash <= CRASHES; crash++) {
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService users = Executors.newFixedThreadPool(CLIENTS);
      int round = crash;
      for (int user = 0; user < CLIENTS; user++) {
        int client = user;
        users.submit(() -> work(running, round * 100 + client));
      }
      // Kill while the users are working, once enough has been acknowledged to check (at most a
      // minute in).
      long before = completionsAcknowledged();
      waitUntil(
          Duration.ofSeconds(60),
          () -> completionsAcknowledged() >= before + COMPLETIONS_BEFORE_EACH_KILL);
      running.set(false); // no new work; what is in flight dies with the process
      node.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
      kills.add(Instant.now());
      node.waitFor(30, TimeUnit.SECONDS);
      users.shutdown();
      users.awaitTermination(30, TimeUnit.SECONDS);
      start();
    }

    JdbcClient jdbc = JdbcClient.create(dataSource());
    List<String> lost = new ArrayList<>();
    List<Acknowledged> writes = List.copyOf(acknowledged);
    for (Acknowledged write : writes) {
      List<String> missing =
          write.isStart() ? startMissing(jdbc, write) : completionMissing(jdbc, write);
      if (!missing.isEmpty()) {
        lost.add(
            (write.isStart()
                    ? "start of " + write.businessKey()
                    : write.businessKey() + " task " + write.taskId())
                + " acknowledged "
                + Duration.between(write.at(), nextKillAfter(write.at())).toMillis()
                + " ms before a kill, lost: "
                + String.join(", ", missing));
      }
    }
    List<String> cases =
        writes.stream().filter(Acknowledged::isStart).map(Acknowledged::businessKey).toList();
    List<String> broken = new ArrayList<>();
    // A case whose start was lost has no chain to verify; it is counted among the lost writes
    // already.
    for (String key :
        cases.stream()
            .filter(
                key ->
                    count(jdbc, "SELECT COUNT(*) FROM case_file WHERE business_key = ?", key) == 1)
            .toList()) {
      String status =
          JSON.readTree(get(administrator(), "/api/cases/" + key + "/evidence/verification"))
              .path("status")
              .asText();
      if (!status.equals("intact")) {
        broken.add(key + " " + status);
      }
    }
    // Evaluations completed before a crash convene their committee on the restarted node: nothing
    // stuck.
    List<String> evaluated =
        jdbc.sql(
                """
            SELECT DISTINCT business_key FROM evidence_record WHERE record_type = 'TASK_COMPLETED'
            AND element_id = 'Task_AnalysisEvaluation'""")
            .query(String.class)
            .list();
    waitUntil(
        Duration.ofSeconds(90),
        () ->
            evaluated.stream()
                .allMatch(
                    key ->
                        jdbc.sql(
                                    """
            SELECT COUNT(*) FROM evidence_record WHERE business_key = ? AND record_type = 'TASK_CREATED'
            AND element_id = 'Task_CommitteeVote'""")
                                .param(key)
                                .query(Long.class)
                                .single()
                            > 0));
    long failedJobs =
        jdbc.sql("SELECT COUNT(*) FROM act_ru_job WHERE retries_ = 0").query(Long.class).single();

    long completions = writes.size() - cases.size();
    System.out.println(
        "[crash] "
            + databaseName()
            + ": "
            + CRASHES
            + " kill -9 under "
            + CLIENTS
            + " users; "
            + cases.size()
            + " starts and "
            + completions
            + " completions acknowledged, "
            + evaluated.size()
            + " committees convened after restart; acknowledged writes lost: "
            + lost.size()
            + ", chains broken: "
            + broken.size()
            + ", failed jobs: "
            + failedJobs
            + "; "
            + Duration.between(began, Instant.now()).toSeconds()
            + " s");
    lost.forEach(write -> System.out.println("[crash] " + write));
    assertThat(lost).as("acknowledged writes lost").isEmpty();
    assertThat(broken).as("evidence chains broken").isEmpty();
    assertThat(completions).isGreaterThanOrEqualTo((long) COMPLETIONS_BEFORE_EACH_KILL * CRASHES);
    assertThat(failedJobs).isZero();
  }

  /** An acknowledged start: the case file, the process instance in Camunda's history, the start's evidence. */
  private static List<String> startMissing(JdbcClient jdbc, Acknowledged start) {
    List<String> missing = new ArrayList<>();
    // By key and instance: a key whose start was lost may have been handed out again after the
    // restart.
    if (count(
            jdbc,
            "SELECT COUNT(*) FROM case_file WHERE business_key = ? AND process_instance_id = ?",
            start.businessKey(),
            start.processInstanceId())
        != 1) {
      missing.add("case_file");
    }
    if (count(jdbc, "SELECT COUNT(*) FROM act_hi_procinst WHERE id_ = ?", start.processInstanceId())
        != 1) {
      missing.add("act_hi_procinst");
    }
    if (count(
            jdbc,
            "SELECT COUNT(*) FROM evidence_record WHERE business_key = ? AND process_instance_id = ? "
                + "AND record_type = 'PROCESS_STARTED'",
            start.businessKey(),
            start.processInstanceId())
        < 1) {
      missing.add("evidence PROCESS_STARTED");
    }
    return missing;
  }

  /** An acknowledged completion: the task ended in Camunda's history, and its evidence record. */
  private static List<String> completionMissing(JdbcClient jdbc, Acknowledged completion) {
    List<String> missing = new ArrayList<>();
    if (count(
            jdbc,
            "SELECT COUNT(*) FROM act_hi_taskinst WHERE id_ = ? AND end_time_ IS NOT NULL",
            completion.taskId())
        != 1) {
      missing.add("act_hi_taskinst with end_time_");
    }
    if (count(
            jdbc,
            "SELECT COUNT(*) FROM evidence_record WHERE business_key = ? AND task_id = ? "
                + "AND record_type = 'TASK_COMPLETED'",
            completion.businessKey(),
            completion.taskId())
        != 1) {
      missing.add("evidence TASK_COMPLETED");
    }
    return missing;
  }

  private static long count(JdbcClient jdbc, String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  private Instant nextKillAfter(Instant at) {
    return kills.stream().filter(kill -> !kill.isBefore(at)).findFirst().orElse(at);
  }

  private long completionsAcknowledged() {
    synchronized (acknowledged) {
      return acknowledged.stream().filter(write -> !write.isStart()).count();
    }
  }

  /** One user: open a case, investigate, evaluate; again, until the process dies under them. */
  private void work(AtomicBoolean running, int seed) {
    int n = 0;
    while (running.get()) {
      try {
        String body =
            com.creditdiligence.EngineRestSteps.submitForm(
                intake("宁波崩溃" + seed + "-" + n++ + "公司", "workingCapitalLoan", 1_000_000, 12));
        JsonNode started =
            JSON.readTree(
                post(
                    manager(),
                    "/engine-rest/process-definition/key/guarantee-lifecycle/submit-form",
                    body));
        String instance = started.path("id").asText();
        String key = started.path("businessKey").asText();
        acknowledged.add(new Acknowledged(key, instance, null, Instant.now()));
        for (Map.Entry<String, Map<String, Object>> step :
            List.of(
                Map.entry("Task_CustomerInvestigation", investigation(false)),
                Map.entry("Task_AnalysisEvaluation", evaluation("approve")))) {
          JsonNode tasks =
              JSON.readTree(
                  get(
                      manager(),
                      "/engine-rest/task?processInstanceId="
                          + instance
                          + "&taskDefinitionKey="
                          + step.getKey()));
          String taskId = tasks.get(0).path("id").asText();
          post(
              manager(),
              "/engine-rest/task/" + taskId + "/submit-form",
              com.creditdiligence.EngineRestSteps.submitForm(step.getValue()));
          acknowledged.add(new Acknowledged(key, instance, taskId, Instant.now()));
        }
      } catch (Exception diedUnderUs) {
        if (running.get()) {
          System.out.println("[crash] a user stopped before the kill: " + diedUnderUs.getMessage());
        }
        return;
      }
    }
  }

  private void start() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    File log =
        Path.of("target", "crash-node-" + Instant.now().toEpochMilli() + ".log")
            .toAbsolutePath()
            .toFile();
    // Surefire runs tests through a manifest-only jar; the node gets the real classpath it lists.
    String classpath =
        String.join(
            File.pathSeparator,
            new LinkedHashSet<>(
                List.of(
                    System.getProperty(
                            "surefire.test.class.path", System.getProperty("java.class.path"))
                        .split(File.pathSeparator))));
    Files.writeString(
        Path.of("target/crash-node-classpath.txt"), classpath.replace(File.pathSeparator, "\n"));
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx768m",
                "-cp",
                classpath,
                "com.creditdiligence.CreditDiligenceApplication"));
    command.addAll(arguments(port));
    // Jobs a killed node had locked are taken over after 5 s, not Camunda's 5 minutes.
    command.add("--camunda.bpm.job-execution.lock-time-in-millis=5000");
    node =
        new ProcessBuilder(command)
            .directory(workingDirectory().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log)
            .start();
    waitUntil(
        Duration.ofSeconds(120),
        () -> {
          try {
            return HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/actuator/health"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .statusCode()
                == 200;
          } catch (Exception notYet) {
            if (!node.isAlive()) {
              throw new IllegalStateException("The node died on start; see " + log);
            }
            return false;
          }
        });
  }

  private String post(String[] user, String path, String json) throws IOException {
    return send(user, "POST", path, json);
  }

  private String get(String[] user, String path) throws IOException {
    return send(user, "GET", path, null);
  }

  /** An HTTP call as {@code user} = {name, password}; anything but a 2xx is an exception. */
  String send(String[] user, String method, String path, String json) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", HttpBasic.header(user[0], user[1]));
    if (json == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IOException(
            method + " " + path + " → " + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void waitUntil(Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not reached within " + limit);
      }
      Thread.sleep(250);
    }
  }
}
