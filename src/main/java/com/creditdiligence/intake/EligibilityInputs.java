package com.creditdiligence.intake;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/** The facts the eligibility table reads that the form does not give directly. */
record EligibilityInputs(int yearsInOperation, boolean hasCounterGuarantee) {

  static EligibilityInputs of(
      LocalDate establishedOn, List<String> counterGuaranteeTypes, LocalDate today) {
    int years = Period.between(establishedOn, today).getYears();
    boolean counterGuarantee =
        !counterGuaranteeTypes.isEmpty() && !counterGuaranteeTypes.contains("none");
    return new EligibilityInputs(Math.max(years, 0), counterGuarantee);
  }
}
