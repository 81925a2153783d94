package com.creditdiligence.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.casefile.Product;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The approval-authority table (UNIQUE): how many committee members vote on a case and how many
 * approvals carry it, by product and amount.
 */
class ApprovalAuthorityTableTest {

  private static final Path TABLE = Path.of("bpmn/rules/approval-authority.dmn");

  private static final List<String> LONG_TERM_PRODUCTS =
      List.of("projectFinancing", "mediumLongTermCredit");
  private static final List<String> OTHER_PRODUCTS =
      List.of("workingCapitalLoan", "letterOfCredit", "billAcceptance", "equipmentFinancing");

  private static DmnEngine engine;
  private static DmnDecision decision;

  record Authority(int votersRequired, int approvalsRequired) {}

  @BeforeAll
  static void parseTable() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = Files.newInputStream(TABLE)) {
      decision = engine.parseDecision("Decision_ApprovalAuthority", dmn);
    }
  }

  @ParameterizedTest(name = "{0}, {1} yuan")
  @MethodSource
  void otherProductsUpTo5MillionNeedThreeVotersAndTwoApprovals(String product, Number amount) {
    assertThat(authorityFor(product, amount)).isEqualTo(new Authority(3, 2));
  }

  static Stream<Arguments> otherProductsUpTo5MillionNeedThreeVotersAndTwoApprovals() {
    return combinations(OTHER_PRODUCTS, 1L, 5_000_000L);
  }

  @ParameterizedTest(name = "{0}, {1} yuan")
  @MethodSource
  void otherProductsAbove5UpTo20MillionNeedFiveVotersAndFourApprovals(
      String product, Number amount) {
    assertThat(authorityFor(product, amount)).isEqualTo(new Authority(5, 4));
  }

  static Stream<Arguments> otherProductsAbove5UpTo20MillionNeedFiveVotersAndFourApprovals() {
    return combinations(OTHER_PRODUCTS, 5_000_001L, 20_000_000L);
  }

  @ParameterizedTest(name = "{0}, {1} yuan")
  @MethodSource
  void otherProductsAbove20MillionNeedSevenVotersAndFiveApprovals(String product, Number amount) {
    assertThat(authorityFor(product, amount)).isEqualTo(new Authority(7, 5));
  }

  static Stream<Arguments> otherProductsAbove20MillionNeedSevenVotersAndFiveApprovals() {
    return combinations(OTHER_PRODUCTS, 20_000_001L, 50_000_000L);
  }

  @ParameterizedTest(name = "{0}, {1} yuan")
  @MethodSource
  void projectFinancingAndMediumLongTermCreditUpTo10MillionNeedFiveVotersAndFourApprovals(
      String product, Number amount) {
    assertThat(authorityFor(product, amount)).isEqualTo(new Authority(5, 4));
  }

  static Stream<Arguments>
      projectFinancingAndMediumLongTermCreditUpTo10MillionNeedFiveVotersAndFourApprovals() {
    return combinations(LONG_TERM_PRODUCTS, 1L, 5_000_000L, 5_000_001L, 10_000_000L);
  }

  @ParameterizedTest(name = "{0}, {1} yuan")
  @MethodSource
  void projectFinancingAndMediumLongTermCreditAbove10MillionNeedSevenVotersAndFiveApprovals(
      String product, Number amount) {
    assertThat(authorityFor(product, amount)).isEqualTo(new Authority(7, 5));
  }

  static Stream<Arguments>
      projectFinancingAndMediumLongTermCreditAbove10MillionNeedSevenVotersAndFiveApprovals() {
    return combinations(LONG_TERM_PRODUCTS, 10_000_001L, 20_000_001L, 50_000_000L);
  }

  /**
   * No gap and no overlap: every product at every amount, on and around each threshold (fractions
   * of a yuan included), gets exactly one answer, and that answer is a majority of the voters.
   */
  @ParameterizedTest(name = "{0}, {1} yuan")
  @MethodSource
  void everyProductAndAmountGetsExactlyOneMajorityRule(String product, Number amount) {
    DmnDecisionTableResult result = evaluate(product, amount);

    assertThat(result).as("rules matched").hasSize(1);
    Authority authority = authorityOf(result.getSingleResult());
    assertThat(authority.approvalsRequired()).isLessThanOrEqualTo(authority.votersRequired());
    assertThat(authority.approvalsRequired() * 2)
        .as("twice the approvals required")
        .isGreaterThan(authority.votersRequired());
  }

  static Stream<Arguments> everyProductAndAmountGetsExactlyOneMajorityRule() {
    List<String> everyProduct = Arrays.stream(Product.values()).map(Product::name).toList();
    return combinations(
        everyProduct,
        1L,
        4_999_999L,
        5_000_000L,
        5_000_000.5,
        5_000_001L,
        9_999_999L,
        10_000_000L,
        10_000_000.5,
        10_000_001L,
        19_999_999L,
        20_000_000L,
        20_000_000.5,
        20_000_001L,
        50_000_000L);
  }

  private static Stream<Arguments> combinations(List<String> products, Number... amounts) {
    return products.stream()
        .flatMap(product -> Arrays.stream(amounts).map(amount -> Arguments.of(product, amount)));
  }

  private static Authority authorityFor(String product, Number amount) {
    return authorityOf(evaluate(product, amount).getSingleResult());
  }

  private static DmnDecisionTableResult evaluate(String product, Number amount) {
    return engine.evaluateDecisionTable(decision, Map.of("product", product, "amount", amount));
  }

  private static Authority authorityOf(DmnDecisionRuleResult row) {
    assertThat(row).as("the matching rule").isNotNull();
    return new Authority(
        row.<Integer>getEntry("votersRequired"), row.<Integer>getEntry("approvalsRequired"));
  }
}
