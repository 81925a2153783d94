package com.creditdiligence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;

/**
 * Drives cases only through the doors users have: the engine's REST API as Tasklist uses it (find the task, claim a
 * group task, submit its form) and the application's {@code /api}. No engine Java call, no test hook: what these
 * steps produce is what a signed-in user can produce. Sent by the tests' one client, {@link Http}. Time is the one thing a test moves itself.
 */
public final class EngineRestSteps {

  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String PROCESS_KEY = "guarantee-lifecycle";

  private final Http http;

  public EngineRestSteps(Http http) {
    this.http = http;
  }

  /** The intake start form, submitted by the manager: the new case's business key. */
  public String apply(String manager, Map<String, Object> intake) {
    JsonNode started =
        read(
            send(
                manager,
                HttpMethod.POST,
                "/engine-rest/process-definition/key/" + PROCESS_KEY + "/submit-form",
                submitForm(intake)));
    return started.path("businessKey").asText();
  }

  /** The open tasks of that kind in the case (in any of its processes) that the user can see. */
  public List<JsonNode> tasks(String user, String businessKey, String taskKey) {
    JsonNode tasks =
        read(
            send(
                user,
                HttpMethod.GET,
                "/engine-rest/task?processInstanceBusinessKey="
                    + URLEncoder.encode(businessKey, StandardCharsets.UTF_8)
                    + "&taskDefinitionKey="
                    + taskKey,
                null));
    return java.util.stream.StreamSupport.stream(tasks.spliterator(), false).toList();
  }

  /** The user's task of that kind in the case, or one offered to them, which they claim first as Tasklist does. */
  public String taskFor(String user, String businessKey, String taskKey) {
    JsonNode task =
        tasks(user, businessKey, taskKey).stream()
            .filter(
                t -> user.equals(t.path("assignee").asText(null)) || t.path("assignee").isNull())
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "No task " + taskKey + " for " + user + " in " + businessKey));
    String id = task.path("id").asText();
    if (task.path("assignee").isNull()) {
      claim(user, id);
    }
    return id;
  }

  public void claim(String user, String taskId) {
    send(
        user,
        HttpMethod.POST,
        "/engine-rest/task/" + taskId + "/claim",
        "{\"userId\":\"" + user + "\"}");
  }

  /** Submits the form of the user's task of that kind in the case. */
  public void complete(
      String businessKey, String taskKey, String user, Map<String, Object> values) {
    submit(user, taskFor(user, businessKey, taskKey), values);
  }

  /** Submits the form of that task, which the user holds. */
  public void submit(String user, String taskId, Map<String, Object> values) {
    send(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/submit-form", submitForm(values));
  }

  /** What the task's form shows the user, as Tasklist reads it. */
  public JsonNode formVariables(String user, String taskId) {
    return read(
        send(user, HttpMethod.GET, "/engine-rest/task/" + taskId + "/form-variables", null));
  }

  /** A call to the application's API that must succeed: its body. */
  public JsonNode api(String user, HttpMethod method, String path, String json) {
    return read(send(user, method, path, json));
  }

  private String send(String user, HttpMethod method, String path, String json) {
    Http.Request request = http.request(method.name(), path).as(user);
    Http.Answer response = (json == null ? request : request.json(json)).send();
    assertThat(response.status() / 100)
        .as("%s %s as %s → %s %s", method, path, user, response.status(), response.body())
        .isEqualTo(2);
    return response.body();
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body == null ? "null" : body);
    } catch (Exception e) {
      throw new IllegalStateException("Not JSON: " + body, e);
    }
  }

  /** A form's values as the engine's REST API takes them: Spin JSON and lists as Json, numbers as Long or Double. */
  public static String submitForm(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          Map<String, Object> typed = new LinkedHashMap<>();
          if (value instanceof org.camunda.spin.plugin.variable.value.JsonValue json) {
            typed.put("value", json.getValueSerialized());
            typed.put("type", "Json");
          } else if (value instanceof List<?> list) {
            typed.put("value", write(list));
            typed.put("type", "Json");
          } else {
            typed.put("value", value);
            typed.put(
                "type",
                value instanceof Boolean
                    ? "Boolean"
                    : value instanceof Number n
                        ? (n instanceof Integer || n instanceof Long ? "Long" : "Double")
                        : "String");
          }
          variables.put(name, typed);
        });
    return write(Map.of("variables", variables));
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
