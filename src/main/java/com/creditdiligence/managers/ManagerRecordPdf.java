package com.creditdiligence.managers;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Lays out the record's print template (well-formed XHTML, rendered by Thymeleaf) as an A4 PDF with the embedded CJK
 * font the build puts under classpath fonts/ (as the dossier does). The page numbers and headings are the template's CSS.
 */
final class ManagerRecordPdf {

  static final String FONT = "/fonts/400Regular/NotoSansSC_400Regular.ttf";
  /** The family the record template's print CSS names. */
  static final String FONT_FAMILY = "Noto Sans SC";

  private ManagerRecordPdf() {
  }

  static boolean fontAvailable() {
    return ManagerRecordPdf.class.getResource(FONT) != null;
  }

  static byte[] render(String xhtml) {
    try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(ManagerRecordPdf::font, FONT_FAMILY);
      builder.withHtmlContent(xhtml, "/");
      builder.toStream(pdf);
      builder.run();
      return pdf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream font() {
    InputStream font = ManagerRecordPdf.class.getResourceAsStream(FONT);
    if (font == null) {
      throw new IllegalStateException("The CJK font " + FONT + " is not on the classpath; build with npm available");
    }
    return font;
  }
}
