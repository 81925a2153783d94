package com.creditdiligence.documents;

import com.creditdiligence.platform.SignedIn;
import com.creditdiligence.platform.web.RefusalStatus;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Rejection;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.net.URI;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.HtmlUtils;

/**
 * The case's documents page, linked from the task forms (Camunda Forms in 7.24 have no file picker):
 * upload a file, see the case's documents with their references. After an upload, reopening the task
 * offers the new document in the form's «附件 Documents» list.
 */
@Controller
class DocumentsPage {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final CaseDocuments documents;
  private final IdentityService identity;
  private final CaseAccess access;
  private final BusinessTime businessTime;

  DocumentsPage(CaseDocuments documents, IdentityService identity, CaseAccess access, BusinessTime businessTime) {
    this.access = access;
    this.documents = documents;
    this.identity = identity;
    this.businessTime = businessTime;
  }

  @GetMapping(value = "/cases/{businessKey}/documents", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String page(@PathVariable String businessKey, @RequestParam(required = false) String filed, CsrfToken csrf) {
    String notice = filed == null ? "" : "<p class=\"ok\">已上传 Uploaded: <code>" + HtmlUtils.htmlEscape(filed)
        + "</code> — 请重新打开任务以在表单中选择 Reopen the task to pick it in the form.</p>";
    return render(businessKey, notice, csrf);
  }

  /** The page, its form carrying the CSRF token an upload must send back (ApplicationSecurity). */
  private String render(String businessKey, String notice, CsrfToken csrf) {
    access.read(businessKey);
    documents.requireCase(businessKey);
    String key = HtmlUtils.htmlEscape(businessKey);
    StringBuilder rows = new StringBuilder();
    for (CaseDocument d : documents.ofCase(businessKey)) {
      rows.append("<tr><td><a href=\"/api/cases/").append(key).append("/documents/").append(d.reference()).append("\">")
          .append(HtmlUtils.htmlEscape(d.fileName())).append("</a></td><td>").append(HtmlUtils.htmlEscape(d.mediaType()))
          .append("</td><td>").append(d.size()).append("</td><td><code>").append(d.reference()).append("</code></td><td>")
          .append(HtmlUtils.htmlEscape(d.uploadedBy())).append("</td><td>").append(businessTime.shown(d.uploadedAt()))
          .append("</td></tr>");
    }
    return """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>资料 Documents — %1$s</title><link rel="icon" href="/favicon.svg">
        <link rel="stylesheet" href="/documents/documents.css"></head>
        <body>
          <h1>案件资料 Case documents — %1$s</h1>
          <p><a href="/camunda/app/tasklist/">← 返回任务列表 Back to Tasklist</a>
             — 建议先上传资料再填写表单 Upload first, then fill the form: leaving a form unsaved loses what was typed.</p>
          %2$s
          <form method="post" enctype="multipart/form-data" action="/cases/%1$s/documents">
            <input type="hidden" name="%4$s" value="%5$s">
            <label>选择文件 Choose a file: <input type="file" name="file" required></label>
            <button type="submit">上传 Upload</button>
          </form>
          <table><thead><tr><th>文件 File</th><th>类型 Type</th><th>字节 Bytes</th><th>引用 Reference (SHA-256)</th>
          <th>上传人 By</th><th>时间 At (%6$s)</th></tr></thead><tbody>%3$s</tbody></table>
        </body></html>
        """.formatted(key, notice, rows, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()),
        HtmlUtils.htmlEscape(businessTime.label()));
  }

  /**
   * A browser posts the form here: a refused upload is answered with the page itself, saying why (4xx, HTML), not
   * with the API's problem+json, which a browser would show raw.
   */
  @PostMapping(value = "/cases/{businessKey}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<String> upload(@PathVariable String businessKey,
                                @RequestParam(name = "file", required = false) MultipartFile file, CsrfToken csrf)
      throws IOException {
    access.act(businessKey);
    CaseDocument filed;
    try {
      if (file == null) {
        throw Rejection.invalid("file", "请选择文件 Choose a file");
      }
      filed = documents.file(businessKey, file.getOriginalFilename(), file.getBytes(),
          SignedIn.userId(identity), businessTime.now());
    } catch (Rejection refused) {
      if (!RefusalStatus.of(refused).is4xxClientError()) {
        throw refused;
      }
      return ResponseEntity.status(RefusalStatus.of(refused)).contentType(HTML)
          .body(render(businessKey, "<p class=\"refused\" role=\"alert\">未上传 Not uploaded: "
              + HtmlUtils.htmlEscape(refused.getMessage()) + "</p>", csrf));
    }
    return ResponseEntity.status(303)
        .location(URI.create("/cases/" + businessKey + "/documents?filed=" + filed.reference())).build();
  }
}
