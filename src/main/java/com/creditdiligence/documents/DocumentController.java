package com.creditdiligence.documents;

import com.creditdiligence.platform.SignedIn;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Rejection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A case's documents over the API: upload (multipart field {@code file}), list, download by reference. */
@RestController
@RequestMapping("/api/cases/{businessKey}/documents")
class DocumentController {

  private final CaseDocuments documents;
  private final IdentityService identity;
  private final CaseAccess access;
  private final BusinessTime businessTime;

  DocumentController(
      CaseDocuments documents,
      IdentityService identity,
      CaseAccess access,
      BusinessTime businessTime) {
    this.access = access;
    this.documents = documents;
    this.identity = identity;
    this.businessTime = businessTime;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> upload(
      @PathVariable String businessKey,
      @RequestParam(name = "file", required = false) MultipartFile file)
      throws IOException {
    access.act(businessKey);
    if (file == null) {
      throw Rejection.invalid("file", "请选择文件 Choose a file (multipart field “file”)");
    }
    CaseDocument filed =
        documents.file(
            businessKey,
            file.getOriginalFilename(),
            file.getBytes(),
            SignedIn.userId(identity),
            businessTime.now());
    return filed.citation();
  }

  @GetMapping
  List<Map<String, Object>> list(@PathVariable String businessKey) {
    access.read(businessKey);
    documents.requireCase(businessKey);
    return documents.ofCase(businessKey).stream().map(CaseDocument::citation).toList();
  }

  @GetMapping("/{reference}")
  ResponseEntity<byte[]> download(
      @PathVariable String businessKey, @PathVariable String reference) {
    access.read(businessKey);
    CaseDocument document =
        documents
            .byReference(businessKey, reference)
            .orElseThrow(
                () ->
                    Rejection.notFound(
                        "没有资料 " + reference + " No document " + reference + " in " + businessKey));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(document.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(documents.content(document));
  }
}
