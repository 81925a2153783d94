package com.creditdiligence.security;

import com.creditdiligence.platform.AssignmentCheck;
import com.creditdiligence.submission.Refusal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** «客户经理队伍建设»: a case's work goes only to a customer manager whose qualification is valid that day. */
@Component
class QualificationGate implements AssignmentCheck {

  private final Qualifications qualifications;
  private final Memberships memberships;

  QualificationGate(Qualifications qualifications, Memberships memberships) {
    this.qualifications = qualifications;
    this.memberships = memberships;
  }

  @Override
  public List<Refusal> check(String elementId, String assignee, LocalDate today) {
    if (!memberships.isMember(assignee, Memberships.CUSTOMER_MANAGER)) {
      return List.of();
    }
    Optional<Qualification> qualification = qualifications.of(assignee);
    if (qualification.isEmpty()) {
      return List.of(
          new Refusal(
              null,
              "客户经理 "
                  + assignee
                  + " 没有资格记录,不能承办案件 "
                  + assignee
                  + " has no qualification on record and may not be given a case's work («客户经理队伍建设»)"));
    }
    if (!qualification.get().validOn(today)) {
      return List.of(
          new Refusal(
              null,
              "客户经理 "
                  + assignee
                  + " 的资格不在有效期内("
                  + qualification.get().validFrom()
                  + " 至 "
                  + qualification.get().validUntil()
                  + ") "
                  + assignee
                  + "'s qualification is not valid on "
                  + today
                  + " and they may not be given a case's work («客户经理队伍建设»)"));
    }
    return List.of();
  }
}
