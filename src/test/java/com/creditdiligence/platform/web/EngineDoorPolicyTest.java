package com.creditdiligence.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.platform.web.EngineDoorPolicy.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the engine's REST doors let a business user through, path by path: everything not named is refused. */
class EngineDoorPolicyTest {

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource({
    // Reads and queries: Camunda's authorizations decide.
    "GET,    /task/t1/form-variables,                       PASS",
    "GET,    /engine/default/history/task,                  PASS",
    "POST,   /task,                                         PASS",
    "POST,   /task/count,                                   PASS",
    "POST,   /filter/f1/list,                               PASS",
    "POST,   /history/process-instance/count,               PASS",
    "POST,   /task/t1/comment/create,                       PASS",
    // The steps of a case, checked against the form and the caller.
    "POST,   /task/t1/complete,                             COMPLETE_TASK",
    "POST,   /engine/default/task/t1/submit-form,           COMPLETE_TASK",
    "POST,   /task/t1/claim,                                CLAIM_TASK",
    "POST,   /task/t1/unclaim,                              UNCLAIM_TASK",
    "POST,   /process-definition/key/guarantee-lifecycle/start, START_PROCESS",
    "POST,   /process-definition/pd1/submit-form,           START_PROCESS",
    "PUT,    /user/manager1/credentials,                    OWN_USER",
    // Steering the engine: refused whatever Camunda's authorizations would say.
    "POST,   /task/t1/assignee,                             REFUSE",
    "POST,   /task/t1/delegate,                             REFUSE",
    "POST,   /task/t1/resolve,                              REFUSE",
    "POST,   /task/t1/identity-links,                       REFUSE",
    "POST,   /task/t1/variables,                            REFUSE",
    "PUT,    /task/t1/variables/committeeApprovalsRequired, REFUSE",
    "PUT,    /task/t1/localVariables/committeeMember,       REFUSE",
    "POST,   /task/t1/localVariables/x/data,                REFUSE",
    "PUT,    /task/t1,                                      REFUSE",
    "POST,   /task/create,                                  REFUSE",
    "PUT,    /process-instance/p1/variables/committeeResult, REFUSE",
    "POST,   /process-instance/p1/modification,             REFUSE",
    "POST,   /process-instance/delete,                      REFUSE",
    "DELETE, /process-instance/p1,                          REFUSE",
    "PUT,    /execution/e1/localVariables/x,                REFUSE",
    "POST,   /execution/e1/messageSubscriptions/m/trigger,  REFUSE",
    "POST,   /message,                                      REFUSE",
    "POST,   /signal,                                       REFUSE",
    "POST,   /job/j1/execute,                               REFUSE",
    "PUT,    /job/j1/retries,                               REFUSE",
    "POST,   /job/retries,                                  REFUSE",
    "POST,   /migration/execute,                            REFUSE",
    "POST,   /modification/execute,                         REFUSE",
    "POST,   /decision-definition/key/d/evaluate,           REFUSE",
    "POST,   /deployment/create,                            REFUSE",
    "POST,   /history/cleanup,                              REFUSE",
    "POST,   /history/process-instance/delete,              REFUSE",
    "DELETE, /history/process-instance/p1,                  REFUSE",
    "POST,   /user/create,                                  REFUSE",
    "POST,   /authorization/create,                         REFUSE",
    "PATCH,  /task/t1,                                      REFUSE",
    "POST,   /process-definition/key/guarantee-lifecycle/restart, REFUSE",
  })
  void aBusinessUserReaches(String method, String path, Kind expected) {
    assertThat(EngineDoorPolicy.route(method, EngineDoor.engineSegments(path)).kind())
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "/job/j1/execute;jsessionid=x, job/j1/execute",
    "//engine/default//message/, message"
  })
  void matrixParametersEmptySegmentsAndTheEnginesNameDoNotHideAPath(String path, String expected) {
    assertThat(String.join("/", EngineDoor.engineSegments(path))).isEqualTo(expected);
  }
}
