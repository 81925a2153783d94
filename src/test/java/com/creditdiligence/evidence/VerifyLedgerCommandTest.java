package com.creditdiligence.evidence;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.demo.LifecycleDriver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The auditor's command-line check reads the database itself and names every broken chain. */
@ApplicationTest
class VerifyLedgerCommandTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  @Value("${spring.datasource.url}")
  String url;

  @Test
  void everyCaseIsReportedAndATamperedOneFailsTheRun() throws Exception {
    LifecycleDriver driver = new LifecycleDriver(engine);
    String intact =
        driver
            .apply("manager1", intake("苏州核验甲公司", "workingCapitalLoan", 1_000_000, 12))
            .getBusinessKey();
    String tampered =
        driver
            .apply("manager1", intake("苏州核验乙公司", "workingCapitalLoan", 1_000_000, 12))
            .getBusinessKey();
    DatabaseAdministrator.tamperWithoutTriggers(
        jdbc,
        () ->
            jdbc.sql(
                    "UPDATE evidence_record SET recorded_at = recorded_at + INTERVAL '1' HOUR WHERE business_key = ? AND sequence_no = 1")
                .param(tampered)
                .update());
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    int status =
        VerifyLedgerCommand.run(
            url, "sa", "", new PrintStream(output, true, StandardCharsets.UTF_8));

    String report = output.toString(StandardCharsets.UTF_8);
    assertThat(report)
        .containsPattern(intact + " intact \\(\\d+ records\\)")
        .contains(tampered + " BROKEN at record 1: record 1 was changed after it was written");
    assertThat(status).isEqualTo(1);
  }
}
