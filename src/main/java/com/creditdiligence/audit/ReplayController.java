package com.creditdiligence.audit;

import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.platform.web.ApiProblem;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.security.Memberships;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The auditor's replay: an index of cases at {@code /audit}, a case's replay page at
 * {@code /audit/cases/{key}} (diagram, timeline with step-through, evidence verification, duty facts,
 * findings), its data, and the dossier as JSON and PDF. Every view of a case's data is recorded in
 * its ledger before it is served.
 */
@Controller
class ReplayController {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());

  private final CaseAccess access;
  private final AuditTrail trail;
  private final CaseDossiers dossiers;
  private final ModelDiagrams diagrams;
  private final CaseFiles caseFiles;
  private final ReviewStore reviews;

  ReplayController(CaseAccess access, AuditTrail trail, CaseDossiers dossiers, ModelDiagrams diagrams,
                   CaseFiles caseFiles, ReviewStore reviews) {
    this.access = access;
    this.trail = trail;
    this.dossiers = dossiers;
    this.diagrams = diagrams;
    this.caseFiles = caseFiles;
    this.reviews = reviews;
  }

  record Replay(Dossier dossier, Map<String, String> diagrams) {
  }

  @GetMapping(value = "/audit", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String index() {
    String user = access.user();
    boolean everyCase = access.readsEveryCase();
    boolean board = access.inGroup(Memberships.ACCOUNTABILITY_BOARD);
    boolean head = access.inGroup(Memberships.DEPARTMENT_HEAD);
    Map<String, Integer> reviewCounts = reviews.reviewCountsByCase();
    StringBuilder rows = new StringBuilder();
    for (CaseFile file : caseFiles.all()) {
      int reviewCount = reviewCounts.getOrDefault(file.businessKey(), 0);
      if (!(everyCase || (board && reviewCount > 0) || user.equals(file.caseManager()))) {
        continue;
      }
      rows.append("<tr><td><a href=\"/audit/cases/").append(file.businessKey()).append("\">")
          .append(file.businessKey()).append("</a></td><td>").append(HtmlUtils.htmlEscape(file.applicantName()))
          .append("</td><td>").append(file.caseManager()).append("</td><td>").append(file.status())
          .append("</td><td>").append(reviewCount).append("</td><td>").append(DAY.format(file.openedAt()))
          .append(head ? "</td><td><a href=\"/cases/" + file.businessKey() + "/handover\">移交 Hand over</a>" : "")
          .append("</td></tr>");
    }
    return page("审计回放 Audit replay", "<h1>审计回放 Audit replay</h1><p>" + HtmlUtils.htmlEscape(user)
        + " · <a href=\"/camunda/app/tasklist/\">Tasklist</a></p><table><thead><tr><th>案件 Case</th><th>申请人 Applicant</th>"
        + "<th>客户经理 Manager</th><th>状态 Status</th><th>问责审查 Reviews</th><th>受理 Opened</th>"
        + (head ? "<th>客户经理移交 Hand over</th>" : "") + "</tr></thead><tbody>"
        + rows + "</tbody></table>", "");
  }

  @GetMapping(value = "/audit/cases/{businessKey}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> replayPage(@PathVariable String businessKey) {
    try {
      access.read(businessKey);
    } catch (ApiProblem refused) {
      // A person at a browser gets a page that says why, and the way back.
      return ResponseEntity.status(refused.status()).contentType(MediaType.TEXT_HTML)
          .body(page("审计回放 Replay", "<h1>" + refused.status().value() + "</h1><p>"
              + HtmlUtils.htmlEscape(refused.getMessage()) + "</p><p><a href=\"/audit\">← 案件 Cases</a></p>", ""));
    }
    String key = HtmlUtils.htmlEscape(businessKey);
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page("审计回放 Replay " + key, """
        <header><a href="/audit">← 案件 Cases</a><h1>审计回放 Replay · <span id="case-key">%s</span></h1>
        <p id="case-summary"></p>
        <p><a id="dossier-pdf" href="/api/cases/%s/dossier.pdf">下载档案 Dossier (PDF)</a> ·
        <a href="/api/cases/%s/dossier.json">JSON</a> · <span id="verification" class="badge">…</span></p></header>
        <main><section id="diagrams"></section>
        <aside><div class="controls"><button id="step-first" title="第一步 First step">|◀ 首 First</button><button id="step-back">◀ 上一步 Back</button>
        <span id="step-position"></span><button id="step-next">下一步 Next ▶</button><button id="step-last" title="最后一步 Last step">末 Last ▶|</button></div>
        <div id="step-detail"></div><ol id="timeline"></ol></aside></main>
        <section><h2>尽职事实 Duty facts</h2><table id="duty-facts"></table></section>
        <section><h2>问责审查 Findings and decisions</h2><div id="reviews"></div></section>
        <section><h2>访问记录 Access log</h2><p>查看与导出本案记录的人和时间,不是案件的步骤
        Who viewed or exported this record, and when: not steps of the case.</p><ol id="access-log"></ol></section>
        """.formatted(key, key, key), "<script src=\"/audit/replay.js\"></script>"));
  }

  @GetMapping("/api/cases/{businessKey}/replay")
  @ResponseBody
  Replay replay(@PathVariable String businessKey) {
    String user = access.read(businessKey);
    trail.recordView(businessKey, user, "REPLAY_VIEWED", Map.of("view", "replay"));
    Dossier dossier = dossiers.forViewing(businessKey, user, ClockUtil.getCurrentTime().toInstant());
    return new Replay(dossier, diagrams.of(dossier.evidence()));
  }

  @GetMapping("/api/cases/{businessKey}/dossier.json")
  @ResponseBody
  Dossier dossierJson(@PathVariable String businessKey) {
    String user = access.read(businessKey);
    trail.recordView(businessKey, user, "DOSSIER_EXPORTED", Map.of("format", "json"));
    return dossiers.of(businessKey, user, ClockUtil.getCurrentTime().toInstant());
  }

  @GetMapping("/api/cases/{businessKey}/dossier.pdf")
  ResponseEntity<byte[]> dossierPdf(@PathVariable String businessKey) {
    String user = access.read(businessKey);
    if (!DossierPdf.fontAvailable()) {
      throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, null, "档案所需中文字体未安装 The dossier's CJK font is missing: "
          + "build with npm available (mvn runs npm ci), or use dossier.json");
    }
    trail.recordView(businessKey, user, "DOSSIER_EXPORTED", Map.of("format", "pdf"));
    byte[] pdf = DossierPdf.render(dossiers.of(businessKey, user, ClockUtil.getCurrentTime().toInstant()));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dossier-" + businessKey + ".pdf\"").body(pdf);
  }

  private static String page(String title, String body, String scripts) {
    return """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title><link rel="icon" href="/favicon.svg">
        <link rel="stylesheet" href="/audit/replay.css"></head><body>%s%s</body></html>"""
        .formatted(HtmlUtils.htmlEscape(title), body, scripts);
  }
}
