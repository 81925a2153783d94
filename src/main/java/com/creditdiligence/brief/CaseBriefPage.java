package com.creditdiligence.brief;

import com.creditdiligence.documents.CaseDocument;
import com.creditdiligence.documents.CaseDocuments;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.intake.IntakeFindings;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.security.People;
import com.creditdiligence.submission.BusinessTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

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
  static final String MONITORING = "Task_MonitoringReport";
  private static final String ATTACHED_DOCUMENTS = "attachedDocuments";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EvidenceLedger ledger;
  private final CaseDocuments documents;
  private final CaseAccess access;
  private final BusinessTime time;
  private final ITemplateEngine templates;
  private final CaseReviewBrief reviews;
  private final People people;
  private final FormLayout intakeForm = FormLayout.of("ApplicationIntake");
  private final FormLayout investigationForm = FormLayout.of("CustomerInvestigation");
  private final FormLayout evaluationForm = FormLayout.of("AnalysisEvaluation");
  private final FormLayout monitoringForm = FormLayout.of("MonitoringReport");

  CaseBriefPage(
      EvidenceLedger ledger,
      CaseDocuments documents,
      CaseAccess access,
      BusinessTime time,
      ITemplateEngine templates,
      CaseReviewBrief reviews,
      People people) {
    this.reviews = reviews;
    this.people = people;
    this.ledger = ledger;
    this.documents = documents;
    this.access = access;
    this.time = time;
    this.templates = templates;
  }

  /** One section of the brief: one step's record through its form, or null when the step has not been submitted. */
  record Section(String id, String title, String clause, Record record) {}

  record Record(String by, String at, int evidence, List<Amendment> amendments, List<Row> rows) {}

  record Amendment(int evidence, String by, String at, String reason) {}

  /** One answer; {@code heading} is the group's title where a new group starts, null otherwise. */
  record Row(String heading, String label, String key, String value) {}

  /** A monitoring report (§21–§23) as the department head reviewing a late one or a major event reads it. */
  record Monitoring(
      int evidence,
      String submittedAt,
      String by,
      String checkDate,
      String checkMode,
      String riskClass,
      String daysOverdue) {}

  record Document(
      String reference, String fileName, String size, String uploadedAt, String by, String step) {}

  @GetMapping(value = "/cases/{businessKey}/brief", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String page(@PathVariable String businessKey) {
    access.read(businessKey);
    List<EvidenceRecord> records = ledger.records(businessKey);

    Optional<EvidenceRecord> intake =
        last(
            records,
            r ->
                r.is(RecordType.PROCESS_STARTED)
                    && LIFECYCLE.equals(r.processDefinitionKey())
                    && "INTAKE_REGISTRATION".equals(r.dutyCode()));
    Optional<EvidenceRecord> investigation = last(records, completed(INVESTIGATION));
    Optional<EvidenceRecord> evaluation = last(records, completed(EVALUATION));

    List<Citation> cited = new ArrayList<>();
    List<Section> sections =
        List.of(
            section(
                "case-file",
                "一、案件概况 Case file",
                "业务受理 Application intake",
                intake,
                records,
                intakeForm,
                cited),
            section(
                "investigation",
                "二、客户调查 Customer investigation",
                "§5–§14",
                investigation,
                records,
                investigationForm,
                cited),
            section(
                "report",
                "三、分析评价报告 Analysis and evaluation report",
                "§15–§19",
                evaluation,
                records,
                evaluationForm,
                cited));

    Context page = new Context(Locale.SIMPLIFIED_CHINESE);
    page.setVariable("key", businessKey);
    page.setVariable("zoneLabel", time.label());
    page.setVariable("zoneId", time.zone().getId());
    page.setVariable("sections", sections);
    page.setVariable("documents", documents(businessKey, cited));
    page.setVariable("reviews", reviews.of(businessKey, records));
    page.setVariable(
        "monitoring",
        records.stream().filter(completed(MONITORING)).map(this::monitoring).toList());
    return templates.process("brief/case-brief", page);
  }

  private Monitoring monitoring(EvidenceRecord r) {
    Map<String, Object> values = parse(r.findings());
    return new Monitoring(
        r.sequenceNo(),
        at(r.recordedAt()),
        people.name(r.performer()),
        shown(monitoringForm, "checkDate", values),
        shown(monitoringForm, "checkMode", values),
        shown(monitoringForm, "riskClass", values),
        shown(monitoringForm, "daysOverdue", values));
  }

  private static String shown(FormLayout form, String key, Map<String, Object> values) {
    return form.fields().stream()
        .filter(f -> key.equals(f.key()))
        .findFirst()
        .map(f -> FormLayout.display(f, values.get(key)))
        .filter(v -> !v.isEmpty())
        .orElse("-");
  }

  private static Predicate<EvidenceRecord> completed(String elementId) {
    return r ->
        r.is(RecordType.TASK_COMPLETED)
            && LIFECYCLE.equals(r.processDefinitionKey())
            && elementId.equals(r.elementId());
  }

  private static Optional<EvidenceRecord> last(
      List<EvidenceRecord> records, Predicate<EvidenceRecord> which) {
    EvidenceRecord found = null;
    for (EvidenceRecord r : records) {
      if (which.test(r)) {
        found = r;
      }
    }
    return Optional.ofNullable(found);
  }

  /** One step's record through its form, with the §19 amendments that followed it applied and said. */
  private Section section(
      String id,
      String title,
      String clause,
      Optional<EvidenceRecord> record,
      List<EvidenceRecord> records,
      FormLayout form,
      List<Citation> cited) {
    if (record.isEmpty()) {
      return new Section(id, title, clause, null);
    }
    EvidenceRecord r = record.get();
    // An intake recorded before revenue was asked in yuan is read in yuan (the record itself is not
    // rewritten).
    Map<String, Object> recorded = parse(r.findings());
    Map<String, Object> values =
        new LinkedHashMap<>(form == intakeForm ? IntakeFindings.inTodaysUnits(recorded) : recorded);
    List<EvidenceRecord> amendments =
        records.stream()
            .filter(
                a ->
                    a.is(RecordType.AMENDMENT)
                        && Objects.equals(a.amendsSequenceNo(), r.sequenceNo()))
            .toList();
    amendments.forEach(a -> values.putAll(parse(a.findings())));
    List<Row> rows = new ArrayList<>();
    String group = null;
    for (FormLayout.Field field : form.fields()) {
      if (ATTACHED_DOCUMENTS.equals(field.key())) {
        continue;
      }
      String shown = FormLayout.display(field, values.get(field.key()));
      if (shown.isEmpty()) {
        continue;
      }
      boolean newGroup = field.group() != null && !field.group().equals(group);
      group = field.group();
      rows.add(new Row(newGroup ? field.group() : null, field.label(), field.key(), shown));
    }
    for (Map<String, Object> c : citations(r.documents())) {
      cited.add(new Citation(title, c));
    }
    return new Section(
        id,
        title,
        clause,
        new Record(
            Objects.toString(r.performer(), "-"),
            at(r.recordedAt()),
            r.sequenceNo(),
            amendments.stream()
                .map(
                    a ->
                        new Amendment(
                            a.sequenceNo(),
                            Objects.toString(a.performer(), "-"),
                            at(a.recordedAt()),
                            Objects.toString(a.amendmentReason(), "")))
                .toList(),
            rows));
  }

  private record Citation(String step, Map<String, Object> document) {}

  private List<Document> documents(String businessKey, List<Citation> cited) {
    List<Document> shown = new ArrayList<>();
    for (Citation c : cited) {
      String reference = Objects.toString(c.document().get("reference"), "");
      Optional<CaseDocument> filed = documents.byReference(businessKey, reference);
      Object size = c.document().get("size");
      shown.add(
          new Document(
              reference,
              Objects.toString(c.document().get("fileName"), reference),
              size instanceof Number n ? size(n.longValue()) : "-",
              filed.map(d -> at(d.uploadedAt())).orElse("-"),
              filed.map(CaseDocument::uploadedBy).orElse("-"),
              c.step()));
    }
    return shown;
  }

  /** 2048 → «2 KB (2,048 字节 bytes)». */
  static String size(long bytes) {
    String exact = FormLayout.grouped(bytes) + " 字节 bytes";
    if (bytes < 1024) {
      return exact;
    }
    String unit =
        bytes < 1024 * 1024
            ? FormLayout.grouped(Math.round(bytes / 102.4) / 10.0) + " KB"
            : FormLayout.grouped(Math.round(bytes / (1024 * 102.4)) / 10.0) + " MB";
    return unit + " (" + exact + ")";
  }

  private String at(Instant instant) {
    return instant == null ? "-" : time.shown(instant);
  }

  private static Map<String, Object> parse(String json) {
    try {
      return json == null
          ? Map.of()
          : JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable findings in the ledger", e);
    }
  }

  private static List<Map<String, Object>> citations(String json) {
    try {
      return json == null || json.isBlank()
          ? List.of()
          : JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable citations in the ledger", e);
    }
  }
}
