package com.creditdiligence.documents;

import static com.creditdiligence.documents.SampleFiles.concat;
import static com.creditdiligence.documents.SampleFiles.docx;
import static com.creditdiligence.documents.SampleFiles.jpeg;
import static com.creditdiligence.documents.SampleFiles.pdf;
import static com.creditdiligence.documents.SampleFiles.png;
import static com.creditdiligence.documents.SampleFiles.windowsExecutable;
import static com.creditdiligence.documents.SampleFiles.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An upload is filed only as what its own bytes are, under a plain name that agrees with them. */
class UploadCheckTest {

  private final UploadCheck check =
      new UploadCheck(new DocumentProperties(null, null, null, null).allowedMediaTypes());

  @Test
  void aCreditFileTakesPdfJpegPngWordAndExcelByDefault() {
    assertThat(new DocumentProperties(null, null, null, null).allowedMediaTypes())
        .containsExactlyInAnyOrder(
            UploadCheck.PDF, UploadCheck.JPEG, UploadCheck.PNG, UploadCheck.DOCX, UploadCheck.XLSX);
  }

  @Test
  void eachAcceptedKindIsFiledWithTheTypeItsContentHas() {
    assertThat(check.check("营业执照.pdf", pdf("licence")))
        .isEqualTo(new UploadCheck.Accepted("营业执照.pdf", UploadCheck.PDF));
    assertThat(check.check("现场照片.PNG", png()).mediaType()).isEqualTo(UploadCheck.PNG);
    assertThat(check.check("现场照片.jpg", jpeg()).mediaType()).isEqualTo(UploadCheck.JPEG);
    assertThat(check.check("现场照片.jpeg", jpeg()).mediaType()).isEqualTo(UploadCheck.JPEG);
    assertThat(check.check("调查报告.docx", docx()).mediaType()).isEqualTo(UploadCheck.DOCX);
    assertThat(check.check("财务报表.xlsx", xlsx()).mediaType()).isEqualTo(UploadCheck.XLSX);
  }

  @Test
  void aPdfMayEndWithALineBreakAfterItsEnd() {
    assertThat(
            check
                .check("a.pdf", concat(pdf("x"), "\r\n".getBytes(StandardCharsets.US_ASCII)))
                .mediaType())
        .isEqualTo(UploadCheck.PDF);
  }

  @Test
  void anExecutableIsRefusedWhateverItIsNamed() {
    assertRefused("报告.pdf", windowsExecutable(), "可执行文件");
    assertRefused("a.pdf", concat(new byte[] {0x7F, 'E', 'L', 'F'}, new byte[60]), "Executables");
    assertRefused(
        "a.pdf",
        concat(new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE}, new byte[60]),
        "Executables");
    assertRefused("a.pdf", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII), "scripts");
  }

  @Test
  void aPdfWithAZipAppendedIsRefused() {
    assertRefused("年报.pdf", SampleFiles.pdfZipPolyglot(), "文件类型不符:application/pdf 内藏 ZIP");
  }

  @Test
  void anImageCarryingAZipIsRefused() {
    assertRefused("照片.png", concat(png(), zip(Map.of("x.txt", "x"))), "ZIP");
    assertRefused("照片.jpg", concat(jpeg(), zip(Map.of("x.txt", "x"))), "ZIP");
  }

  @Test
  void anythingFollowingTheEndOfAPdfOrAnImageIsRefused() {
    byte[] trailer = "<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII);
    assertRefused("a.pdf", concat(pdf("x"), trailer), "does not end where its format ends");
    assertRefused("a.png", concat(png(), trailer), "does not end where its format ends");
    assertRefused("a.jpg", concat(jpeg(), trailer), "does not end where its format ends");
  }

  @Test
  void aFileCutShortIsRefused() {
    byte[] pdf = pdf("x");
    assertRefused("a.pdf", Arrays.copyOf(pdf, pdf.length - 10), "cut short");
  }

  @Test
  void anOfficeDocumentWithSomethingBeforeOrAfterItsArchiveIsRefused() {
    assertRefused(
        "a.docx", concat(docx(), zip(Map.of("payload.exe", "MZ"))), "does not span the file");
    assertRefused(
        "a.docx", concat(docx(), "trailing".getBytes(StandardCharsets.US_ASCII)), "文件类型不符");
  }

  @Test
  void anOfficeDocumentWithMacrosIsRefused() {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("[Content_Types].xml", "<Types/>");
    parts.put("word/document.xml", "<w:document/>");
    parts.put("word/vbaProject.bin", "macro");
    assertRefused("a.docx", zip(parts), "宏");
  }

  @Test
  void aPlainZipOrTextIsNotAnAcceptedKind() {
    assertRefused("a.zip", zip(Map.of("a.txt", "a")), "不接受的文件类型 application/zip");
    assertRefused("a.docx", zip(Map.of("a.txt", "a")), "not accepted");
    assertRefused(
        "a.txt", "营业执照副本 licence scan".getBytes(StandardCharsets.UTF_8), "不接受的文件类型 text/plain");
  }

  @Test
  void theNameMustEndInTheExtensionOfWhatTheContentIs() {
    assertRefused("现场照片.pdf", png(), "文件类型不符:内容为 image/png");
    assertRefused("营业执照.png", pdf("x"), "expected .pdf");
    assertRefused("营业执照", pdf("x"), "文件类型不符");
    assertRefused("invoice.pdf.exe", pdf("x"), "文件类型不符");
    assertRefused("报表.xlsx", docx(), "expected .docx");
  }

  @Test
  void anEmptyFileIsRefused() {
    assertRefused("a.pdf", new byte[0], "文件为空");
  }

  @Test
  void aNameOver255CharactersIsRefused() {
    String longest = "长".repeat(UploadCheck.MAX_NAME_LENGTH - 4) + ".pdf";
    assertThat(check.check(longest, pdf("x")).fileName()).isEqualTo(longest);
    assertRefused("长" + longest, pdf("x"), "文件名过长");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\u0000.pdf",
        "a\n.pdf",
        "a\t.pdf",
        "a\u007f.pdf",
        "a\u0085.pdf",
        "report\u202Efdp.exe"
      })
  void aNameWithAControlCharacterIsRefused(String name) {
    assertRefused(name, pdf("x"), "文件名含控制字符");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "a/../b.pdf",
        "../b.pdf",
        "C:\\x\\y.pdf",
        "a:b.pdf",
        "a?.pdf",
        "a*.pdf",
        "a|b.pdf",
        "a<b>.pdf",
        "\"a\".pdf"
      })
  void aNameWithAPathOrACharacterWindowsRefusesIsRefused(String name) {
    assertRefused(name, pdf("x"), "文件名不得含路径");
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "..", "..."})
  void aNameOfDotsOnlyIsRefused(String name) {
    assertRefused(name, pdf("x"), "文件名无效");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\u3000"})
  void aNameThatIsBlankIsRefused(String name) {
    assertRefused(name, pdf("x"), "文件须有名称");
  }

  @Test
  void noNameIsRefused() {
    assertRefused(null, pdf("x"), "文件须有名称");
  }

  @Test
  void blanksAroundTheNameAreNotPartOfIt() {
    assertThat(check.check("  营业执照.pdf ", pdf("x")).fileName()).isEqualTo("营业执照.pdf");
  }

  private void assertRefused(String name, byte[] content, String reason) {
    assertThatThrownBy(() -> check.check(name, content))
        .isInstanceOf(UploadCheck.Refused.class)
        .hasMessageContaining(reason);
  }

  private static byte[] xlsx() {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put(
        "[Content_Types].xml",
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
    parts.put("_rels/.rels", "<Relationships/>");
    parts.put("xl/workbook.xml", "<workbook/>");
    return zip(parts);
  }
}
