package com.creditdiligence.documents;

import com.creditdiligence.platform.SignedIn;
import com.creditdiligence.platform.web.RefusalStatus;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.security.People;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Rejection;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The case's documents page ({@code templates/documents/documents.html}), linked from the task forms (Camunda Forms in
 * 7.24 have no file picker) and opened in a tab of its own (Tasklist's {@code scripts/case-documents.js}): upload a
 * file, see the case's documents by name, size and time in the business zone. After an upload the page tells the
 * Tasklist tab (a BroadcastChannel message, {@code static/documents/documents.js}), which saves the half-filled form
 * and shows it again with the new document among those to pick.
 *
 * <p>A browser is answered with pages only: a refused upload (too large, a type not accepted, a bad name) is the page
 * itself saying why; a case the user may not read, or that does not exist, is a page with the message (4xx). The API
 * ({@code /api/cases/{key}/documents}, {@link DocumentController}) keeps answering with problem+json.
 */
@Controller
class DocumentsPage {

  private final CaseDocuments documents;
  private final IdentityService identity;
  private final CaseAccess access;
  private final BusinessTime businessTime;
  private final DocumentProperties properties;
  private final People people;

  DocumentsPage(
      CaseDocuments documents,
      IdentityService identity,
      CaseAccess access,
      BusinessTime businessTime,
      DocumentProperties properties,
      People people) {
    this.people = people;
    this.access = access;
    this.documents = documents;
    this.identity = identity;
    this.businessTime = businessTime;
    this.properties = properties;
  }

  /** A document as the page shows it: name, kind of file and size in words, who and when in the business zone. */
  record Row(
      String fileName,
      String download,
      String mediaType,
      String size,
      String by,
      String at,
      String reference) {}

  @GetMapping(value = "/cases/{businessKey}/documents", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page(
      @PathVariable String businessKey,
      @RequestParam(required = false) String filed,
      CsrfToken csrf) {
    access.read(businessKey);
    documents.requireCase(businessKey);
    Optional<CaseDocument> justFiled =
        filed == null ? Optional.empty() : documents.byReference(businessKey, filed);
    return render(businessKey, justFiled.orElse(null), null, csrf, HttpStatus.OK);
  }

  /**
   * A browser posts the form here: a refused upload is answered with the page itself, saying why (4xx, HTML), not
   * with the API's problem+json, which a browser would show raw. A filed one is seen again by its page (303).
   */
  @PostMapping(
      value = "/cases/{businessKey}/documents",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ModelAndView upload(
      @PathVariable String businessKey,
      @RequestParam(name = "file", required = false) MultipartFile file,
      CsrfToken csrf)
      throws IOException {
    access.act(businessKey);
    CaseDocument filed;
    try {
      if (file == null
          || file.isEmpty()
              && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
        throw Rejection.invalid("file", "请选择文件 Choose a file");
      }
      filed =
          documents.file(
              businessKey,
              file.getOriginalFilename(),
              file.getBytes(),
              SignedIn.userId(identity),
              businessTime.now());
    } catch (Rejection refused) {
      if (!RefusalStatus.of(refused).is4xxClientError()) {
        throw refused;
      }
      return render(businessKey, null, refused.getMessage(), csrf, RefusalStatus.of(refused));
    }
    RedirectView seeThePage =
        new RedirectView(
            "/cases/"
                + URLEncoder.encode(businessKey, StandardCharsets.UTF_8)
                + "/documents?filed="
                + URLEncoder.encode(filed.reference(), StandardCharsets.UTF_8));
    seeThePage.setStatusCode(HttpStatus.SEE_OTHER);
    return new ModelAndView(seeThePage);
  }

  private ModelAndView render(
      String businessKey, CaseDocument filed, String refusal, CsrfToken csrf, HttpStatus status) {
    List<CaseDocument> ofCase = documents.ofCase(businessKey);
    Function<String, String> names =
        people.shown(ofCase.stream().map(CaseDocument::uploadedBy).toList());
    ModelAndView page = new ModelAndView("documents/documents");
    page.addObject("key", businessKey);
    page.addObject(
        "rows",
        ofCase.stream()
            .map(
                d ->
                    new Row(
                        d.fileName(),
                        "/api/cases/" + businessKey + "/documents/" + d.reference(),
                        d.mediaType(),
                        CaseDocument.sizeShown(d.size()),
                        names.apply(d.uploadedBy()),
                        businessTime.shown(d.uploadedAt()),
                        d.reference()))
            .toList());
    page.addObject("allowedTypes", properties.allowedMediaTypes().stream().sorted().toList());
    page.addObject(
        "accept", String.join(",", UploadCheck.extensionsAccepted(properties.allowedMediaTypes())));
    page.addObject("maxSize", CaseDocument.sizeShown(properties.maxSize().toBytes()));
    page.addObject("zoneLabel", businessTime.label());
    page.addObject("filed", filed);
    page.addObject("refusal", refusal);
    // The token (and the session that keeps it) exists before the page is written.
    csrf.getToken();
    page.addObject("csrf", csrf);
    page.setStatus(status);
    return page;
  }

  /** The page's own refusals (a case not found, not the user's to read or to add to): a page that says why. */
  @ExceptionHandler(Rejection.class)
  ModelAndView refused(Rejection refused) {
    HttpStatus status = RefusalStatus.of(refused);
    if (!status.is4xxClientError()) {
      throw refused;
    }
    return refusedPage(status, refused.getMessage());
  }

  /**
   * An upload above what the server reads at all (spring.servlet.multipart), or a body it cannot read as a form: a
   * page that says why, not the API's problem+json.
   */
  @ExceptionHandler(MultipartException.class)
  ModelAndView unreadable(MultipartException unreadable) {
    if (unreadable instanceof MaxUploadSizeExceededException) {
      long limit = properties.maxSize().toMegabytes();
      return refusedPage(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "文件超过 " + limit + " MB The file is larger than " + limit + " MB");
    }
    return refusedPage(
        HttpStatus.BAD_REQUEST,
        "无法读取上传内容,请重新选择文件 The upload could not be read; choose the file again");
  }

  private static ModelAndView refusedPage(HttpStatus status, String message) {
    ModelAndView page = new ModelAndView("documents/refused");
    page.addObject("status", status.value());
    page.addObject("message", message);
    page.setStatus(status);
    return page;
  }
}
