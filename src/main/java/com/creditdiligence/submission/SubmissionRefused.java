package com.creditdiligence.submission;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A step's rules refused what was submitted at a BPMN element (a task, a start event), each {@link Refusal} naming
 * its field. Thrown by rules, delegates and listeners as plain Java; the engine edge turns it into the engine's form
 * error (so that Tasklist shows the rule's words and the engine rolls the whole command back), the web layer into a
 * 400 naming each field.
 */
public class SubmissionRefused extends Rejection {

  /** How every refusal's message begins, whichever door it comes through. */
  public static final String PREFIX = "提交未被接受 Submission refused — ";

  private final String elementId;
  private final transient List<Refusal> refusals;

  public SubmissionRefused(String elementId, List<Refusal> refusals) {
    super(Kind.REFUSED, null, describe(refusals));
    this.elementId = elementId;
    this.refusals = List.copyOf(refusals);
  }

  public String elementId() {
    return elementId;
  }

  public List<Refusal> refusals() {
    return refusals;
  }

  /** The refusals' messages after {@link #PREFIX}, as one line. */
  public static String describe(List<Refusal> refusals) {
    return PREFIX + refusals.stream().map(Refusal::message).collect(Collectors.joining("; "));
  }
}
