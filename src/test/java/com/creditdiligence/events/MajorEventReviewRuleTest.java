package com.creditdiligence.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.demo.TestSubmissions;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** §22: the leader the major event is reported to decides the risk class the manager proposed, on record. */
class MajorEventReviewRuleTest {

  private final MajorEventReviewRule rule = new MajorEventReviewRule();

  @Test
  void theHeadDecidesTheClassWithTheirOpinion() {
    assertThat(refusals(TestSubmissions.majorEventReview("substandard"))).isEmpty();
  }

  @Test
  void anOpinionWithoutADecidedClassIsRefused() {
    Map<String, Object> values = TestSubmissions.majorEventReview("substandard");
    values.remove("headRiskClass");

    assertThat(refusals(values))
        .singleElement()
        .satisfies(
            refusal -> {
              assertThat(refusal.field()).isEqualTo("headRiskClass");
              assertThat(refusal.message()).contains("须认定风险分类");
            });
  }

  @Test
  void aClassTheRuleBookDoesNotHaveIsRefused() {
    Map<String, Object> values = TestSubmissions.majorEventReview("prettyBad");

    assertThat(refusals(values)).extracting(Refusal::field).containsExactly("headRiskClass");
  }

  private List<Refusal> refusals(Map<String, Object> values) {
    return rule.check(new Submission(values, "head1", LocalDate.now()));
  }
}
