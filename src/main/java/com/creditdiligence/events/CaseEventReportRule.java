package com.creditdiligence.events;

import com.creditdiligence.casefile.CaseNumbers;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Stage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The Tasklist report of a major event or an early-warning signal: a case, what happened, when; and a
 * reporter who may act on that case, by the very rule the /api door applies ({@link CaseAccess#act}: the
 * case's managers and department heads).
 */
@Component
class CaseEventReportRule implements TaskRule {

  static final TaskSpec SPEC =
      TaskSpec.of(
              "StartEvent_EventReported",
              "Form_CaseEventReport",
              Stage.MONITORING,
              new Duty("EVENT_REPORTED", "§14 §20 附录五"))
          .text("caseKey")
          .choice("eventType", "majorEventKind", "warningCategory", "warningItemClientQuality")
          .choice(
              "warningItemAccountChanges",
              "warningItemManagementChanges",
              "warningItemOperatingEnvironment",
              "warningItemFinancialCondition")
          .choice("warningItemOther")
          .text("eventDescription")
          .date("occurredOn")
          .build();

  private final CaseAccess access;

  /** Lazy: the engine is built with the rules, and CaseAccess asks the engine's identity service. */
  CaseEventReportRule(@Lazy CaseAccess access) {
    this.access = access;
  }

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    Checks checks =
        new Checks(s)
            .requireOneOf("eventType", Set.of("majorEvent", "warningSignal"), "事项类型 Event type")
            .requireFinding("eventDescription", "情况说明 Description");
    checks.requirePastDate("occurredOn", "发生日期 Occurred on");
    if (!CaseNumbers.isValid(s.text("caseKey").orElse(null))) {
      checks.refuse("caseKey", "案件编号格式应为 GA-年份-六位序号 The case number must look like GA-2026-000123");
    } else if (s.performer() != null) {
      access
          .refusalToAct(s.performer(), s.text("caseKey").orElseThrow())
          .ifPresent(reason -> checks.refuse("caseKey", reason));
    }
    if (s.text("eventType").filter("majorEvent"::equals).isPresent()) {
      checks.requireOneOf("majorEventKind", MajorEventKind.CODES, "重大事项类别 Kind of major event");
    } else if (s.text("eventType").filter("warningSignal"::equals).isPresent()) {
      Optional<WarningSignalCategory> category =
          s.text("warningCategory").flatMap(WarningSignalCategory::fromCode);
      if (category.isEmpty()) {
        checks.refuse("warningCategory", "预警类别必须选择 The category must be chosen");
      } else if (!category.get().hasItem(s.text(category.get().formField()).orElse(null))) {
        checks.refuse(category.get().formField(), "预警信号必须选择 The signal must be chosen");
      }
    }
    return checks.refusals();
  }
}
