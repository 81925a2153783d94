package com.creditdiligence.documents;

import static com.creditdiligence.demo.DemoSubmissions.evaluation;
import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.investigation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.platform.SubmissionRefusedException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Documents filed to a case by their SHA-256, cited in the evidence of the steps that rely on them. */
@ApplicationTest
class CaseDocumentsTest {

  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;
  @Autowired JdbcClient jdbc;
  @Autowired Http http;

  @Test
  void anUploadedDocumentIsFiledByItsHashRecordedInTheLedgerAndOfferedToTheForms()
      throws Exception {
    ProcessInstance guaranteeCase = newCase("苏州资料甲公司");
    byte[] content = SampleFiles.pdf("business licence scan");

    Http.Answer response =
        upload(guaranteeCase.getBusinessKey(), "营业执照.pdf", "application/pdf", content);

    assertThat(response.status()).isEqualTo(201);
    String sha256 = CanonicalForm.sha256Hex(content);
    JsonNode citation = response.json();
    assertThat(citation.get("reference").asText()).isEqualTo("sha256:" + sha256);
    assertThat(citation.get("fileName").asText()).isEqualTo("营业执照.pdf");
    assertThat(citation.get("size").asLong()).isEqualTo(content.length);
    assertThat(citation.get("mediaType").asText()).isEqualTo("application/pdf");

    EvidenceRecord filed =
        ledger.records(guaranteeCase.getBusinessKey()).stream()
            .filter(r -> r.recordType().equals("DOCUMENT_FILED"))
            .findFirst()
            .orElseThrow();
    assertThat(filed.performer()).isEqualTo("manager1");
    assertThat(filed.documents())
        .contains("\"sha256\":\"" + sha256 + "\"")
        .contains("\"mediaType\":\"application/pdf\"");
    assertThat(
            engine
                .getRuntimeService()
                .getVariable(guaranteeCase.getId(), CaseDocuments.FORM_OPTIONS)
                .toString())
        .contains("sha256:" + sha256)
        .contains("营业执照.pdf");

    Http.Answer download =
        http.get("/api/cases/" + guaranteeCase.getBusinessKey() + "/documents/sha256:" + sha256)
            .as("manager1")
            .send();
    assertThat(download.bytes()).isEqualTo(content);
  }

  @Test
  void theSameContentFiledTwiceIsStoredOnce() {
    ProcessInstance guaranteeCase = newCase("苏州资料乙公司");
    byte[] content = SampleFiles.pdf("same bytes, two names");

    upload(guaranteeCase.getBusinessKey(), "a.pdf", "application/pdf", content);
    upload(guaranteeCase.getBusinessKey(), "b.pdf", "application/pdf", content);

    String sha256 = CanonicalForm.sha256Hex(content);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM document_content WHERE sha256 = ?")
                .param(sha256)
                .query(Long.class)
                .single())
        .isOne();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM case_document WHERE sha256 = ?")
                .param(sha256)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void aMediaTypeNotAllowedIsA400NamingTheFileAndNothingIsKept() throws Exception {
    ProcessInstance guaranteeCase = newCase("苏州资料丙公司");
    int recordsBefore = ledger.records(guaranteeCase.getBusinessKey()).size();

    Http.Answer response =
        upload(
            guaranteeCase.getBusinessKey(),
            "run.exe",
            "application/x-msdownload",
            new byte[] {77, 90});

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.json().get("errors").has("file")).isTrue();
    assertThat(ledger.records(guaranteeCase.getBusinessKey())).hasSize(recordsBefore);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM case_document WHERE business_key = ?")
                .param(guaranteeCase.getBusinessKey())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aFileAboveTheSizeLimitIsA400() {
    ProcessInstance guaranteeCase = newCase("苏州资料丁公司");

    Http.Answer response =
        upload(
            guaranteeCase.getBusinessKey(),
            "big.pdf",
            "application/pdf",
            new byte[10 * 1024 * 1024 + 1]);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("larger than 10 MB");
  }

  @Test
  void anUploadToAnUnknownCaseIsA404() {
    assertThat(upload("GA-1999-000009", "a.txt", "text/plain", new byte[] {1}).status())
        .isEqualTo(404);
  }

  @Test
  void theDocumentsAStepReliesOnAreCitedInItsEvidence() {
    ProcessInstance guaranteeCase = newCase("苏州资料戊公司");
    byte[] content = SampleFiles.pdf("audit reports of the last three years");
    upload(guaranteeCase.getBusinessKey(), "审计报告.pdf", "application/pdf", content);
    Map<String, Object> values = investigation(false);
    values.put(
        "attachedDocuments",
        SpinValues.jsonValue("[\"sha256:" + CanonicalForm.sha256Hex(content) + "\"]").create());

    new LifecycleDriver(engine)
        .complete(guaranteeCase.getId(), "Task_CustomerInvestigation", "manager1", values);

    EvidenceRecord completion =
        ledger.records(guaranteeCase.getBusinessKey()).stream()
            .filter(r -> "CUSTOMER_INVESTIGATION".equals(r.dutyCode()))
            .findFirst()
            .orElseThrow();
    assertThat(completion.documents())
        .contains("\"fileName\":\"审计报告.pdf\"")
        .contains("\"sha256\":\"" + CanonicalForm.sha256Hex(content) + "\"");
  }

  @Test
  void theNextStepStartsWithNoDocumentPickedAndCitesNoneUnlessItPicksThem() {
    ProcessInstance guaranteeCase = newCase("苏州资料辛公司");
    byte[] content = SampleFiles.pdf("site visit notes");
    upload(guaranteeCase.getBusinessKey(), "走访记录.pdf", "application/pdf", content);
    Map<String, Object> values = investigation(false);
    values.put(
        "attachedDocuments",
        SpinValues.jsonValue("[\"sha256:" + CanonicalForm.sha256Hex(content) + "\"]").create());
    LifecycleDriver driver = new LifecycleDriver(engine);
    driver.complete(guaranteeCase.getId(), "Task_CustomerInvestigation", "manager1", values);

    String evaluation =
        driver.taskOf(guaranteeCase.getId(), "Task_AnalysisEvaluation", "manager1").getId();
    // No document picked: the investigation's picks were its own, never kept for the next form.
    TypedValue picked =
        engine.getFormService().getTaskFormVariables(evaluation).getValueTyped("attachedDocuments");
    assertThat(picked == null ? "[]" : String.valueOf(picked.getValue())).isEqualTo("[]");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(guaranteeCase.getId())
                .variableName("attachedDocuments")
                .count())
        .as("the picks are the ledger's to keep, never written to the engine and cleared again")
        .isZero();
    driver.complete(
        guaranteeCase.getId(), "Task_AnalysisEvaluation", "manager1", evaluation("approve"));

    EvidenceRecord evaluated =
        ledger.records(guaranteeCase.getBusinessKey()).stream()
            .filter(r -> "ANALYSIS_REPORT".equals(r.dutyCode()))
            .findFirst()
            .orElseThrow();
    assertThat(evaluated.documents()).isEqualTo("[]");
  }

  @Test
  void aStepCitingADocumentOfAnotherCaseIsRefused() {
    ProcessInstance guaranteeCase = newCase("苏州资料己公司");
    Map<String, Object> values = investigation(false);
    values.put(
        "attachedDocuments", SpinValues.jsonValue("[\"sha256:" + "ab".repeat(32) + "\"]").create());

    assertThatThrownBy(
            () ->
                new LifecycleDriver(engine)
                    .complete(
                        guaranteeCase.getId(), "Task_CustomerInvestigation", "manager1", values))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("is not filed to case");
    assertThat(ledger.records(guaranteeCase.getBusinessKey()))
        .noneMatch(r -> "CUSTOMER_INVESTIGATION".equals(r.dutyCode()));
  }

  @Test
  void theDocumentsPageListsTheCasesDocumentsAndUploadsFromABrowserForm() {
    ProcessInstance guaranteeCase = newCase("苏州资料庚公司");
    String page = "/cases/" + guaranteeCase.getBusinessKey() + "/documents";

    Http.Answer posted =
        uploadOnThePage(guaranteeCase.getBusinessKey(), "现场照片.png", "image/png", SampleFiles.png());

    // The browser is sent back to the page (303), which names the new document and carries its
    // reference (for the Tasklist tab it tells, and in the row's detail).
    assertThat(posted.status()).isEqualTo(303);
    Http.Answer sentBackTo = http.follow(posted).as("manager1").send();
    assertThat(sentBackTo.status()).isEqualTo(200);
    assertThat(sentBackTo.body())
        .contains("已上传 Uploaded: 现场照片.png")
        .contains("data-reference=\"sha256:");
    String html = http.get(page).as("manager1").send().body();
    assertThat(html).contains("现场照片.png").contains("sha256:").contains("上传 Upload");
    assertThat(http.get(page).send().status()).isEqualTo(401);
  }

  @Test
  void theStoredMediaTypeIsTheContentsNotTheClaimOfTheClient() throws Exception {
    ProcessInstance guaranteeCase = newCase("苏州资料壬公司");

    Http.Answer response =
        upload(
            guaranteeCase.getBusinessKey(),
            "财务报表.pdf",
            "application/octet-stream",
            SampleFiles.pdf("balance sheet"));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().get("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(
            jdbc.sql("SELECT media_type FROM case_document WHERE business_key = ?")
                .param(guaranteeCase.getBusinessKey())
                .query(String.class)
                .single())
        .isEqualTo("application/pdf");
  }

  @Test
  void anExecutableClaimedAsAPdfIsRefusedAndNothingIsKept() throws Exception {
    ProcessInstance guaranteeCase = newCase("苏州资料癸公司");

    assertRefusedAndNothingKept(
        guaranteeCase.getBusinessKey(),
        upload(
            guaranteeCase.getBusinessKey(),
            "营业执照.pdf",
            "application/pdf",
            SampleFiles.windowsExecutable()),
        "不接受可执行文件或脚本");
  }

  @Test
  void aPdfWithAZipAppendedIsRefusedAndNothingIsKept() throws Exception {
    ProcessInstance guaranteeCase = newCase("苏州资料子公司");

    assertRefusedAndNothingKept(
        guaranteeCase.getBusinessKey(),
        upload(
            guaranteeCase.getBusinessKey(),
            "年报.pdf",
            "application/pdf",
            SampleFiles.pdfZipPolyglot()),
        "文件类型不符");
  }

  @Test
  void aPngNamedAsAPdfIsRefusedAndNothingIsKept() throws Exception {
    ProcessInstance guaranteeCase = newCase("苏州资料丑公司");

    assertRefusedAndNothingKept(
        guaranteeCase.getBusinessKey(),
        upload(guaranteeCase.getBusinessKey(), "现场照片.pdf", "application/pdf", SampleFiles.png()),
        "文件类型不符:内容为 image/png");
  }

  /** Each kind of bad name, exactly as the client sent it (RFC 5987 filename*), is a 400 and leaves no trace. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        ".",
        "..",
        "a/../b.pdf",
        "C:\\x\\y.pdf",
        "a\u0000.pdf",
        "a\u001b[31m.pdf",
        "   "
      })
  void aBadFileNameIsA400AndNothingIsKept(String name) throws Exception {
    ProcessInstance guaranteeCase = newCase("苏州资料寅公司");

    assertRefusedAndNothingKept(
        guaranteeCase.getBusinessKey(),
        rawUpload(
            guaranteeCase.getBusinessKey(),
            "filename=\"x.pdf\"; filename*=UTF-8''" + percentEncoded(name),
            SampleFiles.pdf("x")),
        "文件");
  }

  @Test
  void aFileNameOver255CharactersIsA400AndNothingIsKept() throws Exception {
    ProcessInstance guaranteeCase = newCase("苏州资料卯公司");

    assertRefusedAndNothingKept(
        guaranteeCase.getBusinessKey(),
        rawUpload(
            guaranteeCase.getBusinessKey(),
            "filename=\"" + "a".repeat(252) + ".pdf\"",
            SampleFiles.pdf("x")),
        "文件名过长");
    assertRefusedAndNothingKept(
        guaranteeCase.getBusinessKey(),
        rawUpload(
            guaranteeCase.getBusinessKey(),
            "filename*=UTF-8''" + percentEncoded("长".repeat(300) + ".pdf"),
            SampleFiles.pdf("x")),
        "文件名过长");
  }

  @Test
  void aNulInAPlainlyQuotedFileNameIsA400() throws Exception {
    ProcessInstance guaranteeCase = newCase("苏州资料辰公司");

    assertRefusedAndNothingKept(
        guaranteeCase.getBusinessKey(),
        rawUpload(guaranteeCase.getBusinessKey(), "filename=\"a\u0000.pdf\"", SampleFiles.pdf("x")),
        "文件名含控制字符");
  }

  @Test
  void aMultipartTypeWithoutABoundaryOrWithAJsonBodyIsA400() throws Exception {
    String key = newCase("苏州资料巳公司").getBusinessKey();
    for (String contentType : List.of("multipart/form-data", "multipart/form-data; boundary=xyz")) {
      Http.Answer response =
          http.post(documentsPath(key)).as("manager1").body(contentType, "{\"file\":\"x\"}").send();

      assertThat(response.status()).as(contentType).isEqualTo(400);
      assertThat(response.header("Content-Type"))
          .hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }
  }

  @Test
  void theDocumentsPageShowsARefusalInItsOwnWords() {
    ProcessInstance guaranteeCase = newCase("苏州资料午公司");

    Http.Answer posted =
        uploadOnThePage(
            guaranteeCase.getBusinessKey(),
            "营业执照.pdf",
            "application/pdf",
            SampleFiles.windowsExecutable());

    assertThat(posted.status()).isEqualTo(400);
    assertThat(posted.headers().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(posted.body()).contains("未上传 Not uploaded: 不接受可执行文件或脚本").contains("上传 Upload");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM case_document WHERE business_key = ?")
                .param(guaranteeCase.getBusinessKey())
                .query(Long.class)
                .single())
        .isZero();
  }

  private void assertRefusedAndNothingKept(
      String businessKey, Http.Answer response, String reason) {
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.json().get("errors").get("file").asText()).contains(reason);
    assertThat(ledger.records(businessKey)).noneMatch(r -> r.is(RecordType.DOCUMENT_FILED));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM case_document WHERE business_key = ?")
                .param(businessKey)
                .query(Long.class)
                .single())
        .isZero();
  }

  /** A multipart upload written by hand, the way an attacker would: {@code fileParameters} as they go on the wire. */
  private Http.Answer rawUpload(String businessKey, String fileParameters, byte[] content) {
    return http.post(documentsPath(businessKey))
        .as("manager1")
        .multipart(
            new Http.Multipart("----case-documents-test")
                .filePart(fileParameters, "application/pdf", content))
        .send();
  }

  private static String documentsPath(String businessKey) {
    return "/api/cases/" + businessKey + "/documents";
  }

  private static String percentEncoded(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      encoded.append(String.format("%%%02X", b & 0xFF));
    }
    return encoded.toString();
  }

  private ProcessInstance newCase(String applicant) {
    return new LifecycleDriver(engine)
        .apply("manager1", intake(applicant, "workingCapitalLoan", 1_000_000, 12));
  }

  private Http.Answer upload(
      String businessKey, String fileName, String mediaType, byte[] content) {
    return http.post(documentsPath(businessKey))
        .as("manager1")
        .multipart(new Http.Multipart("----case-documents-test").file(fileName, mediaType, content))
        .send();
  }

  /** The documents page's form as a browser posts it, the file's type told by its name. */
  private Http.Answer uploadOnThePage(
      String businessKey, String fileName, String mediaType, byte[] content) {
    return http.post("/cases/" + businessKey + "/documents")
        .as("manager1")
        .multipart(new Http.Multipart("----case-documents-page").file(fileName, mediaType, content))
        .send();
  }
}
