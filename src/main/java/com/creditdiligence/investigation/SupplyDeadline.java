package com.creditdiligence.investigation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a customer has to supply a document accepted «后补 to be supplied» when the investigation names no due
 * date: {@code credit-diligence.deadlines.documents-to-be-supplied-days} after the investigation (30 by default).
 */
@ConfigurationProperties("credit-diligence.deadlines")
public record SupplyDeadline(Integer documentsToBeSuppliedDays) {

  public SupplyDeadline {
    documentsToBeSuppliedDays = documentsToBeSuppliedDays == null ? 30 : documentsToBeSuppliedDays;
  }
}
