package com.creditdiligence.audit;

import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.desk.CaseStages;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.platform.web.RefusalStatus;
import com.creditdiligence.print.PrintedPdf;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.security.Memberships;
import com.creditdiligence.security.People;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Rejection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The auditor's replay: an index of cases at {@code /audit}, a case's replay page at
 * {@code /audit/cases/{key}} (diagram, timeline with step-through, evidence verification, duty facts,
 * findings), its data, and the dossier as JSON and PDF. Every view of a case's data is recorded in
 * its ledger before it is served.
 */
@Controller
class ReplayController {

  private final CaseAccess access;
  private final AuditTrail trail;
  private final CaseDossiers dossiers;
  private final ModelDiagrams diagrams;
  private final CaseFiles caseFiles;
  private final ReviewStore reviews;
  private final DossierPdf pdf;
  private final BusinessTime time;
  private final DossierLabels labels;
  private final ITemplateEngine templates;
  private final MessageSource messages;
  private final People people;
  private final CaseStages stages;

  ReplayController(
      CaseAccess access,
      AuditTrail trail,
      CaseDossiers dossiers,
      ModelDiagrams diagrams,
      CaseFiles caseFiles,
      ReviewStore reviews,
      DossierPdf pdf,
      BusinessTime time,
      DossierLabels labels,
      ITemplateEngine templates,
      MessageSource messages,
      People people,
      CaseStages stages) {
    this.stages = stages;
    this.templates = templates;
    this.messages = messages;
    this.people = people;
    this.labels = labels;
    this.pdf = pdf;
    this.time = time;
    this.access = access;
    this.trail = trail;
    this.dossiers = dossiers;
    this.diagrams = diagrams;
    this.caseFiles = caseFiles;
    this.reviews = reviews;
  }

  /**
   * @param labels the names of the codes the dossier holds, by {@code kind.code} ({@code record.TASK_COMPLETED} →
   *               «任务完成 Task completed»), so that the page shows names, as the PDF does
   * @param zone   the business zone the page shows times in, and its label
   * @param models process key → the BPMN XML of the version the case ran, which the page draws with bpmn-js
   */
  record Replay(
      Dossier dossier,
      Map<String, String> diagrams,
      Map<String, String> labels,
      String zone,
      String zoneLabel,
      Map<String, String> models) {}

  /** One case in the index, as a person reads it. */
  record IndexRow(
      String key, String applicant, String manager, String status, int reviews, String opened) {}

  @GetMapping(value = "/audit", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String index() {
    String user = access.user();
    boolean everyCase = access.readsEveryCase();
    boolean board = access.inGroup(Memberships.ACCOUNTABILITY_BOARD);
    boolean head = access.inGroup(Memberships.DEPARTMENT_HEAD);
    Map<String, Integer> reviewCounts = reviews.reviewCountsByCase();
    List<CaseFile> shown =
        caseFiles.all().stream()
            .filter(
                file ->
                    everyCase
                        || (board && reviewCounts.getOrDefault(file.businessKey(), 0) > 0)
                        || user.equals(file.caseManager()))
            .toList();
    Map<String, String> names =
        people.named(shown.stream().map(CaseFile::caseManager).distinct().toList());
    List<IndexRow> rows =
        shown.stream()
            .map(
                file ->
                    new IndexRow(
                        file.businessKey(),
                        file.applicantName(),
                        names.containsKey(file.caseManager())
                            ? names.get(file.caseManager()) + " (" + file.caseManager() + ")"
                            : file.caseManager(),
                        // The case's real stage, not the file's coarse status (a case at the
                        // committee is not just "REGISTERED").
                        messages.getMessage(
                            stages.of(file).messageKey(),
                            null,
                            file.status().name(),
                            Locale.SIMPLIFIED_CHINESE),
                        reviewCounts.getOrDefault(file.businessKey(), 0),
                        time.shownDay(file.openedAt())))
            .toList();
    Context page = new Context(Locale.SIMPLIFIED_CHINESE);
    page.setVariable("user", names.getOrDefault(user, user));
    page.setVariable("head", head);
    page.setVariable("rows", rows);
    page.setVariable("zoneLabel", time.label());
    return templates.process("audit/index", page);
  }

  @GetMapping(value = "/audit/cases/{businessKey}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> replayPage(@PathVariable String businessKey) {
    try {
      access.read(businessKey);
    } catch (Rejection refused) {
      // A person at a browser gets a page that says why, and the way back.
      Context page = new Context(Locale.SIMPLIFIED_CHINESE);
      page.setVariable("status", RefusalStatus.of(refused).value());
      page.setVariable("message", refused.getMessage());
      return ResponseEntity.status(RefusalStatus.of(refused))
          .contentType(MediaType.TEXT_HTML)
          .body(templates.process("audit/refused", page));
    }
    Context page = new Context(Locale.SIMPLIFIED_CHINESE);
    page.setVariable("key", businessKey);
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_HTML)
        .body(templates.process("audit/replay", page));
  }

  @GetMapping("/api/cases/{businessKey}/replay")
  @ResponseBody
  Replay replay(@PathVariable String businessKey) {
    String user = access.read(businessKey);
    trail.recordView(businessKey, user, RecordType.AUDIT_REPLAY_VIEWED, Map.of("view", "replay"));
    Dossier dossier = dossiers.forViewing(businessKey, user, time.now());
    return new Replay(
        dossier,
        diagrams.of(dossier.evidence()),
        labels.of(dossier),
        time.zone().getId(),
        time.label(),
        diagrams.models(dossier.evidence()));
  }

  @GetMapping("/api/cases/{businessKey}/dossier.json")
  @ResponseBody
  Dossier dossierJson(@PathVariable String businessKey) {
    String user = access.read(businessKey);
    trail.recordView(
        businessKey, user, RecordType.AUDIT_DOSSIER_EXPORTED, Map.of("format", "json"));
    return dossiers.of(businessKey, user, time.now());
  }

  @GetMapping("/api/cases/{businessKey}/dossier.pdf")
  ResponseEntity<byte[]> dossierPdf(@PathVariable String businessKey) {
    String user = access.read(businessKey);
    if (!PrintedPdf.fontAvailable()) {
      throw Rejection.unavailable(
          "档案所需中文字体未安装 The dossier's CJK font is missing: "
              + "build with npm available (mvn runs npm ci), or use dossier.json");
    }
    trail.recordView(businessKey, user, RecordType.AUDIT_DOSSIER_EXPORTED, Map.of("format", "pdf"));
    byte[] printed = pdf.render(dossiers.of(businessKey, user, time.now()));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"dossier-" + businessKey + ".pdf\"")
        .body(printed);
  }
}
