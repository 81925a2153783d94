package com.creditdiligence.audit;

import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.accountability.Reviews;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.NewEvidence;
import com.creditdiligence.platform.web.ApiProblem;
import com.creditdiligence.security.Memberships;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may replay a case: auditors, any case; board members, cases under an accountability review; a
 * customer manager, the cases they manage. Every look is itself recorded in the case's ledger: who
 * looked at what, when.
 */
@Component
public class AuditAccess {

  private final IdentityService identity;
  private final Memberships memberships;
  private final CaseFiles caseFiles;
  private final ReviewStore reviews;
  private final Reviews caseManagers;
  private final EvidenceLedger ledger;

  AuditAccess(IdentityService identity, Memberships memberships, CaseFiles caseFiles, ReviewStore reviews,
              Reviews caseManagers, EvidenceLedger ledger) {
    this.identity = identity;
    this.memberships = memberships;
    this.caseFiles = caseFiles;
    this.reviews = reviews;
    this.caseManagers = caseManagers;
    this.ledger = ledger;
  }

  /** The signed-in user, if they may see the case; otherwise a 404 (no such case) or a 403. */
  public String require(String businessKey) {
    String user = user();
    var file = caseFiles.find(businessKey)
        .orElseThrow(() -> ApiProblem.notFound("没有案件 " + businessKey + " No case " + businessKey));
    boolean allowed = memberships.isMember(user, Memberships.AUDITOR)
        || (memberships.isMember(user, Memberships.ACCOUNTABILITY_BOARD) && !reviews.reviewsOfCase(businessKey).isEmpty())
        || user.equals(file.caseManager()) || caseManagers.managersOf(businessKey).contains(user);
    if (!allowed) {
      throw new ApiProblem(HttpStatus.FORBIDDEN, null, "无权查看案件 " + businessKey + " " + user
          + " may not see case " + businessKey + ": only auditors, the board for cases under review, and the case's "
          + "managers may");
    }
    return user;
  }

  /** Appends {@code AUDIT_<WHAT>} to the case's chain, in its own transaction, before the view is served. */
  @Transactional
  public void recordView(String businessKey, String user, String what, Map<String, Object> details) {
    ledger.append(new NewEvidence(businessKey, "AUDIT_" + what, null, null, null, null, null, null, user, null,
        ClockUtil.getCurrentTime().toInstant(), null, CanonicalForm.json(details), CanonicalForm.json(List.of()), null,
        null, null));
  }

  private String user() {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null) {
      throw new ApiProblem(HttpStatus.UNAUTHORIZED, null, "请登录 Log in");
    }
    return authentication.getUserId();
  }
}
