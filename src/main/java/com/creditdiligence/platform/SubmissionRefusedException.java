package com.creditdiligence.platform;

import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.SubmissionRefused;
import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submission the rules refuse, as the engine must see it. A {@link FormFieldValidationException}, because that is
 * what Camunda's REST API (and with it Tasklist) answers with 400 and this readable message on complete and
 * submit-form; anything else becomes a 500. The whole command rolls back. Rules and features throw the kernel's
 * {@link SubmissionRefused}; {@link RefusalUnwrappingInterceptor} turns it into this, the one place that does.
 */
public class SubmissionRefusedException extends FormFieldValidationException {

  /** How every refusal's message begins, whichever door it comes through. */
  public static final String PREFIX = SubmissionRefused.PREFIX;

  private final String elementId;
  private final transient List<Refusal> refusals;

  public SubmissionRefusedException(String elementId, List<Refusal> refusals) {
    super(elementId, SubmissionRefused.describe(refusals));
    this.elementId = elementId;
    this.refusals = List.copyOf(refusals);
  }

  /** The engine's form error for the kernel's refusal. */
  public static SubmissionRefusedException of(SubmissionRefused refused) {
    SubmissionRefusedException exception =
        new SubmissionRefusedException(refused.elementId(), refused.refusals());
    exception.initCause(refused);
    return exception;
  }

  public String elementId() {
    return elementId;
  }

  public List<Refusal> refusals() {
    return refusals;
  }
}
