package com.creditdiligence.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditdiligence.committee.CommitteeMemberSelection.CommitteePoolExhaustedException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drawing the voters of a committee round from the pool. */
class CommitteeMemberSelectionTest {

  /** Deliberately not alphabetical: the pool's own order decides. */
  private static final List<String> POOL = List.of("wang", "li", "zhang", "chen", "zhao");

  @Test
  void drawsInPoolOrder() {
    assertThat(CommitteeMemberSelection.draw(POOL, "manager", List.of(), 3))
        .containsExactly("wang", "li", "zhang");
  }

  @Test
  void neverDrawsTheCaseManager() {
    assertThat(CommitteeMemberSelection.draw(POOL, "li", List.of(), 4))
        .containsExactly("wang", "zhang", "chen", "zhao");
  }

  @Test
  void skipsMembersWhoAlreadyActed() {
    assertThat(CommitteeMemberSelection.draw(POOL, "manager", List.of("wang", "zhang"), 2))
        .containsExactly("li", "chen");
  }

  @Test
  void mayDrawEveryoneWhoIsLeft() {
    assertThat(CommitteeMemberSelection.draw(POOL, "wang", List.of("li"), 3))
        .containsExactly("zhang", "chen", "zhao");
  }

  @Test
  void aPoolWithTooFewEligibleMembersIsExhausted() {
    assertThatThrownBy(() -> CommitteeMemberSelection.draw(POOL, "wang", List.of("li", "zhang"), 3))
        .isInstanceOf(CommitteePoolExhaustedException.class)
        .hasMessageContaining("需要 3 名,仅有 2 名")
        .hasMessageContaining("need 3, available 2");
  }
}
