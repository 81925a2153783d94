package com.creditdiligence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The replay draws the process version a record names: a v2 record by its process definition id column (which its
 * hash covers), a v1 record, written before that column, by the version its rule set version text names.
 */
@ApplicationTest
class ModelDiagramsTest {

  @Autowired ProcessEngine engine;
  @Autowired ModelDiagrams diagrams;

  private String key;
  private ProcessDefinition first;
  private ProcessDefinition second;

  /** Two versions of a process of its own (so no other test's cases start on them), told apart by a step's name. */
  @BeforeEach
  void deployTwoVersions() {
    key = "replay-probe-" + UUID.randomUUID().toString().substring(0, 8);
    first = deploy("第一版 First version");
    second = deploy("第二版 Second version");
    assertThat(List.of(first.getVersion(), second.getVersion())).containsExactly(1, 2);
  }

  @Test
  void aV2RecordIsDrawnWithTheDefinitionItsColumnNamesWhateverItsText() {
    // The text names version 1; the column, which the hash covers, names version 2: the column
    // decides.
    EvidenceRecord record =
        record(second.getId(), key + ":v1 deployment " + first.getDeploymentId(), CanonicalForm.V2);

    assertThat(diagrams.stepNames(List.of(record)))
        .containsEntry("Task_Probe", "第二版 Second version");
    assertThat(diagrams.models(List.of(record)).get(key)).contains("第二版 Second version");
    assertThat(diagrams.of(List.of(record))).containsKey(key);
  }

  @Test
  void aV1RecordIsDrawnWithTheVersionItsTextNamesAndNeverByTheColumn() {
    EvidenceRecord v1 =
        record(null, key + ":v1 deployment " + first.getDeploymentId(), CanonicalForm.V1);
    // A v1 record that names a definition was changed behind the ledger's back: the column is not
    // read.
    EvidenceRecord given =
        record(second.getId(), key + ":v1 deployment " + first.getDeploymentId(), CanonicalForm.V1);

    assertThat(diagrams.stepNames(List.of(v1))).containsEntry("Task_Probe", "第一版 First version");
    assertThat(diagrams.stepNames(List.of(given))).containsEntry("Task_Probe", "第一版 First version");
  }

  @Test
  void aV2RecordWithoutADefinitionIdIsNotReadByItsText() {
    EvidenceRecord record =
        record(null, key + ":v2 deployment " + second.getDeploymentId(), CanonicalForm.V2);

    assertThat(diagrams.of(List.of(record))).doesNotContainKey(key);
  }

  private ProcessDefinition deploy(String taskName) {
    String deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(
                key + ".bpmn",
                Bpmn.createExecutableProcess(key)
                    .camundaHistoryTimeToLive(1)
                    .startEvent("Start")
                    .manualTask("Task_Probe")
                    .name(taskName)
                    .endEvent("End")
                    .done())
            .deploy()
            .getId();
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .deploymentId(deployment)
        .singleResult();
  }

  private EvidenceRecord record(
      String definitionId, String ruleSetVersion, String canonicalVersion) {
    return new EvidenceRecord(
        1,
        "GA-2026-000099",
        1,
        "TASK_COMPLETED",
        key,
        definitionId,
        "pi",
        "Task_Probe",
        "task",
        null,
        null,
        "manager1",
        "manager1",
        Instant.parse("2026-12-01T02:00:00Z"),
        null,
        "{}",
        "[]",
        ruleSetVersion,
        null,
        null,
        CanonicalForm.GENESIS,
        null,
        canonicalVersion);
  }
}
