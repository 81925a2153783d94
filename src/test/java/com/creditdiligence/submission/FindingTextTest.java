package com.creditdiligence.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A finding states facts: long enough, and more than symbols or one character repeated, whatever the form let by. */
class FindingTextTest {

  @ParameterizedTest(name = "«{0}» is refused")
  @ValueSource(
      strings = {
        "——————————",
        "1234567890",
        "好好好好好好好好好好",
        "。。。。。。。。。。。。",
        "  无  ",
        "a a a a a a a a"
      })
  void aTextThatStatesNothingIsRefusedAsAFinding(String text) {
    assertThat(refusalsFor(text))
        .singleElement()
        .satisfies(refusal -> assertThat(refusal.field()).isEqualTo("voteRationale"));
  }

  @ParameterizedTest(name = "«{0}» is a finding")
  @ValueSource(strings = {"第一还款来源充足,需追加抵押", "Cash flow covers the debt", "现金流覆盖 2.1 倍,反担保足值"})
  void aTextThatStatesSomethingIsAccepted(String text) {
    assertThat(refusalsFor(text)).isEmpty();
  }

  private static List<Refusal> refusalsFor(String text) {
    return new Checks(new Submission(Map.of("voteRationale", text), "committee1", LocalDate.now()))
        .requireFinding("voteRationale", "表决理由 Rationale")
        .refusals();
  }
}
