package com.creditdiligence.print;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Prints a page's XHTML (a Thymeleaf template's output) as a PDF with openhtmltopdf, the paged-media CSS of the
 * template giving the page size, numbers and running headers. Chinese needs a CJK font: Noto Sans SC (SIL Open Font
 * License, fetched by the build from npm into {@code classpath:fonts/}) is embedded as a subset, so the PDF reads the
 * same on any machine. One place for the dossier and the manager's record.
 */
public final class PrintedPdf {

  static final String FONT = "/fonts/400Regular/NotoSansSC_400Regular.ttf";

  /** The family the templates' print CSS names. */
  public static final String FONT_FAMILY = "Noto Sans SC";

  private PrintedPdf() {}

  /** True when the build put the font on the classpath (npm ci ran); without it a PDF would show no Chinese. */
  public static boolean fontAvailable() {
    return PrintedPdf.class.getResource(FONT) != null;
  }

  /**
   * @param xhtml       well-formed XHTML
   * @param templateDir the classpath folder its relative references (stylesheets, images) resolve against
   */
  public static byte[] print(String xhtml, String templateDir) {
    if (!fontAvailable()) {
      throw new IllegalStateException(
          "The CJK font " + FONT + " is not on the classpath; build with npm available");
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      // One face serves every weight: the font is shipped in its regular weight only, and no text
      // may fall back to a
      // font without Chinese.
      for (int weight : new int[] {400, 700}) {
        builder.useFont(
            () -> PrintedPdf.class.getResourceAsStream(FONT),
            FONT_FAMILY,
            weight,
            FontStyle.NORMAL,
            true);
      }
      var base = PrintedPdf.class.getResource(templateDir);
      builder.withHtmlContent(xhtml, base == null ? "/" : base.toExternalForm());
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
