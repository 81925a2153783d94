package com.creditdiligence.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.demo.DemoUsers;
import com.creditdiligence.e2e.FormGallery.FormOnScreen;
import com.creditdiligence.events.CaseEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The e2e form gallery covers every form in forms/, each on a task or start form its demo user can open. */
@ApplicationTest
class FormGalleryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired ReviewStore reviewStore;

  @Test
  void everyDeployedFormHasATaskAUserCanOpen() throws IOException {
    List<FormOnScreen> gallery = new FormGallery(engine, events, reviewStore).prepare();

    assertThat(gallery)
        .extracting(FormOnScreen::formId)
        .containsExactlyInAnyOrderElementsOf(formIdsIn(Path.of("forms")));
    SoftAssertions.assertSoftly(
        softly ->
            gallery.forEach(
                form -> {
                  softly
                      .assertThat(DemoUsers.USERS)
                      .as("%s is opened by a demo user", form.formId())
                      .containsKey(form.user());
                  if (form.isStartForm()) {
                    startableWithItsForm(softly, form);
                  } else {
                    openWithItsForm(softly, form);
                  }
                }));
  }

  private void startableWithItsForm(SoftAssertions softly, FormOnScreen form) {
    ProcessDefinition process =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(form.processDefinitionKey())
            .latestVersion()
            .singleResult();
    softly
        .assertThat(
            engine.getFormService().getStartFormData(process.getId()).getCamundaFormRef().getKey())
        .as("start form of %s", process.getKey())
        .isEqualTo(form.formId());
    softly
        .assertThat(process.getName())
        .as("name of %s in Tasklist", process.getKey())
        .isEqualTo(form.processName());
    softly
        .assertThat(
            engine
                .getAuthorizationService()
                .isUserAuthorized(
                    form.user(),
                    groupsOf(form.user()),
                    Permissions.CREATE_INSTANCE,
                    Resources.PROCESS_DEFINITION,
                    process.getKey()))
        .as("%s may start %s", form.user(), process.getKey())
        .isTrue();
  }

  private void openWithItsForm(SoftAssertions softly, FormOnScreen form) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .taskId(form.taskId())
            .active()
            .initializeFormKeys()
            .singleResult();
    softly.assertThat(task).as("%s: open task %s", form.formId(), form.taskId()).isNotNull();
    if (task == null) {
      return;
    }
    softly
        .assertThat(task.getCamundaFormRef().getKey())
        .as("form of %s", task.getTaskDefinitionKey())
        .isEqualTo(form.formId());
    softly
        .assertThat(task.getName())
        .as("name of %s", task.getTaskDefinitionKey())
        .isEqualTo(form.taskName());
    if (form.claimFirst()) {
      softly
          .assertThat(task.getAssignee())
          .as("%s is not taken yet", task.getTaskDefinitionKey())
          .isNull();
      softly
          .assertThat(
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .taskId(task.getId())
                  .taskCandidateUser(form.user())
                  .count())
          .as("%s is offered to %s or their group", task.getTaskDefinitionKey(), form.user())
          .isOne();
    } else {
      softly
          .assertThat(task.getAssignee())
          .as("assignee of %s", task.getTaskDefinitionKey())
          .isEqualTo(form.user());
    }
  }

  private List<String> groupsOf(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .toList();
  }

  private static List<String> formIdsIn(Path directory) throws IOException {
    List<String> ids = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path form : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        ids.add(JSON.readTree(form.toFile()).get("id").asText());
      }
    }
    return ids;
  }
}
