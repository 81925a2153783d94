package com.creditdiligence.implementation;

import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.committee.CommitteeDecisions;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link ApprovedTerms} from case_file and committee_decision. */
@Component
class RecordedApprovedTerms implements ApprovedTerms {

  private final CaseFiles caseFiles;
  private final CommitteeDecisions decisions;

  RecordedApprovedTerms(CaseFiles caseFiles, CommitteeDecisions decisions) {
    this.caseFiles = caseFiles;
    this.decisions = decisions;
  }

  @Override
  public Optional<BigDecimal> amount(String businessKey) {
    return businessKey == null
        ? Optional.empty()
        : caseFiles.find(businessKey).map(CaseFile::amount);
  }

  @Override
  public Optional<String> committeeResult(String businessKey) {
    return businessKey == null ? Optional.empty() : decisions.resultOf(businessKey);
  }
}
