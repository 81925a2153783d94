package com.creditdiligence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** A case's dossier.pdf as a reader takes it away through the API, read back as its text. */
public final class DossierDownload {

  private DossierDownload() {}

  /** The text of the case's dossier.pdf downloaded as that reader; an answer that is not the PDF fails the test. */
  public static String pdfText(Http http, String reader, String key) {
    Http.Answer answer = http.get("/api/cases/" + key + "/dossier.pdf").as(reader).send();
    assertThat(answer.status()).as("%s downloads the dossier of %s", reader, key).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(answer.bytes())) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
