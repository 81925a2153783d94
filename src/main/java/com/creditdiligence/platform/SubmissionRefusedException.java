package com.creditdiligence.platform;

import com.creditdiligence.submission.Refusal;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A submission the rules refuse. A {@link BadUserRequestException}, so that Camunda's REST API
 * (and with it Tasklist) answers 400 with this readable message; the whole command rolls back.
 */
public class SubmissionRefusedException extends BadUserRequestException {

  private final String elementId;
  private final transient List<Refusal> refusals;

  public SubmissionRefusedException(String elementId, List<Refusal> refusals) {
    super(describe(refusals));
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
    return "提交未被接受 Submission refused — "
        + refusals.stream().map(Refusal::message).collect(Collectors.joining("; "));
  }
}
