package com.creditdiligence.accountability;

import static com.creditdiligence.accountability.ReviewSteps.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.documents.CaseDocument;
import com.creditdiligence.documents.CaseDocuments;
import com.creditdiligence.documents.SampleFiles;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import com.creditdiligence.platform.SubmissionRefusedException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The manager's statement (申辩) and appeal (申诉) may rely on the case's documents as the other steps do: the case's
 * documents, those filed before the review and after it, are offered on both forms; the ones picked are cited in the
 * step's evidence; a document of another case is refused; what the statement picked is not carried into the appeal.
 */
@ApplicationTest
class ReviewDocumentsTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired ReviewStore store;
  @Autowired EvidenceLedger ledger;
  @Autowired CaseDocuments documents;

  PostGuaranteeSteps postGuarantee;
  ReviewSteps steps;
  LifecycleDriver driver;

  @BeforeEach
  void setUp() {
    postGuarantee = new PostGuaranteeSteps(engine, events);
    steps = new ReviewSteps(engine, store);
    driver = new LifecycleDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theStatementAndTheAppealPickTheCasesDocumentsAndCiteThem() {
    String key = postGuarantee.compensatedCase("manager1", "常州问责资料公司", 5);
    CaseDocument before =
        documents.file(
            key,
            "预警当日通话记录.pdf",
            SampleFiles.pdf("call log on the day of the signal"),
            "manager1",
            now());
    String otherCase = postGuarantee.compensatedCase("manager1", "常州问责资料另一公司", 0);
    CaseDocument ofAnotherCase =
        documents.file(
            otherCase, "他案资料.pdf", SampleFiles.pdf("another case's file"), "manager1", now());
    steps.audit(key, "auditor1", List.of(verdict(1, "confirm")), List.of());
    steps.deliberate(key, "board1");

    Task statement = task(key, "Task_ManagerStatement");
    assertThat(offered(statement)).as("filed before the review").contains(before.reference());
    CaseDocument after =
        documents.file(
            key,
            "书面通知送达回执.pdf",
            SampleFiles.pdf("receipt of the written notice"),
            "manager1",
            now());
    assertThat(offered(statement))
        .as("filed while the statement is open")
        .contains(before.reference(), after.reference());

    assertThatThrownBy(
            () ->
                driver.completeInCase(
                    key, "Task_ManagerStatement", "manager1", statement(ofAnotherCase.reference())))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("不属于案件 " + key);
    driver.completeInCase(
        key, "Task_ManagerStatement", "manager1", statement(before.reference(), after.reference()));
    assertThat(recordOf(key, "Task_ManagerStatement").documents())
        .contains(before.sha256(), after.sha256(), "预警当日通话记录.pdf", "书面通知送达回执.pdf");

    steps.determineReducible(key, "board1");
    Task appeal = task(key, "Task_Appeal");
    assertThat(offered(appeal)).contains(before.reference(), after.reference());
    assertThat(engine.getTaskService().getVariable(appeal.getId(), "attachedDocuments").toString())
        .as("the statement's picks are not the appeal's")
        .isEqualTo("[]");
    Map<String, Object> grounds = new HashMap<>();
    grounds.put("appealChoice", "appeal");
    grounds.put("appealGrounds", "书面通知已于第五天送达,回执为证,延误非本人原因");
    grounds.put(
        "attachedDocuments", SpinValues.jsonValue("[\"" + after.reference() + "\"]").create());
    driver.completeInCase(key, "Task_Appeal", "manager1", grounds);
    EvidenceRecord appealed = recordOf(key, "Task_Appeal");
    assertThat(appealed.documents()).contains(after.sha256()).doesNotContain(before.sha256());
  }

  private Map<String, Object> statement(String... references) {
    Map<String, Object> values = new HashMap<>();
    values.put("statementChoice", "submit");
    values.put("statementText", "预警当日即联系反担保人,书面通知在第五天送达");
    values.put(
        "attachedDocuments",
        SpinValues.jsonValue("[\"" + String.join("\",\"", references) + "\"]").create());
    return values;
  }

  private String offered(Task task) {
    return String.valueOf(
        engine.getTaskService().getVariable(task.getId(), CaseDocuments.FORM_OPTIONS));
  }

  private Task task(String key, String element) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(key)
        .taskDefinitionKey(element)
        .singleResult();
  }

  private EvidenceRecord recordOf(String key, String element) {
    return ledger.records(key).stream()
        .filter(
            r ->
                element.equals(r.elementId())
                    && r.taskId() != null
                    && r.documents() != null
                    && !"[]".equals(r.documents()))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
