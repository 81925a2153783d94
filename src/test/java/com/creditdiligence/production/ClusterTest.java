package com.creditdiligence.production;

import static com.creditdiligence.demo.DemoSubmissions.contracts;
import static com.creditdiligence.demo.DemoSubmissions.evaluation;
import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.investigation;
import static com.creditdiligence.demo.DemoSubmissions.issue;
import static com.creditdiligence.demo.DemoSubmissions.vote;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.CreditDiligenceApplication;
import com.creditdiligence.ProductionStaff;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.security.Qualifications;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Camunda's homogeneous cluster: two application nodes on one real PostgreSQL, each with its job
 * executor. Cases are driven through both at once; asynchronous steps and timers run on either node,
 * once; one node is stopped in the middle and the other finishes its work. Afterwards every case is
 * consistent: its chain intact, no completion recorded twice, no job failed, no row without its case.
 */
@Tag("production")
@Tag("cluster")
class ClusterTest {

  private static final int CASES = 10;

  private static EmbeddedPostgres postgres;
  private static ConfigurableApplicationContext node1;
  private static ConfigurableApplicationContext node2;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    // One after the other: each creates or checks the schema as it starts, as nodes of a rolling
    // start do.
    node1 = node("node1");
    node2 = node("node2");
  }

  @AfterAll
  static void stop() throws Exception {
    ClockUtil.reset();
    for (ConfigurableApplicationContext node :
        new ConfigurableApplicationContext[] {node1, node2}) {
      if (node != null && node.isActive()) {
        node.close();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  /** The nodes share the checkpoint store and its key, as they share the database. */
  private static final java.nio.file.Path CHECKPOINTS =
      com.creditdiligence.evidence.TestCheckpoints.newStore();

  private static ConfigurableApplicationContext node(String name) {
    // As command-line arguments: they override the profile's own settings, as a deployment's would.
    Map<String, String> settings =
        Map.ofEntries(
            Map.entry("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres")),
            Map.entry("spring.datasource.username", "postgres"),
            Map.entry("spring.datasource.password", "postgres"),
            Map.entry("server.port", "0"),
            Map.entry("camunda.bpm.process-engine-name", "cluster-" + name),
            Map.entry("camunda.bpm.webapp.enabled", "false"),
            Map.entry("camunda.bpm.generic-properties.properties.hostname", name),
            // Short waits and locks, so that the test sees in seconds what production sees in
            // minutes.
            Map.entry("camunda.bpm.job-execution.wait-time-in-millis", "200"),
            Map.entry("camunda.bpm.job-execution.max-wait", "1000"),
            Map.entry("camunda.bpm.job-execution.lock-time-in-millis", "4000"),
            Map.entry("credit-diligence.admin.user", "opsadmin"),
            Map.entry("credit-diligence.admin.password", "Ops-Admin-2026-Strong!"));
    return new SpringApplicationBuilder(CreditDiligenceApplication.class)
        .profiles("postgres")
        .run(
            java.util.stream.Stream.concat(
                    settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()),
                    com.creditdiligence.evidence.TestCheckpoints.arguments(CHECKPOINTS).stream())
                .toArray(String[]::new));
  }

  @Test
  void casesDrivenThroughTwoNodesRunEachJobOnceAndSurviveANodeStopping() throws Exception {
    ProductionStaff.create(
        node1.getBean(ProcessEngine.class).getIdentityService(),
        node1.getBean(Qualifications.class));
    ProcessEngine engine1 = node1.getBean(ProcessEngine.class);
    ProcessEngine engine2 = node2.getBean(ProcessEngine.class);
    Instant started = Instant.now();

    // Every case: intake and investigation on one node, evaluation on the other; the committee is
    // convened by whichever job executor takes the job; votes, contracts and issue alternate again.
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<String>> driven = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      ProcessEngine first = i % 2 == 0 ? engine1 : engine2;
      ProcessEngine second = i % 2 == 0 ? engine2 : engine1;
      int number = i;
      driven.add(clients.submit(() -> driveToMonitoring(first, second, "绍兴集群" + number + "公司")));
    }
    List<String> keys = new ArrayList<>();
    for (Future<String> key : driven) {
      keys.add(key.get());
    }
    clients.shutdown();

    // Three months on: every case's first monitoring report is overdue. Node 2 stops while the
    // timers
    // are being worked off; node 1 takes over whatever node 2 had locked once its locks expire.
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(92, ChronoUnit.DAYS)));
    Thread.sleep(300);
    JdbcClient jdbc = node1.getBean(JdbcClient.class);
    String node2Owner =
        ((ProcessEngineConfigurationImpl) engine2.getProcessEngineConfiguration())
            .getJobExecutor()
            .getLockOwner();
    node2.close();
    long heldByStoppedNode =
        jdbc.sql("SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ = ?")
            .param(node2Owner)
            .query(Long.class)
            .single();
    waitUntil(
        Duration.ofSeconds(90),
        () ->
            keys.stream()
                .allMatch(
                    key ->
                        engine1
                                .getTaskService()
                                .createTaskQuery()
                                .processInstanceBusinessKey(key)
                                .taskDefinitionKey("Task_ReviewOverdueReport")
                                .count()
                            > 0));
    Thread.sleep(2000);

    EvidenceLedger ledger = node1.getBean(EvidenceLedger.class);
    int completions = 0;
    for (String key : keys) {
      List<EvidenceRecord> records = ledger.records(key);
      assertThat(ledger.verify(key).isIntact()).as(key).isTrue();
      Map<String, Long> completedPerTask =
          records.stream()
              .filter(
                  r ->
                      r.recordType().equals("TASK_COMPLETED") || r.recordType().equals("VOTE_CAST"))
              .collect(Collectors.groupingBy(EvidenceRecord::taskId, Collectors.counting()));
      assertThat(completedPerTask.values())
          .as(key + ": a completion recorded twice")
          .allMatch(n -> n == 1);
      completions += completedPerTask.size();
      assertThat(records.stream().filter(r -> "MONITORING_REPORT_OVERDUE".equals(r.recordType())))
          .as(key + ": the overdue timer ran once")
          .hasSize(1);
      assertThat(
              engine1
                  .getTaskService()
                  .createTaskQuery()
                  .processInstanceBusinessKey(key)
                  .taskDefinitionKey("Task_ReviewOverdueReport")
                  .count())
          .as(key + ": one overdue review")
          .isOne();
    }
    long incidents = engine1.getRuntimeService().createIncidentQuery().count();
    long orphans =
        jdbc.sql(
                """
        SELECT COUNT(*) FROM evidence_record e WHERE NOT EXISTS (SELECT 1 FROM case_file c WHERE c.business_key = e.business_key)""")
            .query(Long.class)
            .single();
    Map<String, Long> jobsPerNode =
        jdbc
            .sql(
                """
            SELECT hostname_, COUNT(*) AS jobs FROM act_hi_job_log WHERE job_state_ = 2 GROUP BY hostname_""")
            .query((row, n) -> Map.entry(row.getString("hostname_"), row.getLong("jobs")))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    // A case's job runs once; the engine's own recurring history-cleanup job legitimately runs
    // again and again.
    List<String> jobsRunTwice =
        jdbc.sql(
                """
            SELECT job_id_ || ' ' || COALESCE(job_def_type_, '-') || ' ' || COALESCE(process_instance_id_, '-')
            FROM act_hi_job_log WHERE job_state_ = 2 AND process_instance_id_ IS NOT NULL
            GROUP BY job_id_, job_def_type_, process_instance_id_ HAVING COUNT(*) > 1""")
            .query(String.class)
            .list();
    long duplicateJobRuns = jobsRunTwice.size();

    System.out.println(
        "[cluster] "
            + keys.size()
            + " cases driven through 2 nodes in "
            + Duration.between(started, Instant.now()).toSeconds()
            + " s; "
            + completions
            + " completions; jobs run per node "
            + jobsPerNode
            + "; jobs run twice: "
            + duplicateJobRuns
            + "; incidents: "
            + incidents
            + "; orphan records: "
            + orphans
            + "; node2 stopped mid-run holding "
            + heldByStoppedNode
            + " locked jobs");
    assertThat(incidents).isZero();
    assertThat(orphans).isZero();
    assertThat(jobsRunTwice).isEmpty();
    assertThat(jobsPerNode.keySet()).contains("node1");
  }

  private static String driveToMonitoring(
      ProcessEngine first, ProcessEngine second, String applicant) throws InterruptedException {
    LifecycleDriver one = new LifecycleDriver(first);
    LifecycleDriver two = new LifecycleDriver(second);
    String id =
        one.apply("manager1", intake(applicant, "workingCapitalLoan", 1_000_000, 12)).getId();
    one.complete(id, "Task_CustomerInvestigation", "manager1", investigation(false));
    two.complete(id, "Task_AnalysisEvaluation", "manager1", evaluation("approve"));
    waitUntil(Duration.ofSeconds(60), () -> !one.voters(id).isEmpty());
    List<String> voters = one.voters(id);
    for (int v = 0; v < voters.size(); v++) {
      (v % 2 == 0 ? one : two).complete(id, "Task_CommitteeVote", voters.get(v), vote("approve"));
    }
    one.complete(id, "Task_SignContracts", "manager1", contracts(false));
    two.complete(id, "Task_IssueGuarantee", "manager1", issue(1_000_000));
    return first
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(id)
        .singleResult()
        .getBusinessKey();
  }

  private static void waitUntil(Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not reached within " + limit);
      }
      Thread.sleep(200);
    }
  }
}
