package com.creditdiligence.audit;

import com.creditdiligence.print.PrintedPdf;
import com.creditdiligence.submission.BusinessTime;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Prints a {@link Dossier} as an A4 PDF a board can sign: the HTML template {@code templates/audit/dossier.html}
 * (Thymeleaf) printed by {@link PrintedPdf}, with CSS paged media for the page numbers and the table of contents.
 */
@Component
class DossierPdf {

  private final ITemplateEngine templates;
  private final MessageSource messages;
  private final BusinessTime time;

  DossierPdf(ITemplateEngine templates, MessageSource messages, BusinessTime time) {
    this.templates = templates;
    this.messages = messages;
    this.time = time;
  }

  /** The dossier as the XHTML the PDF is printed from. */
  String html(Dossier dossier) {
    Context context = new Context(Locale.SIMPLIFIED_CHINESE);
    context.setVariable("d", dossier);
    context.setVariable("t", new DossierText(time, messages, dossier));
    return templates.process("audit/dossier", context);
  }

  byte[] render(Dossier dossier) {
    return PrintedPdf.print(html(dossier), "/templates/audit/");
  }
}
