package com.creditdiligence.audit;

import com.creditdiligence.print.PrintedPdf;
import java.nio.file.Files;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Prints the XHTML {@link DossierLatencyProbe} left behind, again and again: the printing's cost alone. */
@Tag("benchmark")
class PrintProbe {

  @Test
  void printing() throws Exception {
    String html =
        Files.readString(
            java.nio.file.Path.of(
                System.getProperty("probe.xhtml", DossierLatencyProbe.OUT.toString())));
    for (int round = 0; round < Integer.getInteger("probe.rounds", 5); round++) {
      byte[] pdf =
          DossierLatencyProbe.timed("print", () -> PrintedPdf.print(html, "/templates/audit/"));
      System.out.printf("[probe] pdf %,d bytes%n", pdf.length);
    }
  }
}
