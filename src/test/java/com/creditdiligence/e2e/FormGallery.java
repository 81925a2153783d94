package com.creditdiligence.e2e;

import static com.creditdiligence.accountability.ReviewSteps.verdict;
import static com.creditdiligence.demo.DemoSubmissions.contracts;
import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.investigation;
import static com.creditdiligence.demo.DemoSubmissions.problemHandling;
import static com.creditdiligence.demo.DemoSubmissions.vote;
import static com.creditdiligence.demo.TestSubmissions.adjustedMonitoringReport;
import static com.creditdiligence.demo.TestSubmissions.majorEventInvestigation;
import static com.creditdiligence.demo.TestSubmissions.monitoringReport;

import com.creditdiligence.accountability.ReviewSteps;
import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The fixture of the browser's form gallery: for every Camunda form, something a demo user can open in
 * Tasklist now — an open task of a case made for it, or, for a start form, the process it starts. The
 * cases are new (applicants named "表单画廊 …"), taken there through the same rules as any user's work,
 * so the demo cases' state does not matter.
 */
public class FormGallery {

  /**
   * One form as a user finds it in Tasklist: a task (by id), or a start form ({@code taskId} null) in the
   * list of processes under {@code processName}. A group task nobody has taken must be claimed first.
   */
  public record FormOnScreen(
      String formId,
      String user,
      String taskId,
      String caseKey,
      String processDefinitionKey,
      String processName,
      String taskName,
      boolean claimFirst) {

    public boolean isStartForm() {
      return taskId == null;
    }
  }

  // Demo users (DemoUsers) of the groups the tasks are given or offered to.
  private static final String MANAGER = "manager1";
  private static final String HEAD = "head1";
  private static final String COMMITTEE_MEMBER = "committee1";
  private static final String AUDITOR = "auditor1";
  private static final String BOARD_MEMBER = "board1";

  /** The appeal is offered to the board members who did not decide the first time (DeterminationRecorder). */
  private static final String OTHER_BOARD_MEMBER = "board2";

  private static final long AMOUNT = 3_000_000;

  private final ProcessEngine engine;
  private final CaseEvents events;
  private final LifecycleDriver driver;
  private final PostGuaranteeSteps postGuarantee;
  private final ReviewSteps review;

  public FormGallery(ProcessEngine engine, CaseEvents events, ReviewStore reviewStore) {
    this.engine = engine;
    this.events = events;
    this.driver = new LifecycleDriver(engine);
    this.postGuarantee = new PostGuaranteeSteps(engine, events);
    this.review = new ReviewSteps(engine, reviewStore);
  }

  /** Creates the cases and lists every form on screen; each call makes new cases. */
  public List<FormOnScreen> prepare() {
    List<FormOnScreen> gallery = new ArrayList<>();
    gallery.addAll(startForms());
    gallery.addAll(beforeTheGuaranteeIsIssued());
    gallery.addAll(underMonitoring());
    gallery.addAll(problemGuarantees());
    gallery.addAll(accountabilityReview());
    return gallery;
  }

  private List<FormOnScreen> startForms() {
    return List.of(
        startForm("Form_ApplicationIntake", MANAGER, LifecycleDriver.PROCESS_KEY),
        startForm("Form_CaseEventReport", MANAGER, "case-event-report"),
        startForm("Form_OpenAccountabilityReview", AUDITOR, "accountability-review"));
  }

  private List<FormOnScreen> beforeTheGuaranteeIsIssued() {
    String investigating =
        driver.apply(MANAGER, application("客户调查 Customer investigation")).getBusinessKey();

    var evaluating = driver.apply(MANAGER, application("分析评价 Analysis and evaluation"));
    driver.complete(
        evaluating.getId(), "Task_CustomerInvestigation", MANAGER, investigation(false));

    var voting = driver.toCommittee(MANAGER, application("委员会表决 Committee vote"), "approve");

    // The committee rejects what the manager recommended: the manager may reserve their opinion.
    var rejected = driver.toCommittee(MANAGER, application("保留意见 Reserved opinion"), "approve");
    voteAll(rejected.getId(), "reject");

    var approved = driver.toCommittee(MANAGER, application("签订合同 Contracts"), "approve");
    voteAll(approved.getId(), "approve");

    var contracted =
        driver.toCommittee(MANAGER, application("出具保函 Issue the guarantee"), "approve");
    voteAll(contracted.getId(), "approve");
    driver.complete(contracted.getId(), "Task_SignContracts", MANAGER, contracts(false));

    return List.of(
        task("Form_CustomerInvestigation", investigating, "Task_CustomerInvestigation", MANAGER),
        task(
            "Form_AnalysisEvaluation",
            evaluating.getBusinessKey(),
            "Task_AnalysisEvaluation",
            MANAGER),
        task(
            "Form_CommitteeVote",
            voting.getBusinessKey(),
            "Task_CommitteeVote",
            driver.voters(voting.getId()).get(0)),
        task(
            "Form_ReservedOpinion",
            rejected.getBusinessKey(),
            "Task_RecordReservedOpinion",
            MANAGER),
        task("Form_SignContracts", approved.getBusinessKey(), "Task_SignContracts", MANAGER),
        task("Form_IssueGuarantee", contracted.getBusinessKey(), "Task_IssueGuarantee", MANAGER));
  }

  private List<FormOnScreen> underMonitoring() {
    String monitored = issuedGuarantee("监测报告 Monitoring report").getBusinessKey();

    var overdue = issuedGuarantee("报告逾期 Overdue report");
    try {
      postGuarantee.letMonitoringReportFallOverdue(overdue.getId());
    } finally {
      ClockUtil.reset();
    }

    // Two major events, one investigated and waiting for the head's review; and a warning signal.
    // The one left open
    // is the change of the customer's information, whose form shows the §12 fields (it needs the
    // customer's report).
    String eventful = issuedGuarantee("重大事项与预警 Major events and a warning signal").getBusinessKey();
    events.majorEvent(
        eventful, "majorLitigation", "被供应商起诉 Sued by a supplier", LocalDate.now(), Instant.now());
    driver.completeInCase(
        eventful, "Task_MajorEventInvestigation", MANAGER, majorEventInvestigation("normal"));
    events.majorEvent(
        eventful,
        "organisationChange",
        "控股股东变更 Controlling shareholder changed",
        LocalDate.now(),
        Instant.now());
    events.warningSignal(
        eventful,
        "financialCondition",
        "fc01",
        "利息逾期 Interest late",
        LocalDate.now(),
        Instant.now());

    // A report proposing an extension (§24), waiting for the department head's approval.
    String adjusting = issuedGuarantee("担保调整 Adjustment").getBusinessKey();
    driver.completeInCase(
        adjusting, "Task_MonitoringReport", MANAGER, adjustedMonitoringReport("extension"));

    String maturing = issuedGuarantee("到期解保 Release at maturity").getBusinessKey();
    driver.completeInCase(
        maturing,
        "Task_MonitoringReport",
        MANAGER,
        monitoringReport("normal", 0, "releaseAtMaturity"));

    return List.of(
        task("Form_MonitoringReport", monitored, "Task_MonitoringReport", MANAGER),
        task(
            "Form_OverdueReportReview", overdue.getBusinessKey(), "Task_ReviewOverdueReport", HEAD),
        task("Form_MajorEventInvestigation", eventful, "Task_MajorEventInvestigation", MANAGER),
        task("Form_MajorEventReview", eventful, "Task_ReviewMajorEventReport", HEAD),
        task("Form_PreservationMeasures", eventful, "Task_PreservationMeasures", MANAGER),
        task("Form_ApproveAdjustment", adjusting, "Task_ApproveAdjustment", HEAD),
        task("Form_ReleaseGuarantee", maturing, "Task_ReleaseGuarantee", MANAGER));
  }

  private List<FormOnScreen> problemGuarantees() {
    String problem = problemGuarantee("问题担保 Problem guarantee");

    String compensating = problemGuarantee("代偿登记 Compensation");
    driver.completeInCase(
        compensating, "Task_ProblemHandling", MANAGER, problemHandling("compensated"));

    String recovered = issuedGuarantee("额度恢复 Limit re-use").getBusinessKey();
    postGuarantee.requestLimitReuse(recovered, MANAGER);

    return List.of(
        task("Form_ProblemHandling", problem, "Task_ProblemHandling", MANAGER),
        task("Form_RecordCompensation", compensating, "Task_RecordCompensation", MANAGER),
        task("Form_LimitReuseApproval", recovered, "Task_ApproveLimitReuse", COMMITTEE_MEMBER));
  }

  private List<FormOnScreen> accountabilityReview() {
    return List.of(
        task(
            "Form_AuditorReview", reviewCase("稽核审查 Auditor review"), "Task_AuditorReview", AUDITOR),
        task(
            "Form_Deliberation",
            reviewCase("评议 Deliberation", this::audit),
            "Task_Deliberation",
            BOARD_MEMBER),
        task(
            "Form_ManagerStatement",
            reviewCase("申辩 Statement", this::audit, this::deliberate),
            "Task_ManagerStatement",
            MANAGER),
        task(
            "Form_BoardDetermination",
            reviewCase("责任认定 Determination", this::audit, this::deliberate, this::waiveStatement),
            "Task_BoardDetermination",
            BOARD_MEMBER),
        task(
            "Form_Appeal",
            reviewCase(
                "申诉 Appeal",
                this::audit,
                this::deliberate,
                this::waiveStatement,
                this::determineLiable),
            "Task_Appeal",
            MANAGER),
        task(
            "Form_AppealDecision",
            reviewCase(
                "申诉复核 Appeal decision",
                this::audit,
                this::deliberate,
                this::waiveStatement,
                this::determineLiable,
                this::appeal),
            "Task_AppealDecision",
            OTHER_BOARD_MEMBER));
  }

  // --- cases
  // ---------------------------------------------------------------------------------------

  private static Map<String, Object> application(String situation) {
    return intake("表单画廊 Form gallery: " + situation, "workingCapitalLoan", AMOUNT, 12);
  }

  private ProcessInstance issuedGuarantee(String situation) {
    return driver.issuedGuarantee(MANAGER, "表单画廊 Form gallery: " + situation, AMOUNT);
  }

  private void voteAll(String processInstanceId, String decision) {
    driver
        .voters(processInstanceId)
        .forEach(
            member ->
                driver.complete(processInstanceId, "Task_CommitteeVote", member, vote(decision)));
  }

  /** A guarantee its manager reports substandard and transfers to problem handling. */
  private String problemGuarantee(String situation) {
    String key = issuedGuarantee(situation).getBusinessKey();
    driver.completeInCase(
        key,
        "Task_MonitoringReport",
        MANAGER,
        monitoringReport("substandard", 120, "transferToProblemHandling"));
    return key;
  }

  /**
   * A compensated case whose preservation measures came five days after the warning signal: its review
   * has a draft finding (§27(五)) to confirm and a liability to decide and appeal. The review is taken
   * through the given steps; the clock those steps ran on is then put back.
   */
  @SafeVarargs
  private String reviewCase(String situation, Consumer<String>... steps) {
    try {
      String key = postGuarantee.compensatedCase(MANAGER, "表单画廊 Form gallery: " + situation, 5);
      for (Consumer<String> step : steps) {
        step.accept(key);
      }
      return key;
    } finally {
      ClockUtil.reset();
    }
  }

  private void audit(String key) {
    review.audit(key, AUDITOR, List.of(verdict(1, "confirm")), List.of());
  }

  private void deliberate(String key) {
    review.deliberate(key, BOARD_MEMBER);
  }

  private void waiveStatement(String key) {
    review.waiveStatement(key, MANAGER);
  }

  private void determineLiable(String key) {
    review.determineReducible(key, BOARD_MEMBER);
  }

  private void appeal(String key) {
    review.appeal(key, MANAGER, "措施已在预警当日口头落实,书面送达晚于期限非本人原因");
  }

  // --- forms on screen
  // -----------------------------------------------------------------------------

  private FormOnScreen startForm(String formId, String user, String processKey) {
    ProcessDefinition process =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .latestVersion()
            .singleResult();
    return new FormOnScreen(
        formId, user, null, null, process.getKey(), process.getName(), null, false);
  }

  /** The case's open task of that kind which is the user's, or offered to them (or their group) and not yet taken. */
  private FormOnScreen task(String formId, String businessKey, String taskKey, String user) {
    Task task =
        Optional.ofNullable(tasks(businessKey, taskKey).taskAssignee(user).singleResult())
            .or(
                () ->
                    Optional.ofNullable(
                        tasks(businessKey, taskKey).taskCandidateUser(user).singleResult()))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No task " + taskKey + " for " + user + " in " + businessKey));
    ProcessDefinition process =
        engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId());
    return new FormOnScreen(
        formId,
        user,
        task.getId(),
        businessKey,
        process.getKey(),
        process.getName(),
        task.getName(),
        task.getAssignee() == null);
  }

  private TaskQuery tasks(String businessKey, String taskKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey)
        .active();
  }
}
