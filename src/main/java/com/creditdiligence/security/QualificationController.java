package com.creditdiligence.security;

import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Rejection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Managers' qualifications: kept by department heads and administrators, read by the manager and by
 * those who watch over them; and the live cases whose manager's qualification has lapsed or is about to,
 * for the department head to reassign.
 */
@RestController
class QualificationController {

  private final Qualifications qualifications;
  private final Memberships memberships;
  private final CaseAccess access;
  private final BusinessTime businessTime;

  QualificationController(
      Qualifications qualifications,
      Memberships memberships,
      CaseAccess access,
      BusinessTime businessTime) {
    this.qualifications = qualifications;
    this.memberships = memberships;
    this.access = access;
    this.businessTime = businessTime;
  }

  record QualificationRequest(String level, LocalDate validFrom, LocalDate validUntil) {}

  @GetMapping("/api/managers/{userId}/qualification")
  Qualification qualification(@PathVariable String userId) {
    if (!access.user().equals(userId)) {
      access.memberOf(Memberships.DEPARTMENT_HEAD, Memberships.AUDITOR, Memberships.ADMIN);
    }
    return qualifications
        .of(userId)
        .orElseThrow(() -> Rejection.notFound("没有资格记录 No qualification on record for " + userId));
  }

  @PutMapping("/api/managers/{userId}/qualification")
  Qualification keep(@PathVariable String userId, @RequestBody QualificationRequest request) {
    String recorder = access.memberOf(Memberships.DEPARTMENT_HEAD, Memberships.ADMIN);
    Qualification qualification =
        new Qualification(userId, request.level(), request.validFrom(), request.validUntil());
    qualifications
        .keepByTheRules(qualification, recorder, businessTime.now())
        .ifPresent(
            problem -> {
              throw Rejection.invalid(problem[0], problem[1]);
            });
    return qualification;
  }

  /** Live cases whose manager is unqualified today or will be within the given days. */
  @GetMapping("/api/qualifications/attention")
  List<Map<String, Object>> attention(@RequestParam(defaultValue = "30") int days) {
    access.memberOf(Memberships.DEPARTMENT_HEAD, Memberships.AUDITOR, Memberships.ADMIN);
    if (days < 0 || days > 365) {
      throw Rejection.invalid("days", "0至365天 Between 0 and 365 days");
    }
    LocalDate today = businessTime.today();
    return qualifications.liveCasesNeedingAttention(today.plusDays(days));
  }
}
