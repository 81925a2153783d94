package com.creditdiligence.accountability;

import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.CanonicalForm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The steps of an accountability review, each submitted in its case as Tasklist would (group tasks
 * claimed first): for the tests and the e2e form gallery.
 */
public class ReviewSteps {

  private final ReviewStore store;
  private final LifecycleDriver driver;

  public ReviewSteps(ProcessEngine engine, ReviewStore store) {
    this.store = store;
    this.driver = new LifecycleDriver(engine);
  }

  public AccountabilityReview openReview(String key) {
    return store.reviewsOfCase(key).stream().filter(r -> !r.closed()).findFirst().orElseThrow();
  }

  public void audit(
      String key,
      String auditor,
      List<Map<String, Object>> verdicts,
      List<Map<String, Object>> added) {
    Map<String, Object> values = new HashMap<>();
    values.put("findingDecisions", SpinValues.jsonValue(CanonicalForm.json(verdicts)).create());
    values.put("addedFindings", SpinValues.jsonValue(CanonicalForm.json(added)).create());
    values.put("auditSummary", "逐条核对证据链与尽职事实,意见如上");
    driver.completeInCase(key, "Task_AuditorReview", auditor, values);
  }

  public void deliberate(String key, String member) {
    driver.completeInCase(
        key, "Task_Deliberation", member, Map.of("deliberationMinutes", "委员会评议:认可稽核确认的情形与证据"));
  }

  public void waiveStatement(String key, String manager) {
    driver.completeInCase(
        key, "Task_ManagerStatement", manager, Map.of("statementChoice", "waive"));
  }

  /** The board member finds the manager's responsibility reducible under §27(五), the clause the test cases break. */
  public void determineReducible(String key, String member) {
    decide(
        key,
        "Task_BoardDetermination",
        member,
        "tier",
        "reducible",
        "determinationClauses",
        List.of("§27(五)"),
        "determinationRationale");
  }

  /** A determination (Task_BoardDetermination) or appeal decision (Task_AppealDecision): its fields differ in name only. */
  public void decide(
      String key,
      String taskKey,
      String member,
      String tierKey,
      String tier,
      String clausesKey,
      List<String> clauses,
      String rationaleKey) {
    Map<String, Object> values = new HashMap<>();
    values.put(tierKey, tier);
    values.put(clausesKey, SpinValues.jsonValue(CanonicalForm.json(clauses)).create());
    values.put(rationaleKey, "依据已确认的情形与证据记录作出认定");
    driver.completeInCase(key, taskKey, member, values);
  }

  public void appeal(String key, String manager, String grounds) {
    driver.completeInCase(
        key, "Task_Appeal", manager, Map.of("appealChoice", "appeal", "appealGrounds", grounds));
  }

  /**
   * manager1's compensated case taken to the appeal decision: auditor1 confirms the first draft finding, board1
   * deliberates, manager1 states their case, board1 finds the responsibility reducible under §27(五), manager1
   * appeals on these grounds.
   */
  public void toTheAppealDecision(String key, String statement, String grounds) {
    audit(key, "auditor1", List.of(verdict(1, "confirm")), List.of());
    deliberate(key, "board1");
    driver.completeInCase(
        key,
        "Task_ManagerStatement",
        "manager1",
        Map.of("statementChoice", "submit", "statementText", statement));
    determineReducible(key, "board1");
    appeal(key, "manager1", grounds);
  }

  /** The auditor's verdict on a draft finding, by its number. */
  public static Map<String, Object> verdict(int findingNo, String decision) {
    Map<String, Object> item = new HashMap<>();
    item.put("findingNo", findingNo);
    item.put("decision", decision);
    item.put("reason", "证据记录显示该义务未按期履行");
    return item;
  }
}
