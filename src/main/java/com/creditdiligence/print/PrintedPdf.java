package com.creditdiligence.print;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Prints a page's XHTML (a Thymeleaf template's output) as a PDF with openhtmltopdf, the paged-media CSS of the
 * template giving the page size, numbers and running headers. Chinese needs a CJK font: Noto Sans SC (SIL Open Font
 * License, fetched by the build from npm into {@code classpath:fonts/}) is embedded as a subset, so the PDF reads the
 * same on any machine. One place for the dossier and the manager's record.
 *
 * <p>The font (10 MB) is read from the classpath once per JVM, not per document, and is handed to PDFBox without its
 * glyph substitution table (GSUB): PDFBox 3 otherwise runs every string it draws through that table's Latin
 * ligature rules, building regular expressions per string, which took about 40 % of a 1,000-record dossier's
 * printing. Chinese needs no substitution; Latin text loses only its ligatures, if any.
 */
public final class PrintedPdf {

  static final String FONT = "/fonts/400Regular/NotoSansSC_400Regular.ttf";

  /** The family the templates' print CSS names. */
  public static final String FONT_FAMILY = "Noto Sans SC";

  private static volatile byte[] font;

  private PrintedPdf() {}

  /** The font's bytes, GSUB hidden, read once. */
  static byte[] font() {
    byte[] bytes = font;
    if (bytes == null) {
      synchronized (PrintedPdf.class) {
        if (font == null) {
          try (var in = PrintedPdf.class.getResourceAsStream(FONT)) {
            font = withoutGlyphSubstitution(in.readAllBytes());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        bytes = font;
      }
    }
    return bytes;
  }

  /**
   * The TrueType/OpenType font with its {@code GSUB} table's entry in the table directory renamed ({@code gsub}):
   * PDFBox then finds no substitutions, and its subsetter, which copies only the tables a PDF needs, embeds nothing
   * of it. The bytes are a copy; a font without the table is returned unchanged.
   */
  static byte[] withoutGlyphSubstitution(byte[] ttf) {
    byte[] copy = ttf.clone();
    ByteBuffer header = ByteBuffer.wrap(copy);
    int tables = header.getShort(4) & 0xffff;
    for (int i = 0; i < tables; i++) {
      int record = 12 + 16 * i;
      if (copy[record] == 'G'
          && copy[record + 1] == 'S'
          && copy[record + 2] == 'U'
          && copy[record + 3] == 'B') {
        copy[record] = 'g';
        copy[record + 1] = 's';
        copy[record + 2] = 'u';
        copy[record + 3] = 'b';
      }
    }
    return copy;
  }

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
            () -> new ByteArrayInputStream(font()), FONT_FAMILY, weight, FontStyle.NORMAL, true);
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
