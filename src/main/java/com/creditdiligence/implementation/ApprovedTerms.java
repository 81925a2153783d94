package com.creditdiligence.implementation;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the record says was approved for a case: the case file's amount and the committee's recorded
 * result. The implementation rules read these from here, given by service code, never from a value
 * a user could have put in the submission.
 */
interface ApprovedTerms {

  /** The amount the committee approved: the case file's amount. */
  Optional<BigDecimal> amount(String businessKey);

  /** The committee's recorded result ({@code approved}, {@code approvedWithConditions}, {@code rejected}). */
  Optional<String> committeeResult(String businessKey);
}
