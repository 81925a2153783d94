package com.creditdiligence.platform.web;

import com.creditdiligence.platform.Administrators;
import com.creditdiligence.platform.EngineActions;
import com.creditdiligence.platform.SubmittableFields;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's REST doors — /engine-rest and the webapps' /camunda/api/engine, which Tasklist uses — as
 * hostile input: a business user reaches only what {@link EngineDoorPolicy} allows, a submission carries
 * exactly the editable fields of the step's form, a start carries no start instructions, skips or business
 * key, a claim is for oneself. Administrators pass (their interventions are recorded in the case's chain by
 * the engine's operation log). Whoever asks, a submission, a claim or a variable write must be something the
 * engine can read — JSON, with a body, its variables of types it knows ({@link SubmittedVariables}) — since
 * the engine answers anything else with a 500. A refusal is answered here, as application/problem+json,
 * before the engine is called: nothing is changed, no job retry is used up.
 */
class EngineDoor extends OncePerRequestFilter {

  /** Larger bodies are no form submission of this application (a form's text fields hold 4,000 characters each). */
  static final int MAX_BODY = 1024 * 1024;

  /** A name given twice is refused: the engine must not read a body differently from the door. */
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final Set<String> COMPLETION_KEYS = Set.of("variables", "withVariablesInReturn");
  private static final Set<String> START_KEYS =
      Set.of("variables", "withVariablesInReturn", "businessKey");
  private static final Set<String> VARIABLES = Set.of("variables", "localVariables");

  private final ProcessEngine engine;
  private final EngineActions actions;
  private final SubmittableFields fields;
  private final String webappApiPrefix;

  EngineDoor(
      ProcessEngine engine, EngineActions actions, SubmittableFields fields, String webappPath) {
    this.engine = engine;
    this.actions = actions;
    this.fields = fields;
    this.webappApiPrefix = webappPath + "/api/engine";
  }

  /** Who is asking, as the door they came through authenticated them. */
  private record Caller(String userId, List<String> groups) {}

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // The path as the container decoded and normalised it, which is what the engine's JAX-RS
    // resources are matched on.
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    boolean webapp = path.startsWith(webappApiPrefix + "/");
    List<String> segments =
        engineSegments(
            webapp
                ? path.substring(webappApiPrefix.length())
                : path.substring("/engine-rest".length()));
    Caller caller = webapp ? webappCaller(request) : restCaller();
    String method = request.getMethod();
    boolean reading = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    if (caller == null) {
      // Not signed in: the webapps and /engine-rest answer 401 themselves; nothing that writes gets
      // past here.
      if (reading) {
        chain.doFilter(request, response);
      } else {
        refuse(response, 401, "请登录 Log in first", null);
      }
      return;
    }
    EngineDoorPolicy.Route route = EngineDoorPolicy.route(method, segments);
    if (Administrators.amongThem(caller.groups())) {
      // Administrators may do more, but not send what the engine cannot read: that would be a 500,
      // not a refusal.
      if (route.kind() == EngineDoorPolicy.Kind.COMPLETE_TASK
          || route.kind() == EngineDoorPolicy.Kind.START_PROCESS
          || route.kind() == EngineDoorPolicy.Kind.CLAIM_TASK) {
        checkBody(request, response, chain, caller, route, false);
      } else if (writesVariables(method, segments) && isJson(request.getContentType())) {
        checkVariableWrite(request, response, chain, method, segments);
      } else {
        chain.doFilter(request, response);
      }
      return;
    }
    if (request.getHeader("X-HTTP-Method-Override") != null) {
      refuse(response, 403, "不接受改写请求方法 A request may not override its method", null);
      return;
    }
    switch (route.kind()) {
      case PASS -> chain.doFilter(request, response);
      case REFUSE ->
          refuse(
              response,
              403,
              "业务用户不能通过引擎接口执行此操作 This operation of the engine's API is not open to "
                  + "business users: "
                  + method
                  + " /"
                  + String.join("/", segments),
              null);
      default -> checkBody(request, response, chain, caller, route, true);
    }
  }

  /**
   * A body the engine can read — a JSON object, its variables typed as the forms type them — and, for a
   * business user ({@code policed}), one that the door's policy allows.
   */
  private void checkBody(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      Caller caller,
      EngineDoorPolicy.Route route,
      boolean policed)
      throws IOException, ServletException {
    // An unclaim has no body, a profile is the engine's to read; a submission or a claim must say
    // something.
    boolean submission =
        route.kind() == EngineDoorPolicy.Kind.COMPLETE_TASK
            || route.kind() == EngineDoorPolicy.Kind.START_PROCESS
            || route.kind() == EngineDoorPolicy.Kind.CLAIM_TASK;
    if (submission && !isJson(request.getContentType())) {
      refuse(
          response,
          415,
          "请求内容应为JSON(application/json) The request body must be JSON (Content-Type: "
              + "application/json)",
          null);
      return;
    }
    Optional<Body> read = readBody(request, response);
    if (read.isEmpty()) {
      return;
    }
    byte[] body = read.get().bytes();
    JsonNode json = read.get().json();
    if ((json == null || json.isNull()) && !submission) {
      json = JSON.createObjectNode();
    }
    if (json == null || json.isNull()) {
      refuse(response, 400, "请求内容为空 The request has no body; it must be a JSON object", null);
      return;
    }
    if (!json.isObject()) {
      refuse(response, 400, "请求内容应为JSON对象 The request body must be a JSON object", null);
      return;
    }
    Optional<Refusal> unreadable =
        route.kind() == EngineDoorPolicy.Kind.CLAIM_TASK
            ? claimant(json)
            : submission ? SubmittedVariables.unreadable(json.path("variables")) : Optional.empty();
    if (unreadable.isEmpty() && policed) {
      unreadable = policy(route, caller, json);
    }
    if (unreadable.isPresent()) {
      refuse(
          response,
          unreadable.get().status(),
          unreadable.get().detail(),
          unreadable.get().errors());
      return;
    }
    chain.doFilter(new ReplayedRequest(request, body), response);
  }

  /** PUT …/variables/{name} (one variable) or POST …/variables (modifications), local or not, of anything. */
  private static boolean writesVariables(String method, List<String> segments) {
    int size = segments.size();
    return method.equals("PUT") && size >= 2 && VARIABLES.contains(segments.get(size - 2))
        || method.equals("POST") && size >= 1 && VARIABLES.contains(segments.get(size - 1));
  }

  /** An administrator's variable write (Cockpit), its values readable by the engine. */
  private void checkVariableWrite(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      String method,
      List<String> segments)
      throws IOException, ServletException {
    Optional<Body> read = readBody(request, response);
    if (read.isEmpty()) {
      return;
    }
    byte[] body = read.get().bytes();
    JsonNode json = read.get().json();
    if (json == null || !json.isObject()) {
      refuse(response, 400, "请求内容应为JSON对象 The request body must be a JSON object", null);
      return;
    }
    Optional<Refusal> unreadable =
        method.equals("PUT")
            ? SubmittedVariables.unreadableWrite(segments.get(segments.size() - 1), json)
            : SubmittedVariables.unreadable(
                json.path("modifications"), SubmittedVariables.ADMINISTRATOR_TYPES);
    if (unreadable.isPresent()) {
      refuse(
          response,
          unreadable.get().status(),
          unreadable.get().detail(),
          unreadable.get().errors());
      return;
    }
    chain.doFilter(new ReplayedRequest(request, body), response);
  }

  /** A request body as read, and as JSON (null when empty). */
  private record Body(byte[] bytes, JsonNode json) {}

  /** The body, or empty when it was too large or not JSON, which has then been answered. */
  private static Optional<Body> readBody(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      refuse(response, 413, "请求过大 The request is too large", null);
      return Optional.empty();
    }
    try {
      return Optional.of(new Body(body, body.length == 0 ? null : JSON.readTree(body)));
    } catch (JsonProcessingException unreadable) {
      // Also a body nested deeper than the parser's limit (Jackson's StreamReadConstraints: 1,000
      // levels).
      refuse(
          response,
          400,
          "请求内容不是有效的JSON(或有重复的名称,或嵌套过深) The request body is not valid JSON, names "
              + "something twice, or is nested too deeply",
          null);
      return Optional.empty();
    }
  }

  /** What the engine's JSON provider reads: application/json or another JSON type, any charset it knows. */
  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      // Parsing checks the charset too.
      MediaType type = MediaType.parseMediaType(contentType);
      return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    } catch (RuntimeException unknownTypeOrCharset) {
      return false;
    }
  }

  private static Optional<Refusal> claimant(JsonNode body) {
    return body.path("userId").isTextual() && !body.path("userId").asText().isBlank()
        ? Optional.empty()
        : Optional.of(
            new Refusal(
                400,
                "认领须指明认领人 A claim must name who claims the task (userId)",
                Map.of("userId", "必须填写 is required")));
  }

  private Optional<Refusal> policy(EngineDoorPolicy.Route route, Caller caller, JsonNode json) {
    return switch (route.kind()) {
      case COMPLETE_TASK -> completion(route.subject(), json);
      case START_PROCESS -> start(route, json);
      case CLAIM_TASK ->
          json.path("userId").asText("").equals(caller.userId())
              ? Optional.empty()
              : Optional.of(
                  new Refusal(403, "只能为自己认领任务 A task can only be claimed for oneself", null));
      case UNCLAIM_TASK ->
          offeredToSeveral(route.subject())
              ? Optional.empty()
              : Optional.of(
                  new Refusal(
                      403,
                      "此任务指定由您本人办理,不能退回 This task is yours alone; it cannot be handed back",
                      null));
      case OWN_USER ->
          route.subject().equals(caller.userId())
              ? Optional.empty()
              : Optional.of(
                  new Refusal(
                      403, "只能修改自己的资料 Only one's own profile and password can be changed", null));
      default -> throw new IllegalStateException("Not a checked route: " + route.kind());
    };
  }

  record Refusal(int status, String detail, Map<String, String> errors) {}

  private Optional<Refusal> completion(String taskId, JsonNode body) {
    Optional<Refusal> unknown = unknownKeys(body, COMPLETION_KEYS);
    if (unknown.isPresent()) {
      return unknown;
    }
    // An unknown task is the engine's to answer (404, or 409 when it was completed meanwhile).
    return fields.ofTask(taskId).flatMap(editable -> notOnForm(body.path("variables"), editable));
  }

  private Optional<Refusal> start(EngineDoorPolicy.Route route, JsonNode body) {
    Optional<Refusal> unknown = unknownKeys(body, START_KEYS);
    if (unknown.isPresent()) {
      return unknown;
    }
    if (!body.path("businessKey").asText("").isBlank()) {
      return Optional.of(
          new Refusal(
              400,
              "案件编号由系统给出,不能指定 The case's number is given by the system; a start "
                  + "may not name one",
              Map.of("businessKey", "不能指定 may not be given")));
    }
    Optional<String> definition =
        route.byKey() ? fields.latestDefinition(route.subject()) : Optional.of(route.subject());
    return definition
        .flatMap(fields::ofStart)
        .flatMap(editable -> notOnForm(body.path("variables"), editable));
  }

  /** Start instructions, skip flags, anything but the form's values: named and refused. */
  private static Optional<Refusal> unknownKeys(JsonNode body, Set<String> allowed) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        errors.put(name, "不接受此参数 not accepted");
      }
    }
    return errors.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Refusal(
                400,
                "提交只能包含表单的内容 A submission carries its form's values only; not accepted: "
                    + String.join(", ", errors.keySet()),
                errors));
  }

  private static Optional<Refusal> notOnForm(JsonNode variables, List<String> editable) {
    if (variables.isMissingNode() || variables.isNull()) {
      return Optional.empty();
    }
    if (!variables.isObject()) {
      return Optional.of(
          new Refusal(400, "variables 应为JSON对象 variables must be a JSON object", null));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!editable.contains(name)) {
        errors.put(name, "不是本步骤表单的字段 is not a field of this step's form");
      }
    }
    return errors.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Refusal(
                400,
                "提交包含表单以外的变量,未予接受 The submission carries variables that are not fields of this step's form, and was "
                    + "not accepted: "
                    + String.join(", ", errors.keySet()),
                errors));
  }

  /** An unknown task counts as offered: the engine then answers for it (404), not this door with a 500. */
  private boolean offeredToSeveral(String taskId) {
    return actions.asApplication(
        () ->
            engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0
                || engine.getTaskService().getIdentityLinksForTask(taskId).stream()
                    .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())));
  }

  /** The path after the engine's prefix as segments, without matrix parameters (JAX-RS ignores them) or the engine's name. */
  static List<String> engineSegments(String path) {
    List<String> segments = new ArrayList<>();
    for (String raw : path.split("/")) {
      int matrix = raw.indexOf(';');
      String segment = matrix < 0 ? raw : raw.substring(0, matrix);
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    if (segments.size() >= 2 && segments.get(0).equals("engine")) {
      return List.copyOf(segments.subList(2, segments.size()));
    }
    return segments;
  }

  /** Set by /engine-rest's HTTP Basic authentication, which runs before this door. */
  private Caller restCaller() {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return null;
    }
    List<String> groups =
        authentication.getGroupIds() != null
            ? authentication.getGroupIds()
            : engine
                .getIdentityService()
                .createGroupQuery()
                .groupMember(authentication.getUserId())
                .list()
                .stream()
                .map(Group::getId)
                .toList();
    return new Caller(authentication.getUserId(), groups);
  }

  /** The webapps' login, kept in their session. */
  private Caller webappCaller(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications authentications =
        session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    org.camunda.bpm.webapp.impl.security.auth.Authentication authentication =
        authentications.getAuthenticationForProcessEngine(engine.getName());
    if (!(authentication instanceof UserAuthentication user)) {
      return null;
    }
    return new Caller(
        user.getIdentityId(),
        user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()));
  }

  private static void refuse(
      HttpServletResponse response, int status, String detail, Map<String, String> errors)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put(
        "title",
        status == 403
            ? "Forbidden"
            : status == 401
                ? "Unauthorized"
                : status == 413
                    ? "Payload Too Large"
                    : status == 415 ? "Unsupported Media Type" : "Bad Request");
    problem.put("status", status);
    problem.put("detail", detail);
    // Camunda's clients (Tasklist) show "message"; the same words.
    problem.put("message", detail);
    if (errors != null) {
      problem.put("errors", errors);
    }
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(problem));
  }

  /** The request as it came, its body read once here and given again to the engine. */
  private static final class ReplayedRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    ReplayedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("Synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
