package com.creditdiligence.submission;

import java.util.List;

/**
 * The rule of one form-bearing BPMN element (a user task or a start event with a form): what a
 * submission must satisfy before the engine may accept it. One bean per element, found by
 * {@link #elementId()}; adding a task means a BPMN element, a form and one of these, with its {@link TaskSpec}.
 *
 * <p>Implementations are plain Java: they see the submitted values, never the engine.
 */
public interface TaskRule {

  /** The step this rule guards: its element, form, stage, duty, fields and deadline. */
  TaskSpec spec();

  /** The BPMN element id this rule guards, e.g. {@code Task_CustomerInvestigation}. */
  default String elementId() {
    return spec().elementId();
  }

  /** The duty this step evidences, for the evidence ledger. */
  default Duty duty() {
    return spec().duty();
  }

  /** Everything wrong with the submission; empty when it may be accepted. */
  List<Refusal> check(Submission submission);

  /** How the work was verified (§10, §11, §23), where the step says; null otherwise. */
  default String verificationMethod(Submission submission) {
    return null;
  }
}
