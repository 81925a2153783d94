package com.creditdiligence.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.HttpBasic;
import com.creditdiligence.ApplicationTest;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.EvidenceLedger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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

  @Autowired
  ProcessEngine engine;
  @Autowired
  EvidenceLedger ledger;
  @Autowired
  JdbcClient jdbc;
  @LocalServerPort
  int port;

  private record Door(String method, String path, String user, String contentType) {
  }

  private record Answer(int status, String body) {
  }

  @Test
  void everyBadInputGetsAClear4xxAndLeavesNoTrace() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String key = driver.issuedGuarantee("manager1", "湖州坏输入甲公司", 1_000_000).getBusinessKey();
    String foreignKey = driver.apply("manager2", com.creditdiligence.demo.DemoSubmissions.intake("湖州坏输入乙公司",
        "workingCapitalLoan", 1_000_000, 12)).getBusinessKey();
    String reportTask = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_MonitoringReport").singleResult().getId();
    String intakeForm = "/engine-rest/process-definition/key/guarantee-lifecycle/submit-form";

    Map<Door, Arbitrary<String>> doors = new LinkedHashMap<>();
    doors.put(new Door("POST", "/api/cases/" + key + "/major-events", "manager1", "application/json"),
        badObjects(Map.of("kind", "\"majorLitigation\"", "description", "\"被起诉\"", "occurredOn", "\"2026-11-01\""),
            List.of("occurredOn"), List.of("kind")));
    doors.put(new Door("POST", "/api/cases/" + key + "/warning-signals", "manager1", "application/json"),
        badObjects(Map.of("category", "\"financialCondition\"", "item", "\"fc01\"", "description", "\"逾期\"",
            "occurredOn", "\"2026-11-01\""), List.of("occurredOn"), List.of("category", "item")));
    doors.put(new Door("POST", "/api/cases/" + foreignKey + "/major-events", "manager1", "application/json"),
        Arbitraries.just("{\"kind\":\"majorLitigation\",\"description\":\"他人的案件 a foreign case\",\"occurredOn\":\"2026-11-01\"}"));
    doors.put(new Door("POST", "/api/cases/" + key + "/evidence/1/amendments", "manager1", "application/json"),
        badObjects(Map.of("reason", "\"更正笔误 Correcting a typo in the record\"", "changes", "{\"x\":1}"), List.of(), List.of()));
    doors.put(new Door("PUT", "/api/managers/manager1/qualification", "head1", "application/json"),
        badObjects(Map.of("level", "\"senior\"", "validFrom", "\"2026-01-01\"", "validUntil", "\"2029-01-01\""),
            List.of("validFrom", "validUntil"), List.of("level")));
    doors.put(new Door("POST", "/api/cases/" + key + "/accountability-reviews", "auditor1", "application/json"),
        badObjects(Map.of("reason", "\"抽查 spot check of monitoring\""), List.of(), List.of()));
    doors.put(new Door("POST", "/engine-rest/task/" + reportTask + "/submit-form", "manager1", "application/json"),
        badForm(Map.of("riskClass", "normal", "checkMode", "onSite", "nextStep", "continueMonitoring")));
    doors.put(new Door("POST", intakeForm, "manager1", "application/json"),
        badForm(Map.of("applicantName", "某公司", "product", "workingCapitalLoan", "applicantType", "enterprise")));
    for (String unknown : List.of("GA-2026-999999", "' OR 1=1 --", "..%2F..%2Fetc%2Fpasswd", "<script>alert(1)</script>")) {
      doors.put(new Door("POST", "/api/cases/" + encode(unknown) + "/major-events", "manager1", "application/json"),
          Arbitraries.just("{\"kind\":\"majorLitigation\",\"description\":\"x\",\"occurredOn\":\"2026-11-01\"}"));
    }

    long recordsBefore = count("evidence_record");
    long casesBefore = count("case_file");
    long reviewsBefore = count("accountability_review");
    int tried = 0;
    List<String> wrong = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (Map.Entry<Door, Arbitrary<String>> entry : doors.entrySet()) {
      Door door = entry.getKey();
      List<String> inputs = entry.getValue().sampleStream().limit(PER_DOOR).distinct().toList();
      for (String input : inputs) {
        for (String contentType : List.of(door.contentType(), "text/plain", "multipart/form-data")) {
          Answer answer = send(door, contentType, input);
          tried++;
          statuses.merge(answer.status(), 1, Integer::sum);
          if (answer.status() < 400 || answer.status() >= 500 || answer.body() == null || answer.body().isBlank()) {
            wrong.add(door.method() + " " + door.path() + " [" + contentType + "] " + abbreviate(input) + " → "
                + answer.status() + " " + abbreviate(answer.body()));
          }
        }
      }
    }
    // Oversized and wrong-typed uploads.
    for (String[] upload : List.of(new String[] {"big.pdf", "application/pdf", "11"}, new String[] {"x.exe",
        "application/x-msdownload", "0"}, new String[] {"", "application/pdf", "0"})) {
      Answer answer = upload(key, upload[0], upload[1], Integer.parseInt(upload[2]) * 1024 * 1024 + 1);
      tried++;
      statuses.merge(answer.status(), 1, Integer::sum);
      if (answer.status() < 400 || answer.status() >= 500) {
        wrong.add("upload " + upload[0] + " → " + answer.status() + " " + abbreviate(answer.body()));
      }
    }

    System.out.println("[bad input] tried " + tried + " inputs at " + (doors.size() + 1) + " doors; answers by status "
        + statuses + "; 5xx: " + statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum());
    assertThat(wrong).as("inputs not answered with a clear 4xx").isEmpty();
    assertThat(count("evidence_record")).as("ledger records written by bad input").isEqualTo(recordsBefore);
    assertThat(count("case_file")).isEqualTo(casesBefore);
    assertThat(count("accountability_review")).isEqualTo(reviewsBefore);
  }

  /** Wrong for any field: missing value, wrong type, empty, far too long, a control character, not a number. */
  private static final List<String> WRONG = List.of("null", "\"\"", "123", "-1", "1e309", "[]", "{}", "true",
      "\"" + "长".repeat(70_000) + "\"", "\"\\u0000\"", "NaN");
  /** Wrong for a date: not a date, or out of any plausible range. */
  private static final List<String> WRONG_DATE = List.of("\"9999-99-99\"", "\"2999-12-31\"", "\"0000-01-01\"",
      "\"1899-12-31\"", "\"-99999999999-01-01\"", "\"2026-02-30\"");
  /** Wrong for a code (a kind, a category, a level): injection strings. Free text may hold such text: it is escaped. */
  private static final List<String> INJECTION = List.of("\"' OR 1=1 --\"", "\"<script>alert(1)</script>\"",
      "\"${jndi:ldap://x}\"", "\"#{7*7}\"", "\"../../etc/passwd\"");

  /**
   * JSON objects that are wrong in at least one way — a field dropped, or given a value wrong for its kind
   * (any field: {@link #WRONG}; dates also {@link #WRONG_DATE}; codes also {@link #INJECTION}), sometimes
   * with unknown fields added — and bodies that are not JSON objects at all.
   */
  private static Arbitrary<String> badObjects(Map<String, String> valid, List<String> dates, List<String> codes) {
    List<String> names = new ArrayList<>(valid.keySet());
    Arbitrary<String[]> wrongValue = Arbitraries.of(names).flatMap(name -> {
      List<String> values = new ArrayList<>(WRONG);
      if (dates.contains(name)) {
        values.addAll(WRONG_DATE);
      }
      if (codes.contains(name)) {
        values.addAll(INJECTION);
      }
      return Arbitraries.of(values).map(value -> new String[] {name, value});
    });
    Arbitrary<String> wrongField = Combinators.combine(wrongValue, Arbitraries.integers().between(0, 2))
        .as((wrong, how) -> {
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
    Arbitrary<String> notJson = Arbitraries.oneOf(
        Arbitraries.strings().ofMinLength(0).ofMaxLength(40),
        Arbitraries.of("{", "[1,2", "{\"a\":}", "null", "[]", "\"text\"", "<xml/>", "{\"reason\":" + "9".repeat(400) + "}"));
    return Arbitraries.oneOf(wrongField, wrongField, wrongField, notJson);
  }

  /** A form submission as /engine-rest takes it, with at least one value wrong in type, range or content. */
  private static Arbitrary<String> badForm(Map<String, String> valid) {
    Arbitrary<String> name = Arbitraries.of(new ArrayList<>(valid.keySet()))
        .injectDuplicates(0.1).edgeCases(c -> c.add("amount"));
    Arbitrary<String> typed = Arbitraries.of(
        "{\"value\":\"abc\",\"type\":\"Long\"}", "{\"value\":-5,\"type\":\"Long\"}", "{\"value\":1e30,\"type\":\"Double\"}",
        "{\"value\":\"9999-99-99\",\"type\":\"String\"}", "{\"value\":\"' OR 1=1 --\",\"type\":\"String\"}",
        "{\"value\":null,\"type\":\"String\"}", "{\"value\":\"[1,\",\"type\":\"Json\"}", "{\"value\":true,\"type\":\"Boolean\"}",
        "{\"value\":\"x\",\"type\":\"NoSuchType\"}", "{\"value\":\"" + "长".repeat(5_000) + "\",\"type\":\"String\"}");
    Arbitrary<String> wrongValue = Combinators.combine(name, typed).as((field, value) -> {
      Map<String, String> variables = new LinkedHashMap<>();
      valid.forEach((k, v) -> variables.put(k, "{\"value\":\"" + v + "\",\"type\":\"String\"}"));
      variables.put(field, value);
      return "{\"variables\":" + object(variables) + "}";
    });
    Arbitrary<String> notJson = Arbitraries.of("{", "{\"variables\":[]}", "{\"variables\":{\"a\":1}}", "[]", "x");
    return Arbitraries.oneOf(wrongValue, wrongValue, notJson);
  }

  private static String object(Map<String, String> fields) {
    StringBuilder json = new StringBuilder("{");
    fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    return json.append('}').toString();
  }

  private Answer send(Door door, String contentType, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + door.path()))
        .header("Authorization", basic(door.user())).header("Content-Type", contentType)
        .method(door.method(), HttpRequest.BodyPublishers.ofString(body)).build();
    return exchange(request);
  }

  private Answer upload(String key, String fileName, String mediaType, int size) {
    String boundary = "----bad-input-boundary";
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + size + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(tail, 0, body, head.length + size, tail.length);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/" + key + "/documents"))
        .header("Authorization", basic("manager1")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return exchange(request);
  }

  private static Answer exchange(HttpRequest request) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (java.io.IOException e) {
      // The server may close the connection on an oversized upload: that is a refusal, not a failure.
      return new Answer(413, "connection closed by the server: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String basic(String user) {
    return HttpBasic.header(user, "demo");
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
