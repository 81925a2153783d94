package com.creditdiligence.desk;

import com.creditdiligence.security.Qualification;
import java.time.LocalDate;
import java.util.Optional;

/** Where a manager's qualification stands on a day, as the desk warns of it. Plain Java. Names: qualification.state.*. */
public enum QualificationState {
  VALID,
  EXPIRING,
  LAPSED,
  NOT_YET_VALID,
  NONE;

  /** A qualification ending within this many days is flagged before it lapses, as /api/qualifications/attention does. */
  public static final int WARNING_DAYS = 30;

  public static QualificationState of(Optional<Qualification> qualification, LocalDate today) {
    if (qualification.isEmpty()) {
      return NONE;
    }
    Qualification q = qualification.get();
    if (today.isBefore(q.validFrom())) {
      return NOT_YET_VALID;
    }
    if (today.isAfter(q.validUntil())) {
      return LAPSED;
    }
    return q.validUntil().isBefore(today.plusDays(WARNING_DAYS)) ? EXPIRING : VALID;
  }

  public boolean needsAttention() {
    return this != VALID;
  }

  public String messageKey() {
    return "qualification.state." + name();
  }
}
