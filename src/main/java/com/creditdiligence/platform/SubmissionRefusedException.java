package com.creditdiligence.platform;

import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.SubmissionRefused;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
  private transient ToBeLogged toBeLogged;

  /** Who was refused, where and when, for {@link RefusalLog}: kept once the refused command has rolled back. */
  record ToBeLogged(String businessKey, String taskId, String performer, Instant at) {}

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

  /** This refusal is to be kept in the {@link RefusalLog}, as refused by that performer on that task at that time. */
  SubmissionRefusedException logged(
      String businessKey, String taskId, String performer, Instant at) {
    this.toBeLogged = new ToBeLogged(businessKey, taskId, performer, at);
    return this;
  }

  Optional<ToBeLogged> toBeLogged() {
    return Optional.ofNullable(toBeLogged);
  }

  public String elementId() {
    return elementId;
  }

  public List<Refusal> refusals() {
    return refusals;
  }
}
