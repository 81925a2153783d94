package com.creditdiligence.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The portfolio counts each guarantee in force once, by its class and product; an unclassified one apart. */
class PortfolioTest {

  @Test
  void guaranteesAreCountedAndSummedByClassAndProductWithTheLongestBarFull() {
    Portfolio portfolio =
        Portfolio.of(
            List.of(
                new Portfolio.Holding(
                    "workingCapitalLoan", Optional.of("normal"), new BigDecimal("1000000")),
                new Portfolio.Holding(
                    "workingCapitalLoan", Optional.of("normal"), new BigDecimal("500000")),
                new Portfolio.Holding(
                    "billAcceptance", Optional.of("normal"), new BigDecimal("200000")),
                new Portfolio.Holding(
                    "letterOfCredit", Optional.of("substandard"), new BigDecimal("300000")),
                new Portfolio.Holding(
                    "letterOfCredit", Optional.empty(), new BigDecimal("100000"))));

    assertThat(portfolio.guarantees()).isEqualTo(5);
    assertThat(portfolio.amount()).isEqualByComparingTo("2100000");
    assertThat(portfolio.classes())
        .extracting(Portfolio.ClassTotal::riskClass)
        .containsExactly(
            "normal", "specialMention", "substandard", "doubtful", "loss", Portfolio.UNCLASSIFIED);
    assertThat(portfolio.classes().get(0).count()).isEqualTo(3);
    assertThat(portfolio.classes().get(0).barPercent()).isEqualTo(100);
    assertThat(portfolio.classes().get(2).barPercent()).isEqualTo(33);
    assertThat(portfolio.classes().get(1).count()).isZero();
    assertThat(portfolio.cells())
        .contains(
            new Portfolio.Cell("normal", "billAcceptance", 1, new BigDecimal("200000")),
            new Portfolio.Cell("normal", "workingCapitalLoan", 2, new BigDecimal("1500000")),
            new Portfolio.Cell(
                Portfolio.UNCLASSIFIED, "letterOfCredit", 1, new BigDecimal("100000")));
  }

  @Test
  void withNothingClassifiedApartThereIsNoUnclassifiedBar() {
    assertThat(Portfolio.of(List.of()).classes())
        .extracting(Portfolio.ClassTotal::riskClass)
        .doesNotContain(Portfolio.UNCLASSIFIED)
        .allSatisfy(c -> assertThat(c).isNotNull());
  }
}
