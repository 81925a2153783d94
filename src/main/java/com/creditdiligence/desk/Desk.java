package com.creditdiligence.desk;

import com.creditdiligence.accountability.CaseDutyFacts;
import com.creditdiligence.accountability.DutyFact;
import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.platform.EngineActions;
import com.creditdiligence.platform.RefusalLog;
import com.creditdiligence.security.Memberships;
import com.creditdiligence.security.People;
import com.creditdiligence.security.Qualification;
import com.creditdiligence.security.Qualifications;
import com.creditdiligence.submission.BusinessTime;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What the department head's desk shows, gathered from the case files, the engine, the ledger's duty facts, the
 * qualifications and the refusal log. The rules it applies are the plain ones of {@link CaseStage}, {@link Portfolio}
 * and {@link QualificationState}; this class only reads.
 */
@Component
class Desk {

  /** Deadlines this close are shown as coming due. */
  static final int DUE_WITHIN_DAYS = 14;

  private static final int REFUSALS_SHOWN = 50;
  private static final Set<String> MAJOR_EVENT_STEPS =
      Set.of(
          "SubProcess_MajorEvent", "Task_MajorEventInvestigation", "Task_ReviewMajorEventReport");

  private final CaseFiles caseFiles;
  private final CaseStages stages;
  private final CaseDutyFacts dutyFacts;
  private final EvidenceLedger ledger;
  private final Qualifications qualifications;
  private final RefusalLog refusals;
  private final ProcessEngine engine;
  private final EngineActions actions;
  private final People people;
  private final StepNames steps;
  private final BusinessTime time;

  Desk(
      CaseFiles caseFiles,
      CaseStages stages,
      CaseDutyFacts dutyFacts,
      EvidenceLedger ledger,
      Qualifications qualifications,
      RefusalLog refusals,
      ProcessEngine engine,
      EngineActions actions,
      People people,
      StepNames steps,
      BusinessTime time) {
    this.caseFiles = caseFiles;
    this.stages = stages;
    this.dutyFacts = dutyFacts;
    this.ledger = ledger;
    this.qualifications = qualifications;
    this.refusals = refusals;
    this.engine = engine;
    this.actions = actions;
    this.people = people;
    this.steps = steps;
    this.time = time;
  }

  /** A case as the desk lists it. */
  record CaseRow(
      String businessKey,
      String applicant,
      String product,
      BigDecimal amount,
      String manager,
      CaseStage stage,
      String riskClass,
      boolean openMajorEvent) {

    boolean watched() {
      return openMajorEvent
          || (riskClass != null
              && !riskClass.equals("normal")
              && !riskClass.equals(Portfolio.UNCLASSIFIED));
    }
  }

  /** A deadline: a duty of the rule book or an open task, whose, due when, and by how many days it is late. */
  record Deadline(
      String businessKey,
      String applicant,
      String what,
      String dutyCode,
      String clause,
      String responsible,
      String due,
      long daysLate) {}

  record QualificationRow(
      String userId,
      String name,
      Optional<Qualification> qualification,
      QualificationState state,
      long liveCases) {}

  record LapsingCase(
      String businessKey,
      String applicant,
      String manager,
      CaseStage stage,
      String validUntil,
      QualificationState state) {}

  record RefusedSubmission(
      String at, String businessKey, String step, String performer, String reasons) {}

  record View(
      String head,
      String now,
      String zone,
      List<CaseRow> cases,
      Portfolio portfolio,
      List<CaseRow> watchList,
      List<Deadline> overdue,
      List<Deadline> dueSoon,
      List<QualificationRow> qualifications,
      List<LapsingCase> lapsing,
      List<RefusedSubmission> refusals) {}

  View of(String head) {
    Instant now = time.now();
    LocalDate today = time.today();
    List<CaseFile> files = caseFiles.all();
    Map<String, CaseFile> byKey =
        files.stream().collect(Collectors.toMap(CaseFile::businessKey, f -> f));
    Map<String, String> riskClasses = riskClasses(files);
    List<CaseRow> live = new ArrayList<>();
    for (CaseFile file : files) {
      Set<String> active = stages.activeElements(file);
      CaseStage stage = CaseStage.of(file.status(), active);
      if (!stage.live()) {
        continue;
      }
      live.add(
          new CaseRow(
              file.businessKey(),
              file.applicantName(),
              file.product(),
              file.amount(),
              people.name(file.caseManager()),
              stage,
              stage.inForce()
                  ? riskClasses.getOrDefault(file.businessKey(), Portfolio.UNCLASSIFIED)
                  : null,
              active.stream().anyMatch(MAJOR_EVENT_STEPS::contains)));
    }
    Portfolio portfolio =
        Portfolio.of(
            live.stream()
                .filter(c -> c.stage().inForce())
                .map(
                    c ->
                        new Portfolio.Holding(
                            c.product(), Optional.ofNullable(c.riskClass()), c.amount()))
                .toList());
    List<CaseRow> watchList = live.stream().filter(CaseRow::watched).toList();

    List<Deadline> overdue = new ArrayList<>();
    List<Deadline> dueSoon = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Instant horizon = now.plus(Duration.ofDays(DUE_WITHIN_DAYS));
    for (CaseRow row : live) {
      for (DutyFact fact :
          dutyFacts.of(row.businessKey(), ledger.records(row.businessKey()), now)) {
        if (fact.dueAt() == null || fact.doneAt() != null) {
          continue;
        }
        boolean late = fact.status() == DutyFact.Status.VIOLATED;
        boolean coming = fact.status() == DutyFact.Status.PENDING && fact.dueAt().isBefore(horizon);
        if (late || coming) {
          seen.add(row.businessKey() + "@" + fact.dueAt());
          (late ? overdue : dueSoon)
              .add(
                  new Deadline(
                      row.businessKey(),
                      row.applicant(),
                      null,
                      fact.code(),
                      fact.clause(),
                      people.name(fact.responsible()),
                      time.shown(fact.dueAt()),
                      daysLate(fact.dueAt(), now)));
        }
      }
    }
    // The engine's other open tasks with a due date (a review's statement, a head's own review):
    // due is due.
    for (TaskDue task : openTasksDueBefore(horizon)) {
      if (!seen.add(task.businessKey() + "@" + task.due())) {
        continue;
      }
      CaseFile file = byKey.get(task.businessKey());
      Deadline deadline =
          new Deadline(
              task.businessKey(),
              file == null ? "" : file.applicantName(),
              steps.of(task.elementId()),
              null,
              null,
              task.assignee() == null ? "待认领 Not yet claimed" : people.name(task.assignee()),
              time.shown(task.due()),
              daysLate(task.due(), now));
      (task.due().isBefore(now) ? overdue : dueSoon).add(deadline);
    }
    overdue.sort(Comparator.comparing(Deadline::due));
    dueSoon.sort(Comparator.comparing(Deadline::due));

    List<QualificationRow> qualificationRows = new ArrayList<>();
    Map<String, Long> casesByManager =
        live.stream()
            .collect(
                Collectors.groupingBy(
                    c -> byKey.get(c.businessKey()).caseManager(), Collectors.counting()));
    for (User manager :
        actions.asApplication(
            () ->
                engine
                    .getIdentityService()
                    .createUserQuery()
                    .memberOfGroup(Memberships.CUSTOMER_MANAGER)
                    .orderByUserId()
                    .asc()
                    .list())) {
      Optional<Qualification> qualification = qualifications.of(manager.getId());
      qualificationRows.add(
          new QualificationRow(
              manager.getId(),
              People.name(manager),
              qualification,
              QualificationState.of(qualification, today),
              casesByManager.getOrDefault(manager.getId(), 0L)));
    }
    List<LapsingCase> lapsing = new ArrayList<>();
    for (Map<String, Object> row :
        qualifications.liveCasesNeedingAttention(today.plusDays(QualificationState.WARNING_DAYS))) {
      CaseFile file = byKey.get((String) row.get("business_key"));
      if (file == null) {
        continue;
      }
      Optional<Qualification> qualification = qualifications.of(file.caseManager());
      lapsing.add(
          new LapsingCase(
              file.businessKey(),
              file.applicantName(),
              people.name(file.caseManager()),
              stages.of(file),
              qualification.map(q -> q.validUntil().toString()).orElse("—"),
              QualificationState.of(qualification, today)));
    }

    List<RefusedSubmission> refused =
        refusals.recent(REFUSALS_SHOWN).stream()
            .map(
                row ->
                    new RefusedSubmission(
                        time.shown(((Timestamp) row.get("refused_at")).toInstant()),
                        (String) row.get("business_key"),
                        steps.of((String) row.get("element_id")),
                        people.name((String) row.get("performer")),
                        (String) row.get("reasons")))
            .toList();

    return new View(
        people.name(head),
        time.shown(now),
        time.label(),
        live,
        portfolio,
        watchList,
        overdue,
        dueSoon,
        qualificationRows,
        lapsing,
        refused);
  }

  private static long daysLate(Instant due, Instant now) {
    return due.isBefore(now) ? Math.max(1, Duration.between(due, now).toDays()) : 0;
  }

  /** The five-tier class on record for each case whose process has one. */
  private Map<String, String> riskClasses(List<CaseFile> files) {
    Map<String, String> keyByInstance = new HashMap<>();
    files.stream()
        .filter(f -> f.processInstanceId() != null)
        .forEach(f -> keyByInstance.put(f.processInstanceId(), f.businessKey()));
    Map<String, String> classes = new HashMap<>();
    if (keyByInstance.isEmpty()) {
      return classes;
    }
    List<VariableInstance> variables =
        actions.asApplication(
            () ->
                engine
                    .getRuntimeService()
                    .createVariableInstanceQuery()
                    .variableName("riskClass")
                    .processInstanceIdIn(keyByInstance.keySet().toArray(String[]::new))
                    .list());
    for (VariableInstance variable : variables) {
      if (variable.getValue() instanceof String code) {
        classes.put(keyByInstance.get(variable.getProcessInstanceId()), code);
      }
    }
    return classes;
  }

  private record TaskDue(String businessKey, String elementId, String assignee, Instant due) {}

  private List<TaskDue> openTasksDueBefore(Instant horizon) {
    return actions.asApplication(
        () -> {
          List<Task> tasks =
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .active()
                  .dueBefore(Date.from(horizon))
                  .list();
          Set<String> instances =
              tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
          Map<String, String> keys = new HashMap<>();
          if (!instances.isEmpty()) {
            for (ProcessInstance instance :
                engine
                    .getRuntimeService()
                    .createProcessInstanceQuery()
                    .processInstanceIds(instances)
                    .list()) {
              String key = instance.getBusinessKey();
              if (key == null) {
                Object caseKey =
                    engine.getRuntimeService().getVariable(instance.getId(), "caseKey");
                key = caseKey == null ? null : caseKey.toString();
              }
              keys.put(instance.getId(), key);
            }
          }
          return tasks.stream()
              .map(
                  task ->
                      new TaskDue(
                          keys.get(task.getProcessInstanceId()),
                          task.getTaskDefinitionKey(),
                          task.getAssignee(),
                          task.getDueDate().toInstant()))
              .toList();
        });
  }
}
