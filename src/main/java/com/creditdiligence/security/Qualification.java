package com.creditdiligence.security;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A customer manager's qualification («客户经理队伍建设»): a level, valid from one day until another, for at
 * most two years. Plain Java.
 */
public record Qualification(
    String userId, String level, LocalDate validFrom, LocalDate validUntil) {

  public static final Set<String> LEVELS = Set.of("junior", "intermediate", "senior");
  public static final int MAXIMUM_YEARS = 2;

  public boolean validOn(LocalDate day) {
    return !day.isBefore(validFrom) && !day.isAfter(validUntil);
  }

  /** What is wrong with it as a record to keep, field by field (empty when it may be kept). */
  public List<String[]> problems() {
    List<String[]> problems = new ArrayList<>();
    if (level == null || !LEVELS.contains(level)) {
      problems.add(
          new String[] {
            "level",
            "资格等级须为 junior、intermediate 或 senior The level is junior, intermediate or senior"
          });
    }
    if (validFrom == null || validUntil == null) {
      problems.add(new String[] {"validUntil", "须给出有效期 The validity dates are required"});
    } else if (!validUntil.isAfter(validFrom)) {
      problems.add(new String[] {"validUntil", "到期日须晚于起始日 It must end after it begins"});
    } else if (validUntil.isAfter(validFrom.plusYears(MAXIMUM_YEARS))) {
      problems.add(
          new String[] {"validUntil", "资格有效期最长两年 A qualification is valid for at most two years"});
    }
    return problems;
  }
}
