package com.creditdiligence.desk;

import com.creditdiligence.monitoring.RiskClass;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guarantees in force by five-tier class (§22) and product: the bars of the desk's chart and the table behind
 * them. Plain Java. A guarantee not yet classified (no monitoring report yet) is counted apart, not as normal.
 */
public record Portfolio(
    List<ClassTotal> classes, List<Cell> cells, int guarantees, BigDecimal amount) {

  public static final String UNCLASSIFIED = "unclassified";

  /** One guarantee in force: its product code, its class code (empty when not yet classified), its amount. */
  public record Holding(String product, Optional<String> riskClass, BigDecimal amount) {}

  /** One bar: the class, how many guarantees and how much, and the bar's length as a share of the longest (0–100). */
  public record ClassTotal(String riskClass, int count, BigDecimal amount, int barPercent) {}

  /** One row of the table: a class and a product with guarantees in it. */
  public record Cell(String riskClass, String product, int count, BigDecimal amount) {}

  public static Portfolio of(List<Holding> holdings) {
    Map<String, Map<String, List<Holding>>> byClass = new LinkedHashMap<>();
    for (RiskClass riskClass : RiskClass.values()) {
      byClass.put(riskClass.name(), new LinkedHashMap<>());
    }
    byClass.put(UNCLASSIFIED, new LinkedHashMap<>());
    for (Holding holding : holdings) {
      String riskClass =
          holding
              .riskClass()
              .filter(code -> RiskClass.fromCode(code).isPresent())
              .orElse(UNCLASSIFIED);
      byClass
          .get(riskClass)
          .computeIfAbsent(holding.product(), p -> new ArrayList<>())
          .add(holding);
    }
    int largest = byClass.values().stream().mapToInt(Portfolio::count).max().orElse(0);
    List<ClassTotal> classes = new ArrayList<>();
    List<Cell> cells = new ArrayList<>();
    byClass.forEach(
        (riskClass, byProduct) -> {
          if (riskClass.equals(UNCLASSIFIED) && byProduct.isEmpty()) {
            return;
          }
          int count = count(byProduct);
          classes.add(
              new ClassTotal(
                  riskClass,
                  count,
                  sum(byProduct.values().stream().flatMap(List::stream).toList()),
                  largest == 0 ? 0 : Math.round(100f * count / largest)));
          byProduct.entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .forEach(
                  entry ->
                      cells.add(
                          new Cell(
                              riskClass,
                              entry.getKey(),
                              entry.getValue().size(),
                              sum(entry.getValue()))));
        });
    return new Portfolio(classes, cells, holdings.size(), sum(holdings));
  }

  private static int count(Map<String, List<Holding>> byProduct) {
    return byProduct.values().stream().mapToInt(List::size).sum();
  }

  private static BigDecimal sum(List<Holding> holdings) {
    return holdings.stream().map(Holding::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
