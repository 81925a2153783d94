package com.creditdiligence.platform;

import com.creditdiligence.submission.Refusal;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submission the rules refuse. A {@link FormFieldValidationException}, because that is what Camunda's
 * REST API (and with it Tasklist) answers with 400 and this readable message on complete and
 * submit-form; anything else becomes a 500. The whole command rolls back.
 */
public class SubmissionRefusedException extends FormFieldValidationException {

  /** How every refusal's message begins, whichever door it comes through. */
  public static final String PREFIX = "提交未被接受 Submission refused — ";

  private final String elementId;
  private final transient List<Refusal> refusals;

  public SubmissionRefusedException(String elementId, List<Refusal> refusals) {
    super(elementId, describe(refusals));
    this.elementId = elementId;
    this.refusals = List.copyOf(refusals);
  }

  public String elementId() {
    return elementId;
  }

  public List<Refusal> refusals() {
    return refusals;
  }

  private static String describe(List<Refusal> refusals) {
    return PREFIX + refusals.stream().map(Refusal::message).collect(Collectors.joining("; "));
  }
}
