package com.creditdiligence.security;

import com.creditdiligence.platform.RefusalLog;
import com.creditdiligence.submission.Rejection;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The refused submissions, newest first: for the people who watch over segregation of duties. */
@RestController
class RefusedSubmissionsController {

  private final RefusalLog refusals;
  private final CaseAccess access;

  RefusedSubmissionsController(RefusalLog refusals, CaseAccess access) {
    this.refusals = refusals;
    this.access = access;
  }

  @GetMapping("/api/refused-submissions")
  List<Map<String, Object>> recent(@RequestParam(defaultValue = "100") int limit) {
    access.memberOf(Memberships.AUDITOR, Memberships.DEPARTMENT_HEAD, Memberships.ADMIN);
    if (limit < 1 || limit > 1000) {
      throw Rejection.invalid("limit", "1至1000条 Between 1 and 1000");
    }
    return refusals.recent(limit);
  }
}
