package com.creditdiligence.audit;

import com.creditdiligence.submission.BusinessTime;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Prints a {@link Dossier} as an A4 PDF a board can sign: the HTML template {@code templates/audit/dossier.html}
 * (Thymeleaf) laid out by openhtmltopdf, with CSS paged media for the page numbers and the table of contents.
 * Chinese needs a CJK font: Noto Sans SC (SIL Open Font License, fetched by the build from npm into
 * {@code classpath:fonts/}) is embedded as a subset, so the PDF reads the same on any machine.
 */
@Component
class DossierPdf {

  static final String FONT = "/fonts/400Regular/NotoSansSC_400Regular.ttf";
  static final String FONT_FAMILY = "Noto Sans SC";

  private final ITemplateEngine templates;
  private final MessageSource messages;
  private final BusinessTime time;

  DossierPdf(ITemplateEngine templates, MessageSource messages, BusinessTime time) {
    this.templates = templates;
    this.messages = messages;
    this.time = time;
  }

  /** True when the build put the font on the classpath (npm ci ran). */
  static boolean fontAvailable() {
    return DossierPdf.class.getResource(FONT) != null;
  }

  /** The dossier as the XHTML the PDF is printed from. */
  String html(Dossier dossier) {
    Context context = new Context(Locale.SIMPLIFIED_CHINESE);
    context.setVariable("d", dossier);
    context.setVariable("t", new DossierText(time, messages, dossier));
    return templates.process("audit/dossier", context);
  }

  byte[] render(Dossier dossier) {
    if (!fontAvailable()) {
      throw new IllegalStateException("The CJK font " + FONT + " is not on the classpath; build with npm available");
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      // One face serves every weight: the font is shipped in its regular weight only, and no text may fall back to a
      // font without Chinese.
      for (int weight : new int[] {400, 700}) {
        builder.useFont(() -> DossierPdf.class.getResourceAsStream(FONT), FONT_FAMILY, weight, FontStyle.NORMAL, true);
      }
      builder.withHtmlContent(html(dossier), DossierPdf.class.getResource("/templates/audit/").toExternalForm());
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
