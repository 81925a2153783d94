package com.creditdiligence.submission;

/**
 * One reason a submission cannot be accepted, for the person who filled the form.
 *
 * @param field   the form field (variable name) at fault, so a client can point at it
 * @param message bilingual, Chinese first, citing the rule where there is one
 */
public record Refusal(String field, String message) {

  @Override
  public String toString() {
    return message;
  }
}
