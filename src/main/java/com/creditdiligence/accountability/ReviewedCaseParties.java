package com.creditdiligence.accountability;

import com.creditdiligence.security.CaseParties;
import java.util.List;
import org.springframework.stereotype.Component;

/** The accountability review's answer to {@link CaseParties}: its reviews of the case, and the case's managers. */
@Component
class ReviewedCaseParties implements CaseParties {

  private final ReviewStore reviews;
  private final Reviews caseManagers;

  ReviewedCaseParties(ReviewStore reviews, Reviews caseManagers) {
    this.reviews = reviews;
    this.caseManagers = caseManagers;
  }

  @Override
  public boolean hasReview(String businessKey) {
    return !reviews.reviewsOfCase(businessKey).isEmpty();
  }

  @Override
  public List<String> managersOf(String businessKey) {
    return caseManagers.managersOf(businessKey);
  }
}
