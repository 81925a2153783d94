package com.creditdiligence.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/** The CJK font is read once and printed from without glyph substitution, its glyphs and Chinese intact. */
class PrintedPdfFontTest {

  @Test
  void theFontIsReadOnceAndPdfBoxFindsNoGlyphSubstitutionButEveryGlyphItHad() throws Exception {
    assumeTrue(PrintedPdf.fontAvailable(), "the CJK font (npm ci) is not on the classpath");
    byte[] original;
    try (InputStream in = PrintedPdf.class.getResourceAsStream(PrintedPdf.FONT)) {
      original = in.readAllBytes();
    }
    assertThat(PrintedPdf.font()).isSameAs(PrintedPdf.font());

    TrueTypeFont before = new TTFParser().parse(new RandomAccessReadBuffer(original));
    TrueTypeFont after = new TTFParser().parse(new RandomAccessReadBuffer(PrintedPdf.font()));
    assertThat(before.getTableMap()).containsKey("GSUB");
    assertThat(before.getGsubData()).isNotSameAs(GsubData.NO_DATA_FOUND);
    assertThat(after.getTableMap()).doesNotContainKey("GSUB");
    assertThat(after.getGsubData()).isSameAs(GsubData.NO_DATA_FOUND);
    assertThat(after.getNumberOfGlyphs()).isEqualTo(before.getNumberOfGlyphs());
    assertThat(after.getUnicodeCmapLookup().getGlyphId('档'))
        .isPositive()
        .isEqualTo(before.getUnicodeCmapLookup().getGlyphId('档'));
  }

  @Test
  void aPagePrintedFromItKeepsItsChineseAndItsLatinLettersAsTyped() throws Exception {
    assumeTrue(PrintedPdf.fontAvailable(), "the CJK font (npm ci) is not on the classpath");
    byte[] pdf =
        PrintedPdf.print(
            "<html><head><style>body { font-family: 'Noto Sans SC'; }</style></head>"
                + "<body><p>尽职审计档案 official filing <b>确认 Confirmed</b></p></body></html>",
            "/templates/audit/");
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      assertThat(text).contains("尽职审计档案 official filing", "确认 Confirmed");
    }
  }
}
