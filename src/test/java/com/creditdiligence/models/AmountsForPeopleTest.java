package com.creditdiligence.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Amounts in the forms' summaries are written as people write them, digits grouped by thousands (the browser journey
 * reads «1,000,000 元» on the vote form): no form prints an amount variable as a bare number.
 */
class AmountsForPeopleTest {

  @Test
  void noFormPrintsAnAmountWithoutItsThousandsGrouped() throws IOException {
    for (File form : new File("forms").listFiles((dir, name) -> name.endsWith(".form"))) {
      assertThat(Files.readString(form.toPath()))
          .as(form.getName())
          .doesNotContain("string(amount)")
          .doesNotContain("string(approvalAmount)");
    }
  }
}
