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

/** §14, §20: after a major event, an on-site investigation, a written report and a fresh analysis. */
@Component
class MajorEventInvestigationRule implements TaskRule {

  static final TaskSpec SPEC = TaskSpec.of("Task_MajorEventInvestigation", "Form_MajorEventInvestigation", Stage.MONITORING,
      new Duty("ONSITE_AFTER_MAJOR_EVENT", "§14 §20"))
      .date("meVisitDate")
      .text("meVisitPlace", "mePeopleMet", "meFindings", "meWrittenReport")
      .text("meFreshAnalysis")
      .choice("meProposedRiskClass")
      .choices("attachedDocuments")
      .dueBy("ONSITE_AFTER_MAJOR_EVENT", "§14 §20", "§27(四)")
      .build();

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    Checks checks = new Checks(s)
        .requireText("meVisitPlace", "调查地点 Place visited")
        .requireText("mePeopleMet", "会见人员 People met")
        .requireFinding("meFindings", "调查发现 Findings")
        .requireFinding("meWrittenReport", "书面报告 Written report to the department head (§14)")
        .requireFinding("meFreshAnalysis", "重新分析评价 Fresh analysis (§20)");
    checks.requirePastDate("meVisitDate", "实地调查日期 On-site visit date");
    if (s.text("meProposedRiskClass").flatMap(RiskClass::fromCode).isEmpty()) {
      checks.refuse("meProposedRiskClass", "建议分类必须选择 The proposed risk class must be chosen");
    }
    return checks.refusals();
  }

  @Override
  public String verificationMethod(Submission s) {
    return s.text("meVisitDate").map(date -> "onSite " + date).orElse(null);
  }
}
