package com.creditdiligence.monitoring;

/** The best class a guarantee may have for the days its debtor is overdue (the 2023 rule). */
public interface ClassificationFloor {

  RiskClass floorFor(int daysOverdue);
}
