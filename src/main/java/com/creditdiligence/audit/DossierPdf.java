package com.creditdiligence.audit;

import com.creditdiligence.accountability.Determination;
import com.creditdiligence.accountability.DutyFact;
import com.creditdiligence.accountability.ReviewFinding;
import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.evidence.EvidenceRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Prints a {@link Dossier} as an A4 PDF. Chinese needs a CJK font: Noto Sans SC (SIL Open Font
 * License, fetched by the build from npm into {@code classpath:fonts/}) is embedded as a subset, so
 * the PDF reads the same on any machine.
 */
final class DossierPdf {

  static final String FONT = "/fonts/400Regular/NotoSansSC_400Regular.ttf";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
  private static final float MARGIN = 42;
  private static final int EVIDENCE_TEXT_LIMIT = 600;

  private DossierPdf() {
  }

  /** True when the build put the font on the classpath (npm ci ran). */
  static boolean fontAvailable() {
    return DossierPdf.class.getResource(FONT) != null;
  }

  static byte[] render(Dossier dossier) {
    try (PDDocument document = new PDDocument(); InputStream fontFile = DossierPdf.class.getResourceAsStream(FONT)) {
      if (fontFile == null) {
        throw new IllegalStateException("The CJK font " + FONT + " is not on the classpath; build with npm available");
      }
      Page page = new Page(document, PDType0Font.load(document, fontFile, true));
      write(page, dossier);
      page.close();
      document.getDocumentInformation().setTitle("尽职审计档案 Audit dossier " + dossier.businessKey());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Page p, Dossier d) throws IOException {
    CaseFile c = d.caseFile();
    p.heading(16, "尽职审计档案 Audit dossier · " + d.businessKey());
    p.line(9, "生成 Generated " + time(d.generatedAt()) + " · " + d.generatedBy());
    p.gap();
    p.heading(12, "案件 Case");
    p.line(10, "申请人 Applicant: " + c.applicantName());
    p.line(10, "产品 Product: " + c.product() + " · 金额 Amount: " + c.amount().toPlainString() + " 元 yuan · 期限 Term: "
        + c.termMonths() + " 个月 months");
    p.line(10, "客户经理 Manager: " + c.caseManager() + " · 状态 Status: " + c.status() + " · 受理 Opened: "
        + time(c.openedAt()));
    if (c.statusReason() != null) {
      p.line(10, "说明 Status reason: " + c.statusReason());
    }
    p.gap();
    p.heading(12, "证据链校验 Evidence verification");
    p.line(10, "结果 Result: " + d.verification().status() + " · 记录 records: " + d.verification().records()
        + (d.verification().brokenAt() == null ? "" : " · 断于 broken at #" + d.verification().brokenAt() + ": "
        + d.verification().reason()));
    if (d.verification().brokenAt() != null) {
      p.line(10, "自第 " + d.verification().brokenAt() + " 号记录起的证据不可靠,仅凭记录不能认定免责 Evidence from record #"
          + d.verification().brokenAt() + " on is unreliable; the record alone cannot support an exemption under §28");
    }
    // The signed checkpoint the JSON's inclusion proofs lead to; the proofs themselves are for machines (dossier.json).
    p.line(10, d.ledgerProofs() == null
        ? "签名检查点 Signed checkpoint: 无 none (账本与先前检查点不一致 the ledger disagrees with an earlier checkpoint)"
        : "签名检查点 Signed checkpoint: " + d.ledgerProofs().treeSize() + " 条记录 records · 包含证明 inclusion proofs: "
            + d.ledgerProofs().proofs().size() + " · 离线核验 verify offline: VerifyDossierCommand dossier.json + 公钥 public key");
    p.gap();
    p.heading(12, "所用规则与模型版本 Rule and model versions used");
    d.ruleVersions().forEach(v -> p.line(8, "· " + v));
    p.gap();
    p.heading(12, "尽职事实 Duty facts");
    for (Dossier.Fact fact : d.dutyFacts()) {
      DutyFact f = fact.fact();
      p.line(8, (fact.evidenceUnreliable() ? "[证据不可靠 unreliable] " : "") + f.status() + " · " + f.code() + " · " + f.stage() + " · " + f.clause() + " → " + f.trigger() + " · "
          + (f.responsible() == null ? "-" : f.responsible()) + " · " + f.explanation() + " · 证据 evidence "
          + numbers(f.evidence()));
    }
    p.gap();
    p.heading(12, "审查委员会决议与会议纪要 Committee decision and minutes");
    if (d.committeeMinutes().isEmpty()) {
      p.line(9, "未经委员会审议 Not decided by the committee");
    }
    d.committeeMinutes().forEach(minutes -> minutes.lines().forEach(line -> p.line(8, line)));
    p.gap();
    p.heading(12, "问责审查 Accountability reviews");
    if (d.reviews().isEmpty()) {
      p.line(9, "无 None");
    }
    for (Dossier.Review r : d.reviews()) {
      var review = r.review();
      p.line(9, "审查 Review " + review.reviewId() + " · " + review.trigger() + " · 开始 opened " + time(review.openedAt())
          + " · 期限 due " + time(review.dueAt()) + " · " + (review.closed() ? "结束 closed " + time(review.closedAt())
          : "进行中 open") + " · 稽核 auditor " + (review.auditor() == null ? "-" : review.auditor()));
      p.line(8, "  " + r.evidenceIntegrity().statement());
      for (ReviewFinding f : r.findings()) {
        p.line(8, "  情形 " + (r.unreliableFindings().contains(f.findingNo()) ? "[证据不可靠 unreliable] " : "")
            + f.summary() + " · " + f.status() + (f.statusReason() == null ? "" : " (" + f.statusReason()
            + ")"));
      }
      r.grounds().forEach((manager, grounds) -> grounds.forEach(g -> p.line(8, "  " + manager + " · " + g.line())));
      for (Determination det : r.determinations()) {
        p.line(8, "  认定 " + det.round() + " · " + det.manager() + " · " + det.tier().label() + " · "
            + String.join(",", det.clauses()) + " · " + det.decidedBy() + " " + time(det.decidedAt()) + " · "
            + det.rationale());
      }
    }
    p.gap();
    p.heading(12, "时间线 Timeline");
    for (TimelineEntry e : d.timeline()) {
      p.line(8, "#" + e.evidence() + " " + time(e.at()) + " · " + e.type() + " · " + e.stage() + " · "
          + (e.element() == null ? "-" : e.element()) + " · " + (e.actor() == null ? "系统 engine" : e.actor())
          + (e.duty() == null ? "" : " · " + e.duty() + " " + e.clause()));
    }
    p.gap();
    p.heading(12, "访问记录 Access log (views and exports of this record)");
    for (TimelineEntry e : d.accessLog()) {
      p.line(8, "#" + e.evidence() + " " + time(e.at()) + " · " + e.type() + " · " + e.actor());
    }
    p.gap();
    p.heading(12, "证据记录 Evidence records (SHA-256)");
    for (EvidenceRecord r : d.evidence()) {
      p.line(8, "#" + r.sequenceNo() + " " + r.recordType() + " · " + time(r.recordedAt()) + " · "
          + (r.performer() == null ? "系统 engine" : r.performer()) + (r.elementId() == null ? "" : " · " + r.elementId()));
      p.line(7, "  hash " + r.recordHash() + " ← " + r.previousHash());
      String findings = r.findings() == null ? "" : r.findings();
      if (findings.length() > 2) {
        p.line(7, "  " + (findings.length() > EVIDENCE_TEXT_LIMIT
            ? findings.substring(0, EVIDENCE_TEXT_LIMIT) + " … (full text: dossier.json)" : findings));
      }
    }
  }

  private static String numbers(List<Integer> records) {
    return records.isEmpty() ? "-" : "#" + String.join(", #", records.stream().map(String::valueOf).toList());
  }

  private static String time(Instant instant) {
    return instant == null ? "-" : TIME.format(instant);
  }

  /** Writes wrapped lines down A4 pages, starting a new page when one is full. */
  private static final class Page {

    private final PDDocument document;
    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    Page(PDDocument document, PDType0Font font) throws IOException {
      this.document = document;
      this.font = font;
      newPage();
    }

    void heading(float size, String text) throws IOException {
      line(size, text);
    }

    void gap() {
      y -= 6;
    }

    void line(float size, String text) {
      try {
        for (String part : wrap(clean(text), size, PDRectangle.A4.getWidth() - 2 * MARGIN)) {
          if (y < MARGIN + size) {
            newPage();
          }
          y -= size * 1.45f;
          content.beginText();
          content.setFont(font, size);
          content.newLineAtOffset(MARGIN, y);
          content.showText(part);
          content.endText();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void close() throws IOException {
      content.close();
    }

    private void newPage() throws IOException {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private List<String> wrap(String text, float size, float width) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      float used = 0;
      for (int i = 0; i < text.length(); ) {
        int codePoint = text.codePointAt(i);
        String glyph = new String(Character.toChars(codePoint));
        float w = font.getStringWidth(glyph) / 1000 * size;
        if (used + w > width && line.length() > 0) {
          // Latin text breaks at its last space; Chinese (and a word longer than a line) anywhere.
          int space = line.lastIndexOf(" ");
          String carried = codePoint < 0x2E80 && space > 0 ? line.substring(space + 1) : "";
          lines.add(line.substring(0, line.length() - carried.length()));
          line.setLength(0);
          line.append(carried);
          used = carried.isEmpty() ? 0 : font.getStringWidth(carried) / 1000 * size;
        }
        line.append(glyph);
        used += w;
        i += Character.charCount(codePoint);
      }
      if (line.length() > 0) {
        lines.add(line.toString());
      }
      return lines;
    }

    /** Characters the font cannot show (and control characters) become spaces or '?', never an exception. */
    private String clean(String text) {
      StringBuilder out = new StringBuilder();
      text.codePoints().forEach(cp -> {
        if (Character.isISOControl(cp)) {
          out.append(' ');
        } else if (printable.computeIfAbsent(cp, this::canShow)) {
          out.appendCodePoint(cp);
        } else {
          out.append('?');
        }
      });
      return out.toString();
    }

    private boolean canShow(int codePoint) {
      try {
        // Encoding fails for a character the font has no glyph for.
        font.getStringWidth(new String(Character.toChars(codePoint)));
        return true;
      } catch (IOException | IllegalArgumentException e) {
        return false;
      }
    }
  }
}
