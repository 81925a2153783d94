package com.creditdiligence.security;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.LifecycleDriver;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may do what through every door the application serves — its own API, the replay pages,
 * /engine-rest, the webapps' API, actuator — for one user of every group and for nobody at all. A
 * case of manager1 stands at the committee vote. Each cell is a test; a wrong cell fails by name.
 */
@ApplicationTest
class AccessMatrixTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ANONYMOUS = "anonymous";

  /** One user of every group: owner and other manager, department head, committee member, auditor, board, admin. */
  private static final List<String> USERS =
      List.of(
          ANONYMOUS, "manager1", "manager2", "head1", "committee1", "auditor1", "board1", "admin");

  @Autowired ProcessEngine engine;
  @Autowired Http http;

  /** What one request must answer: a status, and for lists, how many of the case's items the user sees. */
  record Expect(int status, Integer visible) {

    static Expect status(int status) {
      return new Expect(status, null);
    }

    static Expect sees(int visible) {
      return new Expect(200, visible);
    }
  }

  private record Door(String name, Function<String, Answer> call, Map<String, Expect> expected) {}

  private record Answer(int status, String body) {}

  @TestFactory
  Stream<DynamicTest> everyGroupAtEveryDoor() {
    LifecycleDriver driver = new LifecycleDriver(engine);
    ProcessInstance guaranteeCase =
        driver.toCommittee(
            "manager1", intake("无锡权限甲公司", "workingCapitalLoan", 2_000_000, 12), "approve");
    String id = guaranteeCase.getId();
    String key = guaranteeCase.getBusinessKey();
    String committee1Vote = driver.taskOf(id, "Task_CommitteeVote", "committee1").getId();
    int voteTasks = driver.voters(id).size();

    Map<String, Expect> readCase = row(401, 200, 403, 200, 200, 200, 403, 200);
    Map<String, Expect> watchers = row(401, 403, 403, 200, 403, 200, 403, 200);
    List<Door> doors = new ArrayList<>();
    doors.add(
        new Door(
            "GET /api/cases/{key}/evidence",
            u -> basic(u, "GET", "/api/cases/" + key + "/evidence", null),
            readCase));
    doors.add(
        new Door(
            "GET /api/cases/{key}/timeline",
            u -> basic(u, "GET", "/api/cases/" + key + "/timeline", null),
            readCase));
    doors.add(
        new Door(
            "GET /api/cases/{key}/duty-facts",
            u -> basic(u, "GET", "/api/cases/" + key + "/duty-facts", null),
            readCase));
    doors.add(
        new Door(
            "GET /api/cases/{key}/evidence/verification",
            u -> basic(u, "GET", "/api/cases/" + key + "/evidence/verification", null),
            readCase));
    doors.add(
        new Door(
            "GET /api/cases/{key}/draft-findings",
            u -> basic(u, "GET", "/api/cases/" + key + "/draft-findings", null),
            readCase));
    doors.add(
        new Door(
            "GET /api/cases/{key}/replay",
            u -> basic(u, "GET", "/api/cases/" + key + "/replay", null),
            readCase));
    doors.add(
        new Door(
            "GET /api/cases/{key}/dossier.pdf",
            u -> basic(u, "GET", "/api/cases/" + key + "/dossier.pdf", null),
            readCase));
    doors.add(
        new Door(
            "GET /api/cases/{key}/documents",
            u -> basic(u, "GET", "/api/cases/" + key + "/documents", null),
            readCase));
    doors.add(
        new Door(
            "GET /cases/{key}/documents (page)",
            u -> basic(u, "GET", "/cases/" + key + "/documents", null),
            readCase));
    doors.add(
        new Door(
            "GET /cases/{key}/brief (page)",
            u -> basic(u, "GET", "/cases/" + key + "/brief", null),
            readCase));
    doors.add(
        new Door(
            "GET /audit/cases/{key}", u -> basic(u, "GET", "/audit/cases/" + key, null), readCase));
    doors.add(
        new Door(
            "GET /api/cases/{key}/dossier.json",
            u -> basic(u, "GET", "/api/cases/" + key + "/dossier.json", null),
            readCase));
    doors.add(
        new Door(
            "GET /api/cases/{key}/accountability-reviews",
            u -> basic(u, "GET", "/api/cases/" + key + "/accountability-reviews", null),
            readCase));
    // Reporting an event is acting on the case: its managers and the department heads. (The case is
    // not yet
    // under monitoring, so those allowed are answered 409: the door opened, the business said not
    // yet.)
    doors.add(
        new Door(
            "POST /api/cases/{key}/major-events",
            u ->
                basic(
                    u,
                    "POST",
                    "/api/cases/" + key + "/major-events",
                    "{\"kind\":\"majorLitigation\",\"description\":\"被起诉\",\"occurredOn\":\"2026-01-05\"}"),
            row(401, 409, 403, 409, 403, 403, 403, 403)));
    doors.add(
        new Door(
            "GET /api/refused-submissions",
            u -> basic(u, "GET", "/api/refused-submissions", null),
            watchers));
    doors.add(
        new Door(
            "GET /api/qualifications/attention",
            u -> basic(u, "GET", "/api/qualifications/attention", null),
            watchers));
    doors.add(
        new Door(
            "GET /api/managers/manager1/record",
            u -> basic(u, "GET", "/api/managers/manager1/record", null),
            row(401, 200, 403, 200, 403, 200, 200, 200)));
    doors.add(
        new Door(
            "GET /audit",
            u -> basic(u, "GET", "/audit", null),
            row(401, 200, 200, 200, 200, 200, 200, 200)));
    doors.add(
        new Door(
            "GET /api/managers/manager1/qualification",
            u -> basic(u, "GET", "/api/managers/manager1/qualification", null),
            row(401, 200, 403, 200, 403, 200, 403, 200)));
    // /engine-rest: Camunda's own grants. Tasks of the case: none for its manager while the
    // committee votes,
    // one for a voting member (their own), all for department heads, auditors and administrators.
    doors.add(
        new Door(
            "GET /engine-rest/task?processInstanceBusinessKey",
            u -> basic(u, "GET", "/engine-rest/task?processInstanceBusinessKey=" + key, null),
            rowSeen(0, 0, voteTasks, 1, voteTasks, 0, voteTasks)));
    doors.add(
        new Door(
            "GET /engine-rest/process-instance/{id}/variables",
            u -> basic(u, "GET", "/engine-rest/process-instance/" + id + "/variables", null),
            row(401, 403, 403, 200, 403, 200, 403, 200)));
    doors.add(
        new Door(
            "GET /engine-rest/task/{another member's vote}/variables",
            u -> basic(u, "GET", "/engine-rest/task/" + committee1Vote + "/variables", null),
            row(401, 403, 403, 200, 200, 200, 403, 200)));
    doors.add(
        new Door(
            "GET /engine-rest/history/process-instance?processInstanceBusinessKey",
            u ->
                basic(
                    u,
                    "GET",
                    "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key,
                    null),
            rowSeen(0, 0, 0, 0, 1, 0, 1)));
    // A committee member reads nothing of the case's variables but the two columns Tasklist shows
    // on
    // the row of their own vote (case number and applicant, copied onto the task: TaskListColumns).
    doors.add(
        new Door(
            "GET /engine-rest/variable-instance?processInstanceIdIn",
            u -> basic(u, "GET", "/engine-rest/variable-instance?processInstanceIdIn=" + id, null),
            rowSeen(0, 0, -1, 2, -1, 0, -1)));
    // The webapps' own API, as Tasklist calls it after its login form.
    doors.add(
        new Door(
            "GET /camunda/api/engine/.../task (Tasklist session)",
            u ->
                webapp(
                    u,
                    "tasklist",
                    "/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + key),
            rowSeen(0, 0, voteTasks, 1, voteTasks, 0, voteTasks)));
    doors.add(
        new Door(
            "Cockpit login", u -> cockpitLogin(u), row(401, 403, 403, 403, 403, 200, 403, 200)));
    doors.add(
        new Door(
            "GET /actuator/health",
            u -> basic(u, "GET", "/actuator/health", null),
            row(200, 200, 200, 200, 200, 200, 200, 200)));
    doors.add(
        new Door(
            "GET /actuator/env",
            u -> basic(u, "GET", "/actuator/env", null),
            row(404, 404, 404, 404, 404, 404, 404, 404)));
    // Last, because it changes the case: only an auditor opens a review (the others are told why,
    // 400);
    // once one is under way, the board's later attempt is told so too.
    doors.add(
        new Door(
            "POST /api/cases/{key}/accountability-reviews",
            u ->
                basic(
                    u,
                    "POST",
                    "/api/cases/" + key + "/accountability-reviews",
                    "{\"reason\":\"权限矩阵:稽核发起审查\"}"),
            row(401, 400, 400, 400, 400, 201, 400, 400)));

    List<DynamicTest> cells = new ArrayList<>();
    for (Door door : doors) {
      for (String user : USERS) {
        Expect expect = door.expected().get(user);
        cells.add(
            DynamicTest.dynamicTest(
                user + " × " + door.name() + " → " + expect,
                () -> {
                  Answer answer = door.call().apply(user);
                  assertThat(answer.status()).as(answer.body()).isEqualTo(expect.status());
                  if (expect.visible() != null) {
                    if (expect.visible() < 0) {
                      assertThat(JSON.readTree(answer.body()).size())
                          .as(answer.body())
                          .isPositive();
                    } else {
                      assertThat(JSON.readTree(answer.body()).size())
                          .as(answer.body())
                          .isEqualTo(expect.visible());
                    }
                  }
                }));
      }
    }
    return cells.stream();
  }

  /** Statuses in the order of {@link #USERS}. */
  private static Map<String, Expect> row(int... statuses) {
    Map<String, Expect> row = new LinkedHashMap<>();
    for (int i = 0; i < USERS.size(); i++) {
      row.put(USERS.get(i), Expect.status(statuses[i]));
    }
    return row;
  }

  /** A list every signed-in user may ask for (anonymous: 401); how many of the case's items each sees (-1: some). */
  private static Map<String, Expect> rowSeen(int... visible) {
    Map<String, Expect> row = new LinkedHashMap<>();
    row.put(ANONYMOUS, Expect.status(401));
    for (int i = 1; i < USERS.size(); i++) {
      row.put(USERS.get(i), Expect.sees(visible[i - 1]));
    }
    return row;
  }

  private Answer basic(String user, String method, String path, String json) {
    Http.Request request = http.request(method, path).as(user.equals(ANONYMOUS) ? null : user);
    return answer((json == null ? request : request.json(json)).send());
  }

  /** Logs in through the webapps' login (with their CSRF token), then calls their API with the session. */
  private Answer webapp(String user, String app, String path) {
    Http.Session session = http.session();
    if (!user.equals(ANONYMOUS)) {
      Answer login = answer(session.webappLogin(user, app));
      if (login.status() != 200) {
        return login;
      }
    }
    return answer(http.get(path).in(session).send());
  }

  private Answer cockpitLogin(String user) {
    if (user.equals(ANONYMOUS)) {
      return new Answer(401, "nobody logs in");
    }
    return answer(http.session().webappLogin(user, "cockpit"));
  }

  private static Answer answer(Http.Answer answer) {
    return new Answer(answer.status(), answer.body());
  }
}
