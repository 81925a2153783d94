package com.creditdiligence.events;

import com.creditdiligence.monitoring.RiskClass;
import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Stage;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * §14, §20: after a major event, an on-site investigation, a written report and a fresh analysis. §12: a change of the
 * customer's information (a major event of kind organisationChange) needs the customer's written report among the
 * documents, how it was verified, and its re-entry in the file.
 */
@Component
class MajorEventInvestigationRule implements TaskRule {

  /** The major event that is a change of the customer's information (§12). */
  static final String CUSTOMER_CHANGE = "organisationChange";

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_MajorEventInvestigation",
              "Form_MajorEventInvestigation",
              Stage.MONITORING,
              new Duty("ONSITE_AFTER_MAJOR_EVENT", "§14 §20"))
          .date("meVisitDate")
          .text("meVisitPlace", "mePeopleMet", "meFindings", "meWrittenReport")
          .text("meFreshAnalysis")
          .choice("meProposedRiskClass")
          .text("meChangeReverification")
          .flag("meFileReRecorded")
          .choices("attachedDocuments")
          .reads("majorEventKind")
          .dueBy("ONSITE_AFTER_MAJOR_EVENT", "§14 §20", "§27(四)")
          .build();

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    Checks checks =
        new Checks(s)
            .requireText("meVisitPlace", "调查地点 Place visited")
            .requireText("mePeopleMet", "会见人员 People met")
            .requireFinding("meFindings", "调查发现 Findings")
            .requireFinding("meWrittenReport", "书面报告 Written report to the department head (§14)")
            .requireFinding("meFreshAnalysis", "重新分析评价 Fresh analysis (§20)");
    checks.requirePastDate("meVisitDate", "实地调查日期 On-site visit date");
    if (s.text("meProposedRiskClass").flatMap(RiskClass::fromCode).isEmpty()) {
      checks.refuse("meProposedRiskClass", "建议分类必须选择 The proposed risk class must be chosen");
    }
    if (s.text("majorEventKind").filter(CUSTOMER_CHANGE::equals).isPresent()) {
      checks.requireFinding("meChangeReverification", "核实情况 How the change was verified (§12)");
      checks.requireTrue(
          "meFileReRecorded",
          "客户资料变动须在档案中重新记载 The change must be re-entered in the customer's file (§12)");
      if (s.list("attachedDocuments").isEmpty()) {
        checks.refuse(
            "attachedDocuments",
            "客户资料变动须附客户的书面报告 Attach the customer's written report of the change "
                + "(§12): upload it to the case and tick it under Documents");
      }
    }
    return checks.refusals();
  }

  @Override
  public String verificationMethod(Submission s) {
    return s.text("meVisitDate").map(date -> "onSite " + date).orElse(null);
  }
}
