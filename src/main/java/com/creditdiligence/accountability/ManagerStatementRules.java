package com.creditdiligence.accountability;

import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What only the manager under review may say: their statement (申辩) and whether they appeal (申诉). */
final class ManagerStatementRules {

  private ManagerStatementRules() {}

  /** A choice made by the manager concerned; when they choose to speak, what they say must say something. */
  static List<Refusal> check(
      Submission s,
      String choiceKey,
      String speakValue,
      Set<String> choices,
      String textKey,
      String textLabel) {
    List<Refusal> refusals =
        new ArrayList<>(
            ReviewSegregation.managerConcerned(s.performer(), s.text("manager").orElse(null)));
    Checks checks = new Checks(s).requireOneOf(choiceKey, choices, "选择 Choice");
    if (s.text(choiceKey).filter(speakValue::equals).isPresent()) {
      checks.requireFinding(textKey, textLabel);
    }
    refusals.addAll(checks.refusals());
    return refusals;
  }

  @Component
  static class StatementRule implements TaskRule {

    static final TaskSpec SPEC =
        TaskSpec.of(
                "Task_ManagerStatement",
                "Form_ManagerStatement",
                Stage.REVIEW,
                new Duty("ACCOUNTABILITY_STATEMENT", "金规〔2024〕11号 申辩"))
            .choice("statementChoice")
            .text("statementText")
            .choices("attachedDocuments")
            .reads("manager")
            .build();

    @Override
    public TaskSpec spec() {
      return SPEC;
    }

    @Override
    public List<Refusal> check(Submission s) {
      return ManagerStatementRules.check(
          s,
          "statementChoice",
          "submit",
          Set.of("submit", "waive"),
          "statementText",
          "申辩意见 Statement");
    }
  }

  @Component
  static class AppealRule implements TaskRule {

    static final TaskSpec SPEC =
        TaskSpec.of(
                "Task_Appeal",
                "Form_Appeal",
                Stage.REVIEW,
                new Duty("ACCOUNTABILITY_APPEAL", "金规〔2024〕11号 申诉"))
            .choice("appealChoice")
            .text("appealGrounds")
            .choices("attachedDocuments")
            .reads("manager")
            .build();

    @Override
    public TaskSpec spec() {
      return SPEC;
    }

    @Override
    public List<Refusal> check(Submission s) {
      return ManagerStatementRules.check(
          s,
          "appealChoice",
          "appeal",
          Set.of("appeal", "accept"),
          "appealGrounds",
          "申诉理由 Grounds of appeal");
    }
  }
}
