package com.creditdiligence.audit;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.NewEvidence;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.print.PrintedPdf;
import com.creditdiligence.security.Memberships;
import com.creditdiligence.submission.BusinessTime;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the time of a 1,000-record case's dossier and replay goes, in process, on H2: assembling, the template,
 * the printing, and the replay's data over HTTP. Prints figures; a benchmark, run with {@code -Pbenchmark}.
 */
@ApplicationTest
@Tag("benchmark")
class DossierLatencyProbe {

  private static final int RECORDS = Integer.getInteger("probe.records", 1_000);
  static final Path OUT = Path.of("target", "probe", "dossier.xhtml");
  private static final int ROUNDS = Integer.getInteger("probe.rounds", 5);

  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;
  @Autowired TransactionTemplate transaction;
  @Autowired CaseDossiers dossiers;
  @Autowired DossierPdf pdf;
  @Autowired BusinessTime time;
  @Autowired Http http;

  @Test
  void whereTheDossiersTimeGoes() {
    String key =
        new LifecycleDriver(engine).issuedGuarantee("manager1", "探针公司", 1_000_000).getBusinessKey();
    for (int i = ledger.records(key).size(); i < RECORDS; i++) {
      transaction.executeWithoutResult(
          tx ->
              ledger.append(
                  NewEvidence.of(key, RecordType.EVENT_RECEIVED, "riskSystem", Instant.now())
                      .withProcess("guarantee-lifecycle", "pi")
                      .withStep("StartEvent_WarningSignal", null)
                      .withFindings(
                          "{\"category\":\"financialCondition\",\"item\":\"fc01\",\"description\":\"逾期 overdue\"}")));
    }
    engine.getIdentityService().setAuthentication("auditor1", List.of(Memberships.AUDITOR));
    try {
      for (int round = 0; round < ROUNDS; round++) {
        Dossier dossier =
            timed("assemble (viewing)", () -> dossiers.forViewing(key, "auditor1", time.now()));
        timed("assemble (export)", () -> dossiers.of(key, "auditor1", time.now()));
        String html = timed("template", () -> pdf.html(dossier));
        writeOut(html);
        byte[] printed = timed("print", () -> PrintedPdf.print(html, "/templates/audit/"));
        System.out.printf(
            "[probe] round %d: xhtml %,d chars, pdf %,d bytes%n",
            round, html.length(), printed.length);
      }
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    for (int round = 0; round < ROUNDS; round++) {
      String body =
          timed(
              "GET replay data",
              () -> http.get("/api/cases/" + key + "/replay").as("auditor1").send().body());
      System.out.printf("[probe] replay data %,d chars%n", body.length());
      timed(
          "GET dossier.pdf",
          () -> http.get("/api/cases/" + key + "/dossier.pdf").as("auditor1").send().bytes());
    }
  }

  private static void writeOut(String html) {
    try {
      Files.createDirectories(OUT.getParent());
      Files.writeString(OUT, html);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Wall clock and the thread's own CPU time: on a shared machine, the second says what the work costs. */
  static <T> T timed(String what, Supplier<T> work) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    T result = work.get();
    System.out.printf(
        "[probe] %-22s %,8.0f ms wall %,8.0f ms cpu%n",
        what, (System.nanoTime() - start) / 1e6, (threads.getCurrentThreadCpuTime() - cpu) / 1e6);
    return result;
  }
}
