package com.creditdiligence.handover;

import com.creditdiligence.casefile.StaffGroups;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.platform.EngineActions;
import com.creditdiligence.security.People;
import com.creditdiligence.security.Qualifications;
import com.creditdiligence.submission.BusinessTime;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The department head's review of an overdue report picks the new manager by name «姓名 (id)», not by typing a user
 * id: the customer managers qualified today but the case's own, offered on the task (its {@value #OPTIONS}); one whose
 * qualification has lapsed is not offered, as the handover page does not offer them. What is submitted is still
 * checked as a handover is ({@link CaseReassignment}).
 */
@Component("reassignmentChoices")
class ReassignmentChoices implements TaskListener {

  static final String OPTIONS = "reassignOptions";

  private final EngineActions actions;
  private final Qualifications qualifications;
  private final BusinessTime businessTime;

  ReassignmentChoices(
      EngineActions actions, Qualifications qualifications, BusinessTime businessTime) {
    this.actions = actions;
    this.qualifications = qualifications;
    this.businessTime = businessTime;
  }

  @Override
  public void notify(DelegateTask task) {
    Object caseManager = task.getVariable("caseManager");
    LocalDate today = businessTime.today();
    String options =
        CanonicalForm.json(
            actions.asApplication(
                () ->
                    task
                        .getProcessEngineServices()
                        .getIdentityService()
                        .createUserQuery()
                        .memberOfGroup(StaffGroups.CUSTOMER_MANAGER)
                        .orderByUserId()
                        .asc()
                        .list()
                        .stream()
                        .filter(manager -> !manager.getId().equals(caseManager))
                        .filter(
                            manager ->
                                qualifications
                                    .of(manager.getId())
                                    .filter(q -> q.validOn(today))
                                    .isPresent())
                        .map(
                            manager ->
                                Map.<String, Object>of(
                                    "label", People.name(manager), "value", manager.getId()))
                        .toList()));
    task.setVariableLocal(OPTIONS, SpinValues.jsonValue(options).create());
  }
}
