package com.creditdiligence.intake;

import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.casefile.CaseNumbers;
import com.creditdiligence.casefile.CaseStatus;
import com.creditdiligence.platform.EngineValues;
import com.creditdiligence.security.People;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.SubmissionRefused;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Leaving the start event (after the intake form was accepted): gives the case its application
 * number, opens its case file, and prepares the eligibility table's inputs.
 */
@Component("applicationIntake")
class ApplicationIntake implements ExecutionListener {

  private static final String ELEMENT = "StartEvent_ApplicationReceived";

  private final CaseNumbers caseNumbers;
  private final CaseFiles caseFiles;
  private final BusinessTime businessTime;
  private final People people;

  ApplicationIntake(
      CaseNumbers caseNumbers, CaseFiles caseFiles, BusinessTime businessTime, People people) {
    this.people = people;
    this.caseNumbers = caseNumbers;
    this.caseFiles = caseFiles;
    this.businessTime = businessTime;
  }

  @Override
  public void notify(DelegateExecution execution) {
    LocalDate today = businessTime.today();
    // The applicant's manager is whoever is signed in and submits the intake (the engine's
    // initiator); a
    // caseManager value submitted with the form does not name someone else. Without a signed-in
    // user (the
    // server's own code starting a case) the initiator variable is all there is.
    String performer = EngineValues.performer(execution.getProcessEngineServices());
    String caseManager =
        performer != null ? performer : (String) execution.getVariable("caseManager");
    if (performer != null) {
      execution.setVariable("caseManager", performer);
    }
    if (caseManager == null) {
      throw refused(
          "caseManager",
          "受理须由登录的客户经理提交 An application must be registered by a logged-in customer manager");
    }
    String businessKey = assignBusinessKey(execution, today);
    // Forms show the case's documents page by it (the business key itself is not a form variable).
    execution.setVariable("caseKey", businessKey);
    // The forms name the case manager «姓名 (id)»: display only (a form's text, never a field),
    // looked up from the manager the case file records.
    execution.setVariable(CaseFile.MANAGER_SHOWN, people.name(caseManager));
    Submission s =
        new Submission(
            EngineValues.plain(execution.getVariables(), businessTime.zone()), caseManager, today);
    EligibilityInputs inputs =
        EligibilityInputs.of(
            s.date("establishedOn").orElseThrow(), s.list("counterGuaranteeTypes"), today);
    execution.setVariable("yearsInOperation", inputs.yearsInOperation());
    execution.setVariable("hasCounterGuarantee", inputs.hasCounterGuarantee());

    Instant now = businessTime.now();
    caseFiles.open(
        new CaseFile(
            businessKey,
            execution.getProcessInstanceId(),
            s.text("applicantName").orElseThrow(),
            s.text("product").orElseThrow(),
            s.decimal("amount").orElseThrow(),
            s.decimal("termMonths").map(BigDecimal::intValueExact).orElseThrow(),
            caseManager,
            CaseStatus.REGISTERED,
            null,
            now,
            now));
  }

  private String assignBusinessKey(DelegateExecution execution, LocalDate today) {
    String given = execution.getProcessBusinessKey();
    if (given == null || given.isBlank()) {
      String generated = caseNumbers.next(Year.from(today));
      execution.setProcessBusinessKey(generated);
      return generated;
    }
    if (!CaseNumbers.isValid(given)) {
      throw refused(
          "businessKey",
          "申请编号格式应为 GA-年份-六位序号 The application number must look like GA-2026-000123: " + given);
    }
    if (caseFiles.find(given).isPresent()) {
      throw refused("businessKey", "申请编号已存在 The application number is already in use: " + given);
    }
    return given;
  }

  private static SubmissionRefused refused(String field, String message) {
    return new SubmissionRefused(ELEMENT, List.of(new Refusal(field, message)));
  }
}
