package com.creditdiligence.security;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.DemoSubmissions;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.demo.TestSubmissions;
import com.creditdiligence.evidence.EvidenceLedger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's REST doors (/engine-rest and the webapps' /camunda/api/engine, which Tasklist uses) treat a
 * signed-in business user as hostile input: each attack an insider tried is refused with a 4xx before the
 * engine is called, and the case, its variables and its evidence chain stay as they were.
 */
@ApplicationTest
class EngineDoorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;
  @Autowired Http http;

  private LifecycleDriver driver;

  record Answer(int status, JsonNode body, String contentType) {}

  @BeforeEach
  void driver() {
    driver = new LifecycleDriver(engine);
  }

  @Test
  void aCompletionCarryingAVariableThatIsNotOnItsFormIsRefusedAndNothingIsKept() {
    ProcessInstance rejected = rejectedAgainstTheRecommendation("无锡门禁甲公司");
    Task opinion = driver.taskOf(rejected.getId(), "Task_RecordReservedOpinion", "manager1");
    int chainBefore = chainLength(rejected.getBusinessKey());

    Map<String, Object> forged = new LinkedHashMap<>(TestSubmissions.reservedOpinion(true));
    forged.put("committeeResult", "approved");
    Answer answer =
        rest("manager1", "POST", "/task/" + opinion.getId() + "/complete", completion(forged));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("errors").has("committeeResult")).isTrue();
    assertThat(answer.body().path("errors").has("reservedOpinionText")).isFalse();
    // Nor hidden behind a second "variables", which another reader of the body might take instead
    // of the first.
    Answer twice =
        rest(
            "manager1",
            "POST",
            "/task/" + opinion.getId() + "/complete",
            "{\"variables\": {}, " + completion(forged).substring(1));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(openTask(opinion.getId())).isTrue();
    assertThat(engine.getRuntimeService().getVariable(rejected.getId(), "committeeResult"))
        .isEqualTo("rejected");
    assertThat(chainLength(rejected.getBusinessKey())).isEqualTo(chainBefore);
  }

  @Test
  void theSameCompletionWithExactlyItsFormsFieldsIsAccepted() {
    ProcessInstance rejected = rejectedAgainstTheRecommendation("无锡门禁乙公司");
    Task opinion = driver.taskOf(rejected.getId(), "Task_RecordReservedOpinion", "manager1");

    Answer answer =
        rest(
            "manager1",
            "POST",
            "/task/" + opinion.getId() + "/submit-form",
            completion(TestSubmissions.reservedOpinion(true)));

    assertThat(answer.status()).isEqualTo(204);
    assertThat(openTask(opinion.getId())).isFalse();
  }

  @Test
  void anEvaluationCannotCarryTheAmountOrTheCaseManager() {
    ProcessInstance application =
        driver.apply("manager1", intake("无锡门禁丙公司", "workingCapitalLoan", 30_000_000, 12));
    driver.complete(
        application.getId(),
        "Task_CustomerInvestigation",
        "manager1",
        DemoSubmissions.investigation(false));
    Task evaluation = driver.taskOf(application.getId(), "Task_AnalysisEvaluation", "manager1");
    Map<String, Object> forged = new LinkedHashMap<>(DemoSubmissions.evaluation("approve"));
    forged.put("amount", 1_000_000L);
    forged.put("caseManager", "nobody");

    Answer answer =
        rest("manager1", "POST", "/task/" + evaluation.getId() + "/complete", completion(forged));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("errors").has("amount")).isTrue();
    assertThat(answer.body().path("errors").has("caseManager")).isTrue();
    assertThat(openTask(evaluation.getId())).isTrue();
    assertThat(
            ((Number) engine.getRuntimeService().getVariable(application.getId(), "amount"))
                .longValue())
        .isEqualTo(30_000_000L);
  }

  @Test
  void theReportShowsTheIntakesRevenueReadOnlyAndCannotChangeIt() {
    ProcessInstance application =
        driver.apply("manager1", intake("无锡门禁营收公司", "workingCapitalLoan", 2_000_000, 12));
    driver.complete(
        application.getId(),
        "Task_CustomerInvestigation",
        "manager1",
        DemoSubmissions.investigation(false));
    Task evaluation = driver.taskOf(application.getId(), "Task_AnalysisEvaluation", "manager1");
    Map<String, Object> changed = new LinkedHashMap<>(DemoSubmissions.evaluation("approve"));
    changed.put("revenueLastYear", 990_000_000L);

    Answer refused =
        rest(
            "manager1",
            "POST",
            "/task/" + evaluation.getId() + "/submit-form",
            completion(changed));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors").has("revenueLastYear")).isTrue();
    assertThat(openTask(evaluation.getId())).isTrue();
    assertThat(
            ((Number)
                    engine.getRuntimeService().getVariable(application.getId(), "revenueLastYear"))
                .longValue())
        .isEqualTo(180_000_000L);

    // The report as the form submits it, without the read-only figure, is accepted; its record
    // shows the intake's.
    Answer accepted =
        rest(
            "manager1",
            "POST",
            "/task/" + evaluation.getId() + "/submit-form",
            completion(DemoSubmissions.evaluation("approve")));

    assertThat(accepted.status()).isEqualTo(204);
    assertThat(openTask(evaluation.getId())).isFalse();
  }

  @Test
  void aCommitteeMemberCannotWriteVariablesOnTheirVoteNorHandItOver() {
    ProcessInstance atCommittee =
        driver.toCommittee(
            "manager1", intake("无锡门禁丁公司", "workingCapitalLoan", 2_000_000, 12), "approve");
    String member = driver.voters(atCommittee.getId()).get(0);
    Task vote = driver.taskOf(atCommittee.getId(), "Task_CommitteeVote", member);
    int chainBefore = chainLength(atCommittee.getBusinessKey());
    String zero = "{\"value\": 0, \"type\": \"Integer\"}";

    assertThat(
            rest(
                    member,
                    "PUT",
                    "/task/" + vote.getId() + "/variables/committeeApprovalsRequired",
                    zero)
                .status())
        .isEqualTo(403);
    assertThat(
            rest(
                    member,
                    "PUT",
                    "/task/" + vote.getId() + "/localVariables/committeeMember",
                    "{\"value\": \"manager2\", \"type\": \"String\"}")
                .status())
        .isEqualTo(403);
    assertThat(
            rest(
                    member,
                    "POST",
                    "/task/" + vote.getId() + "/variables",
                    "{\"modifications\": {\"committeeApprovalsRequired\": " + zero + "}}")
                .status())
        .isEqualTo(403);
    assertThat(
            rest(
                    member,
                    "PUT",
                    "/process-instance/"
                        + atCommittee.getId()
                        + "/variables/committeeApprovalsRequired",
                    zero)
                .status())
        .isEqualTo(403);
    assertThat(
            rest(
                    member,
                    "PUT",
                    "/execution/" + vote.getExecutionId() + "/localVariables/committeeMember",
                    "{\"value\": \"manager2\", \"type\": \"String\"}")
                .status())
        .isEqualTo(403);
    assertThat(
            rest(
                    member,
                    "POST",
                    "/task/" + vote.getId() + "/assignee",
                    "{\"userId\": \"manager2\"}")
                .status())
        .isEqualTo(403);
    assertThat(
            rest(
                    member,
                    "POST",
                    "/task/" + vote.getId() + "/delegate",
                    "{\"userId\": \"manager2\"}")
                .status())
        .isEqualTo(403);
    assertThat(
            rest(member, "POST", "/task/" + vote.getId() + "/claim", "{\"userId\": \"manager2\"}")
                .status())
        .isEqualTo(403);
    assertThat(rest(member, "POST", "/task/" + vote.getId() + "/unclaim", "").status())
        .isEqualTo(403);
    assertThat(rest(member, "POST", "/task/no-such-task/unclaim", "").status()).isBetween(400, 499);
    assertThat(
            rest(
                    member,
                    "POST",
                    "/task/" + vote.getId() + "/identity-links",
                    "{\"userId\": \"manager2\", \"type\": \"candidate\"}")
                .status())
        .isEqualTo(403);

    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(vote.getId())
                .singleResult()
                .getAssignee())
        .isEqualTo(member);
    assertThat(
            engine
                .getRuntimeService()
                .getVariable(atCommittee.getId(), "committeeApprovalsRequired"))
        .isNotEqualTo(0);
    assertThat(engine.getTaskService().getVariable(vote.getId(), "committeeMember"))
        .isEqualTo(member);
    assertThat(chainLength(atCommittee.getBusinessKey())).isEqualTo(chainBefore);
  }

  @Test
  void
      behindTheDoorCamundasOwnGrantLetsAnAssigneeWorkOnTheirTaskButNotReassignItOrWriteItsVariables() {
    ProcessInstance atCommittee =
        driver.toCommittee(
            "manager1", intake("无锡门禁癸公司", "workingCapitalLoan", 2_000_000, 12), "approve");
    String member = driver.voters(atCommittee.getId()).get(0);
    Task vote = driver.taskOf(atCommittee.getId(), "Task_CommitteeVote", member);
    var tasks = engine.getTaskService();

    LifecycleDriver.signIn(engine, member);
    try {
      assertThatThrownBy(() -> tasks.setAssignee(vote.getId(), "manager2"))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> tasks.delegateTask(vote.getId(), "manager2"))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> tasks.setVariable(vote.getId(), "committeeApprovalsRequired", 0))
          .isInstanceOf(AuthorizationException.class);
      assertThat(tasks.createTaskQuery().taskId(vote.getId()).count()).isEqualTo(1);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void aStartCannotSkipStepsNameACaseOrCarryVariablesOffItsForm() {
    long casesBefore =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey("guarantee-lifecycle")
            .count();
    String start = "/process-definition/key/guarantee-lifecycle/start";
    String variables = camundaVariables(intake("无锡门禁戊公司", "workingCapitalLoan", 2_000_000, 12));

    Answer skipping =
        rest(
            "manager1",
            "POST",
            start,
            "{\"variables\": "
                + variables
                + ", \"startInstructions\": "
                + "[{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_IssueGuarantee\"}]}");
    Answer skippingListeners =
        rest(
            "manager1",
            "POST",
            start,
            "{\"variables\": "
                + variables
                + ", \"skipCustomListeners\": true, \"skipIoMappings\": true}");
    Answer namingACase =
        rest(
            "manager1",
            "POST",
            start,
            "{\"variables\": " + variables + ", \"businessKey\": \"GA-2026-000001\"}");
    Map<String, Object> offForm =
        new LinkedHashMap<>(intake("无锡门禁戊公司", "workingCapitalLoan", 2_000_000, 12));
    offForm.put("caseManager", "manager2");
    Answer forgingTheManager =
        rest(
            "manager1",
            "POST",
            "/process-definition/key/guarantee-lifecycle/submit-form",
            "{\"variables\": " + camundaVariables(offForm) + "}");

    assertThat(skipping.status()).isEqualTo(400);
    assertThat(skipping.body().path("errors").has("startInstructions")).isTrue();
    assertThat(skippingListeners.status()).isEqualTo(400);
    assertThat(skippingListeners.body().path("errors").has("skipCustomListeners")).isTrue();
    assertThat(namingACase.status()).isEqualTo(400);
    assertThat(namingACase.body().path("errors").has("businessKey")).isTrue();
    assertThat(forgingTheManager.status()).isEqualTo(400);
    assertThat(forgingTheManager.body().path("errors").has("caseManager")).isTrue();
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("guarantee-lifecycle")
                .count())
        .isEqualTo(casesBefore);

    Answer honest = rest("manager1", "POST", start, "{\"variables\": " + variables + "}");
    assertThat(honest.status()).isEqualTo(200);
    assertThat(honest.body().path("businessKey").asText()).startsWith("GA-");
  }

  @Test
  void aRefusedJobExecutionUsesUpNoRetry() {
    ProcessInstance monitored = driver.issuedGuarantee("manager1", "无锡门禁己公司", 1_000_000);
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(monitored.getId())
            .timers()
            .singleResult();

    for (int attempt = 0; attempt < 4; attempt++) {
      assertThat(rest("manager1", "POST", "/job/" + timer.getId() + "/execute", "").status())
          .isEqualTo(403);
    }
    assertThat(
            rest("manager1", "PUT", "/job/" + timer.getId() + "/retries", "{\"retries\": 0}")
                .status())
        .isEqualTo(403);
    assertThat(
            rest("manager1", "PUT", "/job/" + timer.getId() + "/duedate", "{\"duedate\": null}")
                .status())
        .isEqualTo(403);

    Job after = engine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(timer.getRetries());
    assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());
  }

  @Test
  void aBusinessUserCannotCorrelateMessagesModifyMigrateOrCancelACase() {
    ProcessInstance monitored = driver.issuedGuarantee("manager1", "无锡门禁庚公司", 1_000_000);
    int chainBefore = chainLength(monitored.getBusinessKey());
    String id = monitored.getId();

    assertThat(
            rest(
                    "manager1",
                    "POST",
                    "/message",
                    "{\"messageName\": \"WarningSignal\", \"businessKey\": \""
                        + monitored.getBusinessKey()
                        + "\"}")
                .status())
        .isEqualTo(403);
    assertThat(rest("manager1", "POST", "/signal", "{\"name\": \"anything\"}").status())
        .isEqualTo(403);
    assertThat(
            rest(
                    "manager1",
                    "POST",
                    "/process-instance/" + id + "/modification",
                    "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_ReleaseGuarantee\"}]}")
                .status())
        .isEqualTo(403);
    assertThat(rest("manager1", "POST", "/migration/execute", "{}").status()).isEqualTo(403);
    assertThat(rest("manager1", "DELETE", "/process-instance/" + id, "").status()).isEqualTo(403);
    assertThat(
            rest(
                    "manager1",
                    "PUT",
                    "/process-instance/" + id + "/suspended",
                    "{\"suspended\": true}")
                .status())
        .isEqualTo(403);
    // The same paths with the engine's name, with matrix parameters, or with the method overridden.
    assertThat(
            rest(
                    "manager1",
                    "POST",
                    "/engine/default/message",
                    "{\"messageName\": \"WarningSignal\"}")
                .status())
        .isEqualTo(403);
    assertThat(
            rest("manager1", "POST", "/message;x=1", "{\"messageName\": \"WarningSignal\"}")
                .status())
        .isEqualTo(403);

    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(id)
                .active()
                .count())
        .isEqualTo(1);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(id)
                .taskDefinitionKey("Task_ReleaseGuarantee")
                .count())
        .isZero();
    assertThat(chainLength(monitored.getBusinessKey())).isEqualTo(chainBefore);
  }

  @Test
  void theWebappsEngineApiIsTheSameDoor() {
    ProcessInstance rejected = rejectedAgainstTheRecommendation("无锡门禁辛公司");
    Task opinion = driver.taskOf(rejected.getId(), "Task_RecordReservedOpinion", "manager1");
    int chainBefore = chainLength(rejected.getBusinessKey());
    Http.Session session = http.tasklist("manager1");
    String base = "/camunda/api/engine/engine/default";

    Map<String, Object> forged = new LinkedHashMap<>(TestSubmissions.reservedOpinion(true));
    forged.put("committeeResult", "approved");
    Answer completion =
        webapp(
            session,
            "POST",
            base + "/task/" + opinion.getId() + "/submit-form",
            completion(forged));
    Answer variableWrite =
        webapp(
            session,
            "PUT",
            base + "/process-instance/" + rejected.getId() + "/variables/committeeResult",
            "{\"value\": \"approved\", \"type\": \"String\"}");
    Answer message =
        webapp(session, "POST", base + "/message", "{\"messageName\": \"WarningSignal\"}");

    assertThat(completion.status()).isEqualTo(400);
    assertThat(completion.body().path("errors").has("committeeResult")).isTrue();
    assertThat(variableWrite.status()).isEqualTo(403);
    assertThat(variableWrite.body().path("detail").asText()).contains("not open to business users");
    assertThat(message.status()).isEqualTo(403);
    assertThat(message.body().path("detail").asText()).contains("not open to business users");
    assertThat(openTask(opinion.getId())).isTrue();
    assertThat(engine.getRuntimeService().getVariable(rejected.getId(), "committeeResult"))
        .isEqualTo("rejected");
    assertThat(chainLength(rejected.getBusinessKey())).isEqualTo(chainBefore);

    Answer honest =
        webapp(
            session,
            "POST",
            base + "/task/" + opinion.getId() + "/submit-form",
            completion(TestSubmissions.reservedOpinion(true)));
    assertThat(honest.status()).as(honest.body().toString()).isEqualTo(204);
  }

  @Test
  void anAdministratorStillReachesTheWholeApi() {
    ProcessInstance atCommittee =
        driver.toCommittee(
            "manager1", intake("无锡门禁壬公司", "workingCapitalLoan", 2_000_000, 12), "approve");
    Answer answer =
        rest(
            "admin",
            "PUT",
            "/process-instance/" + atCommittee.getId() + "/variables/adminNote",
            "{\"value\": \"checked\", \"type\": \"String\"}");
    assertThat(answer.status()).isEqualTo(204);
  }

  /** manager1 recommended approval; every drawn member rejected: the manager's reserved opinion is open. */
  private ProcessInstance rejectedAgainstTheRecommendation(String applicant) {
    ProcessInstance guaranteeCase =
        driver.toCommittee(
            "manager1", intake(applicant, "workingCapitalLoan", 2_000_000, 12), "approve");
    driver
        .voters(guaranteeCase.getId())
        .forEach(
            member ->
                driver.complete(
                    guaranteeCase.getId(),
                    "Task_CommitteeVote",
                    member,
                    DemoSubmissions.vote("reject")));
    return guaranteeCase;
  }

  private boolean openTask(String taskId) {
    return engine.getTaskService().createTaskQuery().taskId(taskId).count() == 1;
  }

  private int chainLength(String businessKey) {
    return ledger.records(businessKey).size();
  }

  private static String completion(Map<String, Object> values) {
    return "{\"variables\": " + camundaVariables(values) + "}";
  }

  /** Values as Camunda's REST API takes them: each with its type. */
  private static String camundaVariables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          Map<String, Object> typed = new LinkedHashMap<>();
          if (value instanceof JsonValue json) {
            typed.put("value", json.getValueSerialized());
            typed.put("type", "Json");
          } else {
            typed.put("value", value);
            typed.put(
                "type",
                value instanceof Boolean
                    ? "Boolean"
                    : value instanceof Integer
                        ? "Integer"
                        : value instanceof Long
                            ? "Long"
                            : value instanceof Number ? "Double" : "String");
          }
          variables.put(name, typed);
        });
    try {
      return JSON.writeValueAsString(variables);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Answer rest(String user, String method, String path, String body) {
    Http.Request request =
        http.request(method, "/engine-rest" + path)
            .as(user)
            .header("Content-Type", "application/json");
    return answer(body.isEmpty() ? request.send() : request.body(body).send());
  }

  private Answer webapp(Http.Session session, String method, String path, String body) {
    return answer(http.request(method, path).in(session).xsrf().json(body).send());
  }

  private static Answer answer(Http.Answer answer) {
    return new Answer(answer.status(), answer.jsonOrText(), answer.contentType());
  }
}
