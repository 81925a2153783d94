package com.creditdiligence.investigation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * §26 客户经理应及时报告尽职调查结果: the customer investigation, which is the report of its results, is recorded within
 * {@code credit-diligence.deadlines.investigation-report-days} days of the on-site visit (5 by default).
 */
@ConfigurationProperties("credit-diligence.deadlines")
public record InvestigationReportDeadline(Integer investigationReportDays) {

  public InvestigationReportDeadline {
    investigationReportDays = investigationReportDays == null ? 5 : investigationReportDays;
  }
}
