package com.creditdiligence.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.EvidenceLedger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Garbage at every door that takes input — the /api endpoints and the forms' server-side checks through
 * /engine-rest, as Tasklist submits them: generated malformed JSON, wrong types, missing and extra fields,
 * huge values, absurd amounts and dates, unknown and foreign case keys, injection strings, wrong content
 * types. Every answer is a 4xx that says what is wrong; none is a 5xx; nothing is written.
 */
@ApplicationTest
@Tag("production")
class BadInputTest {

  private static final int PER_DOOR = 60;

  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;
  @Autowired JdbcClient jdbc;
  @Autowired Http http;

  private record Door(String method, String path, String user, String contentType) {}

  private record Answer(int status, String body, String contentType) {}

  /**
   * What an error body must never show: Java class or package names, exception names, engine log codes, SQL,
   * table names, stack frames, or a JSON parser's position report.
   */
  static final Pattern INTERNALS =
      Pattern.compile(
          "\\b(org|java|javax|jakarta|com|sun)\\.[a-z]\\w*\\.|Exception|"
              + "[A-Z]\\w+Error\\b|ENGINE-\\d{5}|\\bSQL\\b|\\bSELECT\\b.+\\bFROM\\b|\\bINSERT INTO\\b|\\bUPDATE\\b.+\\bSET\\b|"
              + "\\bACT_[A-Z]{2}_|\\bat [\\w$]+(\\.[\\w$]+)+\\(|\\[Source: |line: \\d+, column: \\d+");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The answers so far, by status, and every one that was not a clear, clean 4xx problem. */
  private final Map<Integer, Integer> statuses = new TreeMap<>();

  private final List<String> wrong = new ArrayList<>();
  private int tried;

  /** A 4xx, as application/problem+json that says what is wrong, and shows nothing of the server's insides. */
  private void judge(String request, Answer answer) {
    tried++;
    statuses.merge(answer.status(), 1, Integer::sum);
    String fault =
        answer.status() < 400 || answer.status() >= 500
            ? "not a 4xx"
            : !answer.contentType().startsWith("application/problem+json")
                ? "not a problem (" + answer.contentType() + ")"
                : !readable(answer.body())
                    ? "no detail or message"
                    : INTERNALS.matcher(answer.body()).find() ? "shows internals" : null;
    if (fault != null) {
      wrong.add(request + " → " + answer.status() + " " + fault + ": " + abbreviate(answer.body()));
    }
  }

  private static boolean readable(String body) {
    try {
      JsonNode problem = JSON.readTree(body);
      return problem != null
          && problem.isObject()
          && (!problem.path("detail").asText("").isBlank()
              || !problem.path("message").asText("").isBlank());
    } catch (Exception notJson) {
      return false;
    }
  }

  private String figures() {
    return "answers by status "
        + statuses
        + "; 5xx: "
        + statuses.entrySet().stream()
            .filter(e -> e.getKey() >= 500)
            .mapToInt(Map.Entry::getValue)
            .sum();
  }

  @Test
  void everyBadInputGetsAClear4xxAndLeavesNoTrace() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "湖州坏输入甲公司", 1_000_000).getBusinessKey();
    String foreignKey =
        driver
            .apply(
                "manager2",
                com.creditdiligence.demo.DemoSubmissions.intake(
                    "湖州坏输入乙公司", "workingCapitalLoan", 1_000_000, 12))
            .getBusinessKey();
    String reportTask =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(key)
            .taskDefinitionKey("Task_MonitoringReport")
            .singleResult()
            .getId();
    String intakeForm = "/engine-rest/process-definition/key/guarantee-lifecycle/submit-form";

    Map<Door, Arbitrary<String>> doors = new LinkedHashMap<>();
    doors.put(
        new Door("POST", "/api/cases/" + key + "/major-events", "manager1", "application/json"),
        badObjects(
            Map.of(
                "kind",
                "\"majorLitigation\"",
                "description",
                "\"被起诉\"",
                "occurredOn",
                "\"2026-11-01\""),
            List.of("occurredOn"),
            List.of("kind")));
    doors.put(
        new Door("POST", "/api/cases/" + key + "/warning-signals", "manager1", "application/json"),
        badObjects(
            Map.of(
                "category",
                "\"financialCondition\"",
                "item",
                "\"fc01\"",
                "description",
                "\"逾期\"",
                "occurredOn",
                "\"2026-11-01\""),
            List.of("occurredOn"),
            List.of("category", "item")));
    doors.put(
        new Door(
            "POST", "/api/cases/" + foreignKey + "/major-events", "manager1", "application/json"),
        Arbitraries.just(
            "{\"kind\":\"majorLitigation\",\"description\":\"他人的案件 a foreign case\",\"occurredOn\":\"2026-11-01\"}"));
    doors.put(
        new Door(
            "POST", "/api/cases/" + key + "/evidence/1/amendments", "manager1", "application/json"),
        badObjects(
            Map.of("reason", "\"更正笔误 Correcting a typo in the record\"", "changes", "{\"x\":1}"),
            List.of(),
            List.of()));
    doors.put(
        new Door("PUT", "/api/managers/manager1/qualification", "head1", "application/json"),
        badObjects(
            Map.of(
                "level",
                "\"senior\"",
                "validFrom",
                "\"2026-01-01\"",
                "validUntil",
                "\"2029-01-01\""),
            List.of("validFrom", "validUntil"),
            List.of("level")));
    doors.put(
        new Door(
            "POST",
            "/api/cases/" + key + "/accountability-reviews",
            "auditor1",
            "application/json"),
        badObjects(Map.of("reason", "\"抽查 spot check of monitoring\""), List.of(), List.of()));
    doors.put(
        new Door(
            "POST",
            "/engine-rest/task/" + reportTask + "/submit-form",
            "manager1",
            "application/json"),
        badForm(
            Map.of(
                "riskClass", "normal", "checkMode", "onSite", "nextStep", "continueMonitoring")));
    doors.put(
        new Door("POST", intakeForm, "manager1", "application/json"),
        badForm(
            Map.of(
                "applicantName",
                "某公司",
                "product",
                "workingCapitalLoan",
                "applicantType",
                "enterprise")));
    for (String unknown :
        List.of(
            "GA-2026-999999",
            "' OR 1=1 --",
            "..%2F..%2Fetc%2Fpasswd",
            "<script>alert(1)</script>")) {
      doors.put(
          new Door(
              "POST",
              "/api/cases/" + encode(unknown) + "/major-events",
              "manager1",
              "application/json"),
          Arbitraries.just(
              "{\"kind\":\"majorLitigation\",\"description\":\"x\",\"occurredOn\":\"2026-11-01\"}"));
    }

    long recordsBefore = count("evidence_record");
    long casesBefore = count("case_file");
    long reviewsBefore = count("accountability_review");
    for (Map.Entry<Door, Arbitrary<String>> entry : doors.entrySet()) {
      Door door = entry.getKey();
      List<String> inputs = entry.getValue().sampleStream().limit(PER_DOOR).distinct().toList();
      for (String input : inputs) {
        for (String contentType :
            List.of(door.contentType(), "text/plain", "multipart/form-data")) {
          judge(
              door.method() + " " + door.path() + " [" + contentType + "] " + abbreviate(input),
              send(door, contentType, input));
        }
      }
    }
    // Oversized and wrong-typed uploads.
    for (String[] upload :
        List.of(
            new String[] {"big.pdf", "application/pdf", "11"},
            new String[] {"x.exe", "application/x-msdownload", "0"},
            new String[] {"", "application/pdf", "0"})) {
      Answer answer =
          upload(key, upload[0], upload[1], Integer.parseInt(upload[2]) * 1024 * 1024 + 1);
      if (answer.status() == 0) {
        // The server may close the connection on an oversized upload: that is a refusal, not a
        // failure.
        tried++;
        continue;
      }
      judge("upload " + upload[0], answer);
    }

    System.out.println(
        "[bad input] tried " + tried + " inputs at " + (doors.size() + 1) + " doors; " + figures());
    assertThat(wrong).as("inputs not answered with a clear 4xx").isEmpty();
    assertThat(count("evidence_record"))
        .as("ledger records written by bad input")
        .isEqualTo(recordsBefore);
    assertThat(count("case_file")).isEqualTo(casesBefore);
    assertThat(count("accountability_review")).isEqualTo(reviewsBefore);
  }

  /**
   * Whole classes of malformed requests, at /api, /engine-rest and the webapps' engine API as Tasklist calls it
   * (signed in, with the CSRF token): wrong or missing content types, variable types the forms never submit,
   * JSON nested beyond reason, values longer than the record keeps, dates no database holds, keys far too long,
   * empty bodies, Spring's error page itself, and two claims of one task at once.
   */
  @Test
  void everyClassOfMalformedRequestGetsAProblemNotA5xx() throws Exception {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "湖州坏输入丙公司", 1_000_000).getBusinessKey();
    String reportTask =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(key)
            .taskDefinitionKey("Task_MonitoringReport")
            .singleResult()
            .getId();
    String offeredTask = offeredToTwoAuditors(key);
    Http.Session tasklist = http.tasklist("manager1");
    String webapp = "/camunda/api/engine/engine/default";
    String intakeForm = "/process-definition/key/guarantee-lifecycle/submit-form";
    String validIntake =
        com.creditdiligence.EngineRestSteps.submitForm(
            com.creditdiligence.demo.DemoSubmissions.intake(
                "湖州坏输入丁公司", "workingCapitalLoan", 1_000_000, 12));

    long recordsBefore = count("evidence_record");
    long casesBefore = count("case_file");
    long reviewsBefore = count("accountability_review");
    long instancesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().count();

    List<Call> calls = new ArrayList<>();
    // Content types: none, text, a form, multipart without its boundary, JSON labelled multipart.
    String event =
        "{\"kind\":\"majorLitigation\",\"description\":\"被起诉\",\"occurredOn\":\"2026-11-01\"}";
    String report = "{\"variables\":{\"riskClass\":{\"value\":\"normal\",\"type\":\"String\"}}}";
    for (String contentType :
        List.of(
            "",
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "multipart/form-data; boundary=----not-json",
            "application/json; charset=no-such-charset")) {
      calls.add(
          Call.basic(
              "manager1", "POST", "/api/cases/" + key + "/major-events", contentType, event));
      calls.add(
          Call.basic(
              "manager1",
              "POST",
              "/engine-rest/task/" + reportTask + "/submit-form",
              contentType,
              report));
      calls.add(
          Call.basic(
              "admin",
              "POST",
              "/engine-rest/task/" + reportTask + "/submit-form",
              contentType,
              report));
      calls.add(
          Call.session(
              tasklist,
              "POST",
              webapp + "/task/" + reportTask + "/submit-form",
              contentType,
              report));
    }
    // Variable types and values no form submits: unknown, missing, serialized Java, files, JSON
    // that is not JSON.
    List<String> variables =
        List.of(
            "{\"value\":\"x\",\"type\":\"NoSuchType\"}",
            "{\"value\":{\"x\":1},\"type\":null}",
            "{\"value\":{\"a\":1}}",
            "{\"value\":[1,2],\"type\":null}",
            "{\"value\":\"x\",\"type\":\"\"}",
            "\"normal\"",
            "[]",
            "{\"value\":\"[1,\",\"type\":\"Json\"}",
            "{\"value\":{\"a\":1},\"type\":\"Json\"}",
            "{\"value\":\"rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==\",\"type\":"
                + "\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.util.ArrayList\",\"serializationDataFormat\":"
                + "\"application/x-java-serialized-object\"}}",
            "{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.util.HashMap\","
                + "\"serializationDataFormat\":\"application/json\"}}",
            "{\"value\":\"AAEC\",\"type\":\"Bytes\"}",
            "{\"value\":\"AAEC\",\"type\":\"File\",\"valueInfo\":{\"filename\":\"x.txt\"}}",
            "{\"value\":\"<a/>\",\"type\":\"Xml\"}",
            "{\"value\":\"kein Datum\",\"type\":\"Date\"}",
            "{\"value\":99999999999,\"type\":\"Integer\"}",
            "{\"value\":\"x\",\"type\":\"String\",\"valueInfo\":7}");
    for (String variable : variables) {
      String body = "{\"variables\":{\"riskClass\":" + variable + "}}";
      calls.add(
          Call.basic(
              "manager1",
              "POST",
              "/engine-rest/task/" + reportTask + "/submit-form",
              "application/json",
              body));
      calls.add(
          Call.basic(
              "manager1",
              "POST",
              "/engine-rest/task/" + reportTask + "/complete",
              "application/json",
              body));
      calls.add(
          Call.basic(
              "admin",
              "POST",
              "/engine-rest/task/" + reportTask + "/complete",
              "application/json",
              body));
      calls.add(
          Call.session(
              tasklist,
              "POST",
              webapp + "/task/" + reportTask + "/submit-form",
              "application/json",
              body));
      String start =
          validIntake.replaceFirst("\"applicantName\":\\{[^}]*}", "\"applicantName\":" + variable);
      calls.add(
          Call.basic("manager1", "POST", "/engine-rest" + intakeForm, "application/json", start));
      calls.add(
          Call.basic("admin", "POST", "/engine-rest" + intakeForm, "application/json", start));
    }
    // An administrator may write more kinds of variable in Cockpit (objects as JSON, bytes, files),
    // but not these.
    String instance =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(key)
            .processDefinitionKey("guarantee-lifecycle")
            .singleResult()
            .getId();
    for (String variable :
        variables.stream()
            .filter(
                v ->
                    v.contains("x-java-serialized")
                        || !v.matches(".*\"type\":\"(Object|Bytes|File)\".*"))
            .toList()) {
      calls.add(
          Call.basic(
              "admin",
              "PUT",
              "/engine-rest/process-instance/" + instance + "/variables/badInputProbe",
              "application/json",
              variable));
      calls.add(
          Call.basic(
              "admin",
              "POST",
              "/engine-rest/process-instance/" + instance + "/variables",
              "application/json",
              "{\"modifications\":{\"badInputProbe\":" + variable + "}}"));
    }
    // Nesting: the limit of Jackson's parser (1,000) and far beyond, in a body and in a Json
    // variable's text.
    for (int depth : List.of(1_001, 10_000)) {
      String nested = "[".repeat(depth) + "]".repeat(depth);
      calls.add(
          Call.basic(
              "manager1",
              "POST",
              "/api/cases/" + key + "/major-events",
              "application/json",
              "{\"kind\":" + nested + "}"));
      calls.add(
          Call.basic(
              "manager1",
              "POST",
              "/engine-rest/task/" + reportTask + "/submit-form",
              "application/json",
              "{\"variables\":{\"riskClass\":{\"value\":" + nested + ",\"type\":\"String\"}}}"));
      calls.add(
          Call.basic(
              "admin",
              "POST",
              "/engine-rest/task/" + reportTask + "/submit-form",
              "application/json",
              "{\"variables\":{\"riskClass\":{\"value\":" + nested + ",\"type\":\"String\"}}}"));
      calls.add(
          Call.basic(
              "manager1",
              "POST",
              "/engine-rest/task/" + reportTask + "/submit-form",
              "application/json",
              "{\"variables\":{\"riskClass\":{\"value\":\"" + nested + "\",\"type\":\"Json\"}}}"));
      calls.add(
          Call.basic(
              "manager1",
              "POST",
              "/engine-rest/task",
              "application/json",
              "{\"orQueries\":" + nested + "}"));
      calls.add(
          Call.session(
              tasklist,
              "POST",
              webapp + "/task/" + reportTask + "/submit-form",
              "application/json",
              "{\"variables\":" + nested + "}"));
    }
    // Sizes: an applicant name longer than the case file keeps (200) and than any text value
    // (4,000).
    for (int length : List.of(201, 1_000, 4_000, 4_001)) {
      String start =
          validIntake.replaceFirst(
              "\"applicantName\":\\{[^}]*}",
              "\"applicantName\":{\"value\":\"" + "名".repeat(length) + "\",\"type\":\"String\"}");
      calls.add(
          Call.basic("manager1", "POST", "/engine-rest" + intakeForm, "application/json", start));
      calls.add(Call.session(tasklist, "POST", webapp + intakeForm, "application/json", start));
    }
    // Keys: far longer than any case number, in paths and as an administrator's start.
    for (String longKey : List.of("GA-2026-" + "9".repeat(40), "K".repeat(300))) {
      calls.add(Call.basic("manager1", "GET", "/api/cases/" + longKey + "/timeline", "", ""));
      calls.add(
          Call.basic(
              "manager1",
              "POST",
              "/api/cases/" + longKey + "/major-events",
              "application/json",
              event));
      calls.add(
          Call.basic(
              "admin",
              "POST",
              "/engine-rest/process-definition/key/guarantee-lifecycle/start",
              "application/json",
              "{\"businessKey\":\"" + longKey + "\",\"variables\":{}}"));
      calls.add(
          Call.basic(
              "admin",
              "POST",
              "/engine-rest/process-definition/key/guarantee-lifecycle/start",
              "application/json",
              validIntake.replaceFirst("\\{", "{\"businessKey\":\"" + longKey + "\",")));
    }
    // Dates at and beyond the ends of what java.time and the databases hold.
    for (String date :
        List.of(
            "+1000000000-01-01T00:00:00Z",
            "-1000000000-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z",
            "-4713-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "2026-13-45T99:99:99Z",
            "1e309")) {
      String encoded = encode(date);
      calls.add(
          Call.basic("manager1", "GET", "/api/cases/" + key + "/timeline?from=" + encoded, "", ""));
      calls.add(
          Call.basic("manager1", "GET", "/api/cases/" + key + "/timeline?to=" + encoded, "", ""));
    }
    // No body at all.
    for (String action :
        List.of(
            "/task/" + reportTask + "/complete",
            "/task/" + reportTask + "/submit-form",
            "/task/" + offeredTask + "/claim",
            intakeForm,
            "/process-definition/key/guarantee-lifecycle/start")) {
      calls.add(Call.basic("manager1", "POST", "/engine-rest" + action, "application/json", ""));
      calls.add(Call.basic("admin", "POST", "/engine-rest" + action, "application/json", ""));
      calls.add(Call.session(tasklist, "POST", webapp + action, "application/json", ""));
    }
    calls.add(
        Call.basic(
            "manager1", "POST", "/api/cases/" + key + "/major-events", "application/json", ""));
    // Spring's error page, asked for directly.
    for (String method : List.of("GET", "POST", "DELETE")) {
      calls.add(Call.basic("manager1", method, "/error", "", ""));
      calls.add(Call.session(tasklist, method, "/error", "", ""));
    }

    for (Call call : calls) {
      judge(call.toString(), call.send(http));
    }
    System.out.println(
        "[bad input] tried " + tried + " malformed requests of every class; " + figures());
    assertThat(wrong).as("requests not answered with a clear 4xx problem").isEmpty();
    assertThat(count("evidence_record"))
        .as("ledger records written by bad input")
        .isEqualTo(recordsBefore);
    assertThat(count("case_file")).isEqualTo(casesBefore);
    assertThat(count("accountability_review")).isEqualTo(reviewsBefore);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count())
        .as("process instances started by bad input")
        .isEqualTo(instancesBefore);
    assertThat(
            engine
                .getRuntimeService()
                .createVariableInstanceQuery()
                .variableName("badInputProbe")
                .count())
        .as("variables written by bad input")
        .isZero();

    // Two claims of one task at once, several times: one gets it (and the ledger records it), the
    // other is told
    // (409), never a 500.
    for (int race = 0; race < 5; race++) {
      int round = race;
      List<CompletableFuture<Answer>> both =
          List.of("auditor1", "auditor2").stream()
              .map(
                  auditor ->
                      Call.basic(
                          auditor,
                          "POST",
                          "/engine-rest/task/" + offeredTask + "/claim",
                          "application/json",
                          "{\"userId\":\"" + auditor + "\"}"))
              .map(claim -> CompletableFuture.supplyAsync(() -> claim.send(http)))
              .toList();
      List<Answer> answers = both.stream().map(CompletableFuture::join).toList();
      assertThat(answers)
          .extracting(Answer::status)
          .as("round " + round)
          .containsExactlyInAnyOrder(204, 409);
      answers.stream()
          .filter(answer -> answer.status() != 204)
          .forEach(lost -> judge("simultaneous claim, round " + round, lost));
      engine.getTaskService().setAssignee(offeredTask, null);
    }

    assertThat(wrong).as("simultaneous claims not answered with a clear 409").isEmpty();
    System.out.println("[bad input] simultaneous claims and all: " + figures());
  }

  /** An auditor's review of the case, offered to the auditors and claimed by none. */
  private String offeredToTwoAuditors(String key) {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("auditor2").count() == 0) {
      var auditor2 = identity.newUser("auditor2");
      auditor2.setPassword("demo");
      identity.saveUser(auditor2);
      identity.createMembership("auditor2", "auditor");
    }
    Answer opened =
        send(
            new Door(
                "POST",
                "/api/cases/" + key + "/accountability-reviews",
                "auditor1",
                "application/json"),
            "application/json",
            "{\"reason\":\"抽查:两位稽核同时认领 spot check\"}");
    assertThat(opened.status()).isEqualTo(201);
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_AuditorReview")
        .singleResult()
        .getId();
  }

  /** One request, sent with HTTP Basic or in a Tasklist session; no Content-Type header when it is empty. */
  private record Call(
      String user,
      Http.Session session,
      String method,
      String path,
      String contentType,
      String body) {

    static Call basic(String user, String method, String path, String contentType, String body) {
      return new Call(user, null, method, path, contentType, body);
    }

    static Call session(
        Http.Session session, String method, String path, String contentType, String body) {
      return new Call(null, session, method, path, contentType, body);
    }

    Answer send(Http http) {
      Http.Request request = http.request(method, path);
      if (!body.isEmpty()) {
        request.body(body);
      }
      if (!contentType.isEmpty()) {
        request.header("Content-Type", contentType);
      }
      if (session == null) {
        request.as(user);
      } else {
        request.in(session).xsrf();
      }
      try {
        return answer(request.send());
      } catch (java.io.UncheckedIOException e) {
        throw new IllegalStateException(this + ": " + e.getMessage(), e);
      }
    }

    @Override
    public String toString() {
      return method
          + " "
          + abbreviate(path)
          + (session == null ? " as " + user : " in Tasklist")
          + " ["
          + contentType
          + "] "
          + abbreviate(body);
    }
  }

  /** Wrong for any field: missing value, wrong type, empty, far too long, a control character, not a number. */
  private static final List<String> WRONG =
      List.of(
          "null",
          "\"\"",
          "123",
          "-1",
          "1e309",
          "[]",
          "{}",
          "true",
          "\"" + "长".repeat(70_000) + "\"",
          "\"\\u0000\"",
          "NaN");

  /** Wrong for a date: not a date, or out of any plausible range. */
  private static final List<String> WRONG_DATE =
      List.of(
          "\"9999-99-99\"",
          "\"2999-12-31\"",
          "\"0000-01-01\"",
          "\"1899-12-31\"",
          "\"-99999999999-01-01\"",
          "\"2026-02-30\"");

  /** Wrong for a code (a kind, a category, a level): injection strings. Free text may hold such text: it is escaped. */
  private static final List<String> INJECTION =
      List.of(
          "\"' OR 1=1 --\"",
          "\"<script>alert(1)</script>\"",
          "\"${jndi:ldap://x}\"",
          "\"#{7*7}\"",
          "\"../../etc/passwd\"");

  /**
   * JSON objects that are wrong in at least one way — a field dropped, or given a value wrong for its kind
   * (any field: {@link #WRONG}; dates also {@link #WRONG_DATE}; codes also {@link #INJECTION}), sometimes
   * with unknown fields added — and bodies that are not JSON objects at all.
   */
  private static Arbitrary<String> badObjects(
      Map<String, String> valid, List<String> dates, List<String> codes) {
    List<String> names = new ArrayList<>(valid.keySet());
    Arbitrary<String[]> wrongValue =
        Arbitraries.of(names)
            .flatMap(
                name -> {
                  List<String> values = new ArrayList<>(WRONG);
                  if (dates.contains(name)) {
                    values.addAll(WRONG_DATE);
                  }
                  if (codes.contains(name)) {
                    values.addAll(INJECTION);
                  }
                  return Arbitraries.of(values).map(value -> new String[] {name, value});
                });
    Arbitrary<String> wrongField =
        Combinators.combine(wrongValue, Arbitraries.integers().between(0, 2))
            .as(
                (wrong, how) -> {
                  Map<String, String> fields = new LinkedHashMap<>(valid);
                  if (how == 0) {
                    fields.remove(wrong[0]);
                  } else {
                    fields.put(wrong[0], wrong[1]);
                  }
                  if (how == 2) {
                    fields.put("unexpected" + wrong[0], wrong[1]);
                  }
                  return object(fields);
                });
    Arbitrary<String> notJson =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMinLength(0).ofMaxLength(40),
            Arbitraries.of(
                "{",
                "[1,2",
                "{\"a\":}",
                "null",
                "[]",
                "\"text\"",
                "<xml/>",
                "{\"reason\":" + "9".repeat(400) + "}"));
    return Arbitraries.oneOf(wrongField, wrongField, wrongField, notJson);
  }

  /** A form submission as /engine-rest takes it, with at least one value wrong in type, range or content. */
  private static Arbitrary<String> badForm(Map<String, String> valid) {
    Arbitrary<String> name =
        Arbitraries.of(new ArrayList<>(valid.keySet()))
            .injectDuplicates(0.1)
            .edgeCases(c -> c.add("amount"));
    Arbitrary<String> typed =
        Arbitraries.of(
            "{\"value\":\"abc\",\"type\":\"Long\"}",
            "{\"value\":-5,\"type\":\"Long\"}",
            "{\"value\":1e30,\"type\":\"Double\"}",
            "{\"value\":\"9999-99-99\",\"type\":\"String\"}",
            "{\"value\":\"' OR 1=1 --\",\"type\":\"String\"}",
            "{\"value\":null,\"type\":\"String\"}",
            "{\"value\":\"[1,\",\"type\":\"Json\"}",
            "{\"value\":true,\"type\":\"Boolean\"}",
            "{\"value\":\"x\",\"type\":\"NoSuchType\"}",
            "{\"value\":\"" + "长".repeat(5_000) + "\",\"type\":\"String\"}");
    Arbitrary<String> wrongValue =
        Combinators.combine(name, typed)
            .as(
                (field, value) -> {
                  Map<String, String> variables = new LinkedHashMap<>();
                  valid.forEach(
                      (k, v) -> variables.put(k, "{\"value\":\"" + v + "\",\"type\":\"String\"}"));
                  variables.put(field, value);
                  return "{\"variables\":" + object(variables) + "}";
                });
    Arbitrary<String> notJson =
        Arbitraries.of("{", "{\"variables\":[]}", "{\"variables\":{\"a\":1}}", "[]", "x");
    return Arbitraries.oneOf(wrongValue, wrongValue, notJson);
  }

  private static String object(Map<String, String> fields) {
    StringBuilder json = new StringBuilder("{");
    fields.forEach(
        (k, v) ->
            json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":")
                .append(v));
    return json.append('}').toString();
  }

  private Answer send(Door door, String contentType, String body) {
    return exchange(
        http.request(door.method(), door.path()).as(door.user()).body(contentType, body));
  }

  private Answer upload(String key, String fileName, String mediaType, int size) {
    return exchange(
        http.post("/api/cases/" + key + "/documents")
            .as("manager1")
            .multipart(
                new Http.Multipart("----bad-input-boundary")
                    .file(fileName, mediaType, new byte[size])));
  }

  /** The answer; a connection the server closed is answered 0. */
  private static Answer exchange(Http.Request request) {
    try {
      return answer(request.send());
    } catch (java.io.UncheckedIOException closed) {
      return new Answer(0, "connection closed by the server: " + closed.getMessage(), "");
    }
  }

  private static Answer answer(Http.Answer answer) {
    return new Answer(answer.status(), answer.body(), answer.contentType());
  }

  private static String encode(String raw) {
    return java.net.URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private static String abbreviate(String text) {
    return text == null ? "null" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }
}
