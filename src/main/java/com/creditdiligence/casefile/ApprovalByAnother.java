package com.creditdiligence.casefile;

import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * An approval of the case's own manager's proposal (an adjustment, a re-use of limits): approve or reject with a
 * rationale, never by one of the case's own managers — who the case file says they are (who holds it, who applied),
 * not a caseManager value a form carries.
 */
@Component
public class ApprovalByAnother {

  private final CaseFiles caseFiles;

  ApprovalByAnother(CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
  }

  /** @param ownManagerRefused what the case's own manager is told, bilingual */
  public List<Refusal> check(
      Submission s,
      String decisionKey,
      String rationaleKey,
      String rationaleLabel,
      String ownManagerRefused) {
    Checks checks = new Checks(s);
    if (s.performer() != null
        && s.businessKey() != null
        && caseFiles.ownManagers(s.businessKey()).contains(s.performer())) {
      return checks.refuse(decisionKey, ownManagerRefused).refusals();
    }
    return checks
        .requireOneOf(decisionKey, Set.of("approve", "reject"), "审批意见 Decision")
        .requireFinding(rationaleKey, rationaleLabel)
        .refusals();
  }
}
