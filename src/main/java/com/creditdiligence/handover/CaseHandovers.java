package com.creditdiligence.handover;

import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.NewEvidence;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.security.Memberships;
import com.creditdiligence.security.People;
import com.creditdiligence.security.Qualifications;
import com.creditdiligence.submission.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A case handed from one customer manager to another: the case file and its handover history, the case's open tasks
 * of the predecessor, and the ledger's record of who handed it from whom to whom, and why. Duties that fall due later
 * attach to the successor (DutyFacts reads who held the case when). Refused, with the reason, when the successor is
 * not a customer manager qualified today, is the manager already, or no reason is given.
 */
@Component
public class CaseHandovers {

  /** The ledger's record of a handover. */
  private final CaseFiles caseFiles;

  private final EvidenceLedger ledger;
  private final Qualifications qualifications;
  private final People people;

  CaseHandovers(
      CaseFiles caseFiles, EvidenceLedger ledger, Qualifications qualifications, People people) {
    this.people = people;
    this.caseFiles = caseFiles;
    this.ledger = ledger;
    this.qualifications = qualifications;
  }

  /** Why this handover cannot be made, if it cannot; empty if it can. */
  public List<String> refusals(
      String businessKey,
      String successor,
      String reason,
      LocalDate today,
      ProcessEngineServices engine) {
    List<String> refusals = new ArrayList<>();
    Optional<CaseFile> file = caseFiles.find(businessKey);
    if (file.isEmpty()) {
      return List.of("没有案件 " + businessKey + " No case " + businessKey);
    }
    if (successor == null
        || successor.isBlank()
        || engine
                .getIdentityService()
                .createUserQuery()
                .userId(successor)
                .memberOfGroup(Memberships.CUSTOMER_MANAGER)
                .count()
            == 0) {
      refusals.add("用户 " + successor + " 不是客户经理 " + successor + " is not a customer manager");
    } else if (successor.equals(file.get().caseManager())) {
      refusals.add(successor + " 已是本案客户经理 already manages this case");
    } else if (qualifications.of(successor).filter(q -> q.validOn(today)).isEmpty()) {
      refusals.add(
          "客户经理 "
              + successor
              + " 的资格今天无效,不能接手案件 "
              + successor
              + "'s qualification is not valid today: they may not take over a case («客户经理队伍建设»)");
    }
    if (reason != null && Checks.saysNothing(reason)) {
      refusals.add(
          "须说明移交理由,至少 "
              + Checks.MIN_FINDING_LENGTH
              + " 个字 The reason must be stated, in at least "
              + Checks.MIN_FINDING_LENGTH
              + " characters");
    }
    return refusals;
  }

  /**
   * Hands the case over; call {@link #refusals} first. The predecessor's open tasks of the case move with it.
   *
   * @param reason why, as the department head gave it (null where the step that hands over records it itself)
   */
  public void handOver(
      String businessKey,
      String successor,
      String reason,
      String by,
      Instant at,
      ProcessEngineServices engine) {
    String predecessor =
        caseFiles
            .find(businessKey)
            .map(CaseFile::caseManager)
            .orElseThrow(() -> new IllegalStateException("No case file " + businessKey));
    var tasks = engine.getTaskService();
    List<String> moved = new ArrayList<>();
    for (Task open :
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(businessKey)
            .taskAssignee(predecessor)
            .list()) {
      tasks.setAssignee(open.getId(), successor);
      moved.add(open.getTaskDefinitionKey());
    }
    // The forms show the caseManager variable; who held the case is the case file's fact.
    engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey)
        .active()
        .list()
        .forEach(
            instance -> {
              engine.getRuntimeService().setVariable(instance.getId(), "caseManager", successor);
              engine
                  .getRuntimeService()
                  .setVariable(instance.getId(), CaseFile.MANAGER_SHOWN, people.name(successor));
            });
    caseFiles.reassign(businessKey, predecessor, successor, at);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("from", predecessor);
    facts.put("to", successor);
    facts.put("reason", reason);
    facts.put("tasksMoved", moved);
    ledger.append(
        NewEvidence.of(businessKey, RecordType.CASE_HANDED_OVER, by, at)
            .withDuty("CASE_HANDOVER", null)
            .withAssignee(successor)
            .withFindings(CanonicalForm.json(facts))
            .withDocuments(CanonicalForm.json(List.of())));
  }
}
