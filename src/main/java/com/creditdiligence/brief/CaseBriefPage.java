package com.creditdiligence.brief;

import com.creditdiligence.documents.CaseDocument;
import com.creditdiligence.documents.CaseDocuments;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.submission.BusinessTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The case brief: what a committee member (or a department head, the board) needs to read before deciding —
 * the case file as applied for, the customer investigation's record, the analysis and evaluation report and
 * the documents they relied on — read from the evidence ledger (never from process variables, which users
 * can write), each value labelled as its form asked it, times in the business time zone. Read-only. It shows
 * no votes: they stay sealed ({@code EvidenceDisclosure}) and are not the brief's.
 */
@Controller
class CaseBriefPage {

  static final String LIFECYCLE = "guarantee-lifecycle";
  static final String INVESTIGATION = "Task_CustomerInvestigation";
  static final String EVALUATION = "Task_AnalysisEvaluation";
  private static final String AMENDMENT = "AMENDMENT";
  private static final String ATTACHED_DOCUMENTS = "attachedDocuments";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EvidenceLedger ledger;
  private final CaseDocuments documents;
  private final CaseAccess access;
  private final ZoneId zone;
  private final DateTimeFormatter time;
  /** How a time is labelled: «北京时间» in the default zone, the zone's id in any other. */
  private final String zoneLabel;
  private final FormLayout intakeForm = FormLayout.of("ApplicationIntake");
  private final FormLayout investigationForm = FormLayout.of("CustomerInvestigation");
  private final FormLayout evaluationForm = FormLayout.of("AnalysisEvaluation");

  CaseBriefPage(EvidenceLedger ledger, CaseDocuments documents, CaseAccess access, BusinessTime businessTime) {
    this.ledger = ledger;
    this.documents = documents;
    this.access = access;
    this.zone = businessTime.zone();
    this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(this.zone);
    this.zoneLabel = BusinessTime.DEFAULT_ZONE.equals(this.zone) ? "北京时间" : this.zone.getId();
  }

  @GetMapping(value = "/cases/{businessKey}/brief", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String page(@PathVariable String businessKey) {
    access.read(businessKey);
    List<EvidenceRecord> records = ledger.records(businessKey);
    String key = HtmlUtils.htmlEscape(businessKey);

    Optional<EvidenceRecord> intake = last(records, r -> "PROCESS_STARTED".equals(r.recordType())
        && LIFECYCLE.equals(r.processDefinitionKey()) && "INTAKE_REGISTRATION".equals(r.dutyCode()));
    Optional<EvidenceRecord> investigation = last(records, completed(INVESTIGATION));
    Optional<EvidenceRecord> evaluation = last(records, completed(EVALUATION));

    StringBuilder body = new StringBuilder();
    List<Citation> cited = new ArrayList<>();
    section(body, "case-file", "一、案件概况 Case file", "业务受理 Application intake", intake, records, intakeForm, cited);
    section(body, "investigation", "二、客户调查 Customer investigation", "§5–§14", investigation, records,
        investigationForm, cited);
    section(body, "report", "三、分析评价报告 Analysis and evaluation report", "§15–§19", evaluation, records,
        evaluationForm, cited);
    documentsSection(body, businessKey, cited);

    return """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>案件简报 Case brief — %1$s</title><link rel="icon" href="/favicon.svg">
        <link rel="stylesheet" href="/documents/documents.css"><link rel="stylesheet" href="/brief/brief.css"></head>
        <body>
          <h1>案件简报 Case brief — %1$s</h1>
          <p class="note">只读,取自证据台账(不取自流程变量) Read-only, from the evidence ledger (not from process variables).
             时间均为%4$s(%2$s) All times are in %2$s. 表决意见密封,不在此显示 Votes are sealed and not shown here.</p>
          <p><a href="/cases/%1$s/documents">案件资料 Case documents</a></p>
          %3$s
        </body></html>
        """.formatted(key, HtmlUtils.htmlEscape(zone.getId()), body, HtmlUtils.htmlEscape(zoneLabel));
  }

  private static Predicate<EvidenceRecord> completed(String elementId) {
    return r -> "TASK_COMPLETED".equals(r.recordType()) && LIFECYCLE.equals(r.processDefinitionKey())
        && elementId.equals(r.elementId());
  }

  private static Optional<EvidenceRecord> last(List<EvidenceRecord> records, Predicate<EvidenceRecord> which) {
    EvidenceRecord found = null;
    for (EvidenceRecord r : records) {
      if (which.test(r)) {
        found = r;
      }
    }
    return Optional.ofNullable(found);
  }

  /** One step's record through its form, with the §19 amendments that followed it applied and said. */
  private void section(StringBuilder out, String id, String title, String clause, Optional<EvidenceRecord> record,
                       List<EvidenceRecord> records, FormLayout form, List<Citation> cited) {
    out.append("<section id=\"").append(id).append("\"><h2>").append(HtmlUtils.htmlEscape(title)).append("</h2>");
    if (record.isEmpty()) {
      out.append("<p class=\"pending\">尚未提交 Not submitted yet.</p></section>");
      return;
    }
    EvidenceRecord r = record.get();
    Map<String, Object> values = new LinkedHashMap<>(parse(r.findings()));
    List<EvidenceRecord> amendments = records.stream()
        .filter(a -> AMENDMENT.equals(a.recordType()) && Objects.equals(a.amendsSequenceNo(), r.sequenceNo())).toList();
    amendments.forEach(a -> values.putAll(parse(a.findings())));
    out.append("<p class=\"meta\">").append(HtmlUtils.htmlEscape(clause)).append(" · 提交人 By ")
        .append(HtmlUtils.htmlEscape(Objects.toString(r.performer(), "-"))).append(" · ").append(at(r.recordedAt()))
        .append(" · 证据 Evidence #").append(r.sequenceNo()).append("</p>");
    for (EvidenceRecord a : amendments) {
      out.append("<p class=\"amended\">已修正 Amended (§19) #").append(a.sequenceNo()).append(" · ")
          .append(HtmlUtils.htmlEscape(Objects.toString(a.performer(), "-"))).append(" · ").append(at(a.recordedAt()))
          .append(": ").append(HtmlUtils.htmlEscape(Objects.toString(a.amendmentReason(), ""))).append("</p>");
    }
    out.append("<table class=\"record\"><tbody>");
    String group = null;
    for (FormLayout.Field field : form.fields()) {
      if (ATTACHED_DOCUMENTS.equals(field.key())) {
        continue;
      }
      String shown = FormLayout.display(field, values.get(field.key()));
      if (shown.isEmpty()) {
        continue;
      }
      if (field.group() != null && !field.group().equals(group)) {
        out.append("<tr><th colspan=\"2\" class=\"group\">").append(HtmlUtils.htmlEscape(field.group())).append("</th></tr>");
      }
      group = field.group();
      out.append("<tr><th>").append(HtmlUtils.htmlEscape(field.label())).append("</th><td class=\"text\" data-key=\"")
          .append(HtmlUtils.htmlEscape(field.key())).append("\">").append(HtmlUtils.htmlEscape(shown)).append("</td></tr>");
    }
    out.append("</tbody></table></section>");
    for (Map<String, Object> c : citations(r.documents())) {
      cited.add(new Citation(title, c));
    }
  }

  private record Citation(String step, Map<String, Object> document) {
  }

  private void documentsSection(StringBuilder out, String businessKey, List<Citation> cited) {
    out.append("<section id=\"documents\"><h2>四、所依据的资料 Documents relied on</h2>");
    if (cited.isEmpty()) {
      out.append("<p class=\"pending\">以上记录未引用资料 The records above cite no documents.</p></section>");
      return;
    }
    out.append("<table><thead><tr><th>文件 File</th><th>大小 Size</th><th>上传时间 Uploaded (")
        .append(HtmlUtils.htmlEscape(zoneLabel)).append(")</th>")
        .append("<th>上传人 By</th><th>引用于 Relied on by</th></tr></thead><tbody>");
    String key = HtmlUtils.htmlEscape(businessKey);
    for (Citation c : cited) {
      String reference = Objects.toString(c.document().get("reference"), "");
      Optional<CaseDocument> filed = documents.byReference(businessKey, reference);
      Object size = c.document().get("size");
      out.append("<tr><td><a href=\"/api/cases/").append(key).append("/documents/")
          .append(HtmlUtils.htmlEscape(reference)).append("\">")
          .append(HtmlUtils.htmlEscape(Objects.toString(c.document().get("fileName"), reference))).append("</a></td><td>")
          .append(size instanceof Number n ? size(n.longValue()) : "-").append("</td><td>")
          .append(filed.map(d -> at(d.uploadedAt())).orElse("-")).append("</td><td>")
          .append(HtmlUtils.htmlEscape(filed.map(CaseDocument::uploadedBy).orElse("-"))).append("</td><td>")
          .append(HtmlUtils.htmlEscape(c.step())).append("</td></tr>");
    }
    out.append("</tbody></table></section>");
  }

  /** 2048 → «2 KB (2,048 字节 bytes)». */
  static String size(long bytes) {
    String exact = FormLayout.grouped(bytes) + " 字节 bytes";
    if (bytes < 1024) {
      return exact;
    }
    String unit = bytes < 1024 * 1024 ? FormLayout.grouped(Math.round(bytes / 102.4) / 10.0) + " KB"
        : FormLayout.grouped(Math.round(bytes / (1024 * 102.4)) / 10.0) + " MB";
    return unit + " (" + exact + ")";
  }

  private String at(Instant instant) {
    return instant == null ? "-" : time.format(instant) + " " + zoneLabel;
  }

  private static Map<String, Object> parse(String json) {
    try {
      return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable findings in the ledger", e);
    }
  }

  private static List<Map<String, Object>> citations(String json) {
    try {
      return json == null || json.isBlank() ? List.of()
          : JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable citations in the ledger", e);
    }
  }
}
