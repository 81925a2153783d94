package com.creditdiligence.security;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.platform.SubmissionRefusedException;
import com.creditdiligence.submission.BusinessTime;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** «客户经理队伍建设»: a case's work goes only to a qualified customer manager; lapses are shown to the department head. */
@ApplicationTest
class QualificationTest {

  @Autowired ProcessEngine engine;
  @Autowired Qualifications qualifications;
  @Autowired Http http;
  @Autowired BusinessTime businessTime;

  @Test
  void aManagerWithoutAQualificationCannotOpenACase() {
    manager("manager9");

    assertThatThrownBy(
            () ->
                new LifecycleDriver(engine)
                    .apply("manager9", intake("南通资格甲公司", "workingCapitalLoan", 1_000_000, 12)))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("manager9 has no qualification on record");
  }

  @Test
  void aCaseCannotBeHandedToAManagerWhoseQualificationHasExpired() {
    manager("manager8");
    LocalDate today = businessTime.today();
    qualifications.keep(
        new Qualification("manager8", "junior", today.minusYears(2), today.minusDays(1)),
        "head1",
        Instant.now());
    String id =
        new LifecycleDriver(engine)
            .apply("manager1", intake("南通资格乙公司", "workingCapitalLoan", 1_000_000, 12))
            .getId();
    Task investigation =
        engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();

    assertThatThrownBy(() -> engine.getTaskService().setAssignee(investigation.getId(), "manager8"))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("manager8's qualification is not valid");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(investigation.getId())
                .singleResult()
                .getAssignee())
        .isEqualTo("manager1");
  }

  @Test
  void aQualificationLapsingDuringALiveCaseIsShownToTheDepartmentHead() {
    manager("manager7");
    LocalDate today = businessTime.today();
    qualifications.keep(
        new Qualification("manager7", "senior", today.minusYears(1), today.plusDays(10)),
        "head1",
        Instant.now());
    String key =
        new LifecycleDriver(engine)
            .apply("manager7", intake("南通资格丙公司", "workingCapitalLoan", 1_000_000, 12))
            .getBusinessKey();

    Http.Answer attention = http.get("/api/qualifications/attention?days=30").as("head1").send();
    Http.Answer notYet = http.get("/api/qualifications/attention?days=5").as("head1").send();

    assertThat(attention.body()).contains(key, "manager7");
    assertThat(notYet.body()).doesNotContain(key);
    assertThat(http.get("/api/qualifications/attention").as("manager7").send().status())
        .isEqualTo(403);
  }

  @Test
  void aQualificationIsKeptByTheDepartmentHeadForAtMostTwoYears() {
    manager("manager6");
    String tooLong =
        "{\"level\":\"senior\",\"validFrom\":\"2026-01-01\",\"validUntil\":\"2028-06-30\"}";
    String valid =
        "{\"level\":\"senior\",\"validFrom\":\"2026-01-01\",\"validUntil\":\"2027-12-31\"}";

    Http.Answer refused = put("head1", "/api/managers/manager6/qualification", tooLong);
    Http.Answer byManager = put("manager6", "/api/managers/manager6/qualification", valid);
    Http.Answer kept = put("head1", "/api/managers/manager6/qualification", valid);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("validUntil", "at most two years");
    assertThat(byManager.status()).isEqualTo(403);
    assertThat(kept.status()).isEqualTo(200);
    assertThat(qualifications.of("manager6"))
        .get()
        .extracting(Qualification::validUntil)
        .isEqualTo(LocalDate.parse("2027-12-31"));
  }

  private void manager(String id) {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(id, "customerManager");
    }
  }

  private Http.Answer put(String user, String path, String json) {
    return http.request("PUT", path).as(user).json(json).send();
  }
}
