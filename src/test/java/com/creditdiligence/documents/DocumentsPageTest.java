package com.creditdiligence.documents;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.Http.Answer;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.CanonicalForm;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The documents page as a browser gets it: names, sizes and Beijing times instead of hashes and media types, the
 * allowed types and the size limit beside the file chooser, and every refusal (a type not accepted, a bad name, a file
 * too large, a case not the user's, no such case) as a page saying why in Chinese and English, never raw JSON.
 */
@ApplicationTest
class DocumentsPageTest {

  private static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @LocalServerPort int port;
  @Autowired Http http;
  @Autowired ProcessEngine engine;
  @Autowired CaseDocuments documents;

  String key;

  @BeforeEach
  void aCase() {
    key =
        new LifecycleDriver(engine)
            .apply(
                "manager1",
                intake("常州资料页公司 " + System.nanoTime(), "workingCapitalLoan", 1_000_000, 12))
            .getBusinessKey();
  }

  @Test
  void theListShowsNamesSizesAndBeijingTimesAndTheChooserSaysWhatIsAccepted() throws Exception {
    byte[] content = SampleFiles.pdf("x".repeat(3000));
    Instant at = Instant.parse("2026-12-02T18:30:00Z");
    documents.file(key, "营业执照.pdf", content, "manager1", at);

    Answer page = get("manager1", "/cases/" + key + "/documents");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    String html = page.body();
    assertThat(html)
        .contains("案件资料 Case documents — " + key)
        .contains(">营业执照.pdf</a>")
        .contains("<td>PDF</td>")
        .contains(CaseDocument.sizeShown(content.length))
        .contains(" KB (")
        .contains("王经理一 (manager1)")
        .contains(
            "<td>"
                + at.atZone(ZoneId.of("Asia/Shanghai"))
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                + "</td>")
        .contains("上传时间 Uploaded at (北京时间 Beijing time (UTC+08:00))");
    assertThat(html)
        .as("beside the chooser")
        .contains(
            "允许的类型 Allowed types:",
            "Word 文档 Word document (.docx)",
            "Excel 表格 Excel workbook (.xlsx)",
            "JPEG 图片",
            "PNG 图片",
            "单个文件最大 Largest file: 10 MB");
    assertThat(html).contains("accept=\"").contains(".pdf").contains(".docx");
    assertThat(html).as("no media type string shown").doesNotContain("<td>application/pdf</td>");
    String sha256 = CanonicalForm.sha256Hex(content);
    assertThat(html)
        .as("the hash only in the row's detail")
        .contains("<details><summary")
        .contains("<code>sha256:" + sha256 + "</code></details>");
    assertThat(html).containsPattern("name=\"_csrf\" value=\"[^\"]+\"");
    assertThat(html)
        .as("the page tells Tasklist after an upload")
        .contains("/documents/documents.js");
  }

  @Test
  void afterAnUploadThePageNamesTheFileAndCarriesWhatItTellsTheTasklistTab() throws Exception {
    byte[] content = SampleFiles.pdf("a statement's annex");
    CaseDocument filed = documents.file(key, "申辩附件.pdf", content, "manager1", Instant.now());

    String html = get("manager1", "/cases/" + key + "/documents?filed=" + filed.reference()).body();

    assertThat(html)
        .contains("已上传 Uploaded: 申辩附件.pdf", "回到该标签页勾选")
        .contains(
            "data-case=\"" + key + "\"",
            "data-reference=\"" + filed.reference() + "\"",
            "data-file-name=\"申辩附件.pdf\"");
  }

  @Test
  void aRefusedTypeIsThePageSayingWhyAndNothingIsFiled() throws Exception {
    Answer answer = upload("manager1", "setup.exe", SampleFiles.windowsExecutable());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("text/html");
    assertThat(answer.body())
        .contains("未上传 Not uploaded: 不接受可执行文件或脚本 Executables and scripts are not accepted")
        .contains("允许的类型 Allowed types");
    assertThat(documents.ofCase(key)).isEmpty();
  }

  @Test
  void aBadNameIsThePageSayingWhy() throws Exception {
    Answer answer = upload("manager1", "..", SampleFiles.pdf("dots"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("text/html");
    assertThat(answer.body()).contains("未上传 Not uploaded: 文件名", "The file name");
    assertThat(documents.ofCase(key)).isEmpty();
  }

  @Test
  void aFileAboveTheLimitIsThePageSayingSo() throws Exception {
    Answer answer = upload("manager1", "big.pdf", new byte[10 * 1024 * 1024 + 1]);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("text/html");
    assertThat(answer.body())
        .contains("未上传 Not uploaded: 文件超过 10 MB The file is larger than 10 MB");
    assertThat(documents.ofCase(key)).isEmpty();
  }

  @Test
  void aFileAboveWhatTheServerReadsIsAPageToo() throws Exception {
    Answer answer = upload("manager1", "huge.pdf", new byte[22 * 1024 * 1024]);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.contentType()).startsWith("text/html");
    assertThat(answer.body())
        .contains("无法完成 Could not be done", "文件超过 10 MB The file is larger than 10 MB");
    assertThat(documents.ofCase(key)).isEmpty();
  }

  @Test
  void aCaseNotTheUsersIsAPageWithTheMessageNotJson() throws Exception {
    Answer read = get("manager2", "/cases/" + key + "/documents");
    Answer upload = upload("manager2", "a.pdf", SampleFiles.pdf("not my case"));

    for (Answer answer : java.util.List.of(read, upload)) {
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.contentType()).startsWith("text/html");
      assertThat(answer.body())
          .contains("无法完成 Could not be done", "无权访问案件 " + key, "manager2 may not");
    }
    assertThat(documents.ofCase(key)).isEmpty();
  }

  @Test
  void anUploadFromAnotherSiteIsRefusedWithAPageToABrowserAndProblemJsonToTheApi()
      throws Exception {
    Http.Multipart body =
        new Http.Multipart("----forged")
            .file("a.pdf", "application/pdf", SampleFiles.pdf("forged"));
    String otherSite = "http://127.0.0.1:" + port;

    Answer page =
        send(
            "manager1",
            http.post("/cases/" + key + "/documents")
                .header("Accept", BROWSER_ACCEPT)
                .header("Origin", otherSite)
                .multipart(body));
    Answer api =
        send(
            "manager1",
            http.post("/api/cases/" + key + "/documents")
                .header("Accept", BROWSER_ACCEPT)
                .header("Origin", otherSite)
                .multipart(body));

    assertThat(page.status()).isEqualTo(403);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("无法完成 Could not be done", "安全令牌", "valid token");
    assertThat(api.status()).isEqualTo(403);
    assertThat(api.contentType()).startsWith("application/problem+json");
    assertThat(documents.ofCase(key)).isEmpty();
  }

  @Test
  void noSuchCaseIsAPage() throws Exception {
    Answer answer = get("manager1", "/cases/GA-1999-000077/documents");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("text/html");
    assertThat(answer.body()).contains("没有案件 GA-1999-000077 No case GA-1999-000077");
  }

  @Test
  void theApiKeepsAnsweringWithProblemJson() throws Exception {
    Answer answer =
        send(
            "manager2",
            http.get("/api/cases/" + key + "/documents").header("Accept", BROWSER_ACCEPT));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  private Answer get(String user, String path) {
    return send(user, http.get(path).header("Accept", BROWSER_ACCEPT));
  }

  /** The page's form as a browser posts it (basic credentials: no session, so no token is asked). */
  private Answer upload(String user, String fileName, byte[] content) {
    return send(
        user,
        http.post("/cases/" + key + "/documents")
            .header("Accept", BROWSER_ACCEPT)
            .multipart(
                new Http.Multipart("----documents-page-test")
                    .file(fileName, "application/octet-stream", content)));
  }

  private static Answer send(String user, Http.Request request) {
    return request.as(user).send();
  }
}
