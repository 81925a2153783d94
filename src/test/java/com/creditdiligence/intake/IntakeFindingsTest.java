package com.creditdiligence.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An intake kept before revenue was asked in yuan still reads in yuan: its key says it was in 万元. */
class IntakeFindingsTest {

  @Test
  void aFormerRevenueIn10kYuanReadsInYuan() {
    Map<String, Object> read =
        IntakeFindings.inTodaysUnits(Map.of("annualRevenue", 18000, "amount", 2_000_000));

    assertThat(read).doesNotContainKey("annualRevenue").containsEntry("amount", 2_000_000);
    assertThat((BigDecimal) read.get("revenueLastYear")).isEqualByComparingTo("180000000");
  }

  @Test
  void aFractionOf10kYuanIsKept() {
    assertThat(
            (BigDecimal)
                IntakeFindings.inTodaysUnits(Map.of("annualRevenue", 1234.56))
                    .get("revenueLastYear"))
        .isEqualByComparingTo("12345600");
  }

  @Test
  void todaysRecordIsReadAsItIs() {
    Map<String, Object> today = Map.of("revenueLastYear", 180_000_000);

    assertThat(IntakeFindings.inTodaysUnits(today)).isSameAs(today);
  }
}
