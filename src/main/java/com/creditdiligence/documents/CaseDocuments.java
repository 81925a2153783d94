package com.creditdiligence.documents;

import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.NewEvidence;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.platform.DocumentCitations;
import com.creditdiligence.platform.EngineActions;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Rejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files documents to cases: stores the content once by its SHA-256, records the filing in the case's
 * evidence chain, and offers the case's documents to its forms (variable {@value #FORM_OPTIONS}).
 */
@Service
public class CaseDocuments implements DocumentCitations {

  /** A process variable listing the case's documents as form-js options ({label, value}). */
  public static final String FORM_OPTIONS = "caseDocuments";

  private final JdbcClient jdbc;
  private final DocumentProperties properties;
  private final EvidenceLedger ledger;
  private final RuntimeService runtime;
  private final EngineActions engine;
  private final UploadCheck uploadCheck;
  private final BusinessTime businessTime;

  CaseDocuments(
      JdbcClient jdbc,
      DocumentProperties properties,
      EvidenceLedger ledger,
      RuntimeService runtime,
      EngineActions engine,
      BusinessTime businessTime) {
    this.businessTime = businessTime;
    this.jdbc = jdbc;
    this.properties = properties;
    this.ledger = ledger;
    this.runtime = runtime;
    this.engine = engine;
    this.uploadCheck = new UploadCheck(properties.allowedMediaTypes());
  }

  /**
   * Files an upload as what {@link UploadCheck} finds its content to be: the media type the client claimed is not
   * asked. A refused upload leaves nothing behind (no content, no filing, no ledger record).
   */
  @Transactional
  public CaseDocument file(
      String businessKey, String fileName, byte[] content, String uploadedBy, Instant at) {
    requireCase(businessKey);
    if (content.length > properties.maxSize().toBytes()) {
      throw Rejection.invalid(
          "file",
          "文件超过 "
              + properties.maxSize().toMegabytes()
              + " MB The file is larger than "
              + properties.maxSize().toMegabytes()
              + " MB");
    }
    UploadCheck.Accepted upload;
    try {
      upload = uploadCheck.check(fileName, content);
    } catch (UploadCheck.Refused refused) {
      throw Rejection.invalid("file", refused.getMessage());
    }
    String name = upload.fileName();
    String mediaType = upload.mediaType();
    String sha256 = CanonicalForm.sha256Hex(content);
    storeContent(sha256, content);
    GeneratedKeyHolder id = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO case_document (business_key, sha256, file_name, media_type, size_bytes, uploaded_by, uploaded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            businessKey,
            sha256,
            name,
            mediaType,
            content.length,
            uploadedBy,
            OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .update(id, "id");
    CaseDocument document =
        new CaseDocument(
            id.getKey().longValue(),
            businessKey,
            sha256,
            name,
            mediaType,
            content.length,
            uploadedBy,
            at);
    ledger.append(
        NewEvidence.of(businessKey, RecordType.DOCUMENT_FILED, uploadedBy, at)
            .withDocuments(CanonicalForm.json(List.of(document.citation()))));
    offerToForms(businessKey);
    return document;
  }

  public List<CaseDocument> ofCase(String businessKey) {
    return jdbc.sql("SELECT * FROM case_document WHERE business_key = ? ORDER BY id")
        .param(businessKey)
        .query(CaseDocuments::map)
        .list();
  }

  public Optional<CaseDocument> byReference(String businessKey, String reference) {
    String sha256 =
        reference.startsWith(CaseDocument.REFERENCE_PREFIX)
            ? reference.substring(CaseDocument.REFERENCE_PREFIX.length())
            : reference;
    return jdbc
        .sql("SELECT * FROM case_document WHERE business_key = ? AND sha256 = ? ORDER BY id")
        .params(businessKey, sha256)
        .query(CaseDocuments::map)
        .list()
        .stream()
        .findFirst();
  }

  public byte[] content(CaseDocument document) {
    if (properties.inDirectory()) {
      try {
        return Files.readAllBytes(contentPath(document.sha256()));
      } catch (IOException e) {
        throw new UncheckedIOException("Document content missing for " + document.reference(), e);
      }
    }
    return jdbc.sql("SELECT content FROM document_content WHERE sha256 = ?")
        .param(document.sha256())
        .query(byte[].class)
        .single();
  }

  /** Resolves the references a form submitted to their citations; an unknown reference is an error. */
  @Override
  public List<Map<String, Object>> cite(String businessKey, List<String> references) {
    List<Map<String, Object>> citations = new ArrayList<>();
    for (String reference : references) {
      CaseDocument document =
          byReference(businessKey, reference)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "资料 "
                              + reference
                              + " 不属于案件 "
                              + businessKey
                              + " Document "
                              + reference
                              + " is not filed to case "
                              + businessKey));
      citations.add(document.citation());
    }
    return citations;
  }

  public void requireCase(String businessKey) {
    if (ledger.headSequence(businessKey).isEmpty()) {
      throw Rejection.notFound("没有案件 " + businessKey + " No case " + businessKey);
    }
  }

  private void storeContent(String sha256, byte[] content) {
    boolean known =
        jdbc.sql("SELECT COUNT(*) FROM document_content WHERE sha256 = ?")
                .param(sha256)
                .query(Long.class)
                .single()
            > 0;
    if (known) {
      return;
    }
    if (properties.inDirectory()) {
      writeFile(sha256, content);
    }
    jdbc.sql("INSERT INTO document_content (sha256, size_bytes, content) VALUES (?, ?, ?)")
        .params(sha256, content.length, properties.inDirectory() ? null : content)
        .update();
  }

  /** Written to a temporary name, then moved: a reader never sees half a file; the same bytes twice are harmless. */
  private void writeFile(String sha256, byte[] content) {
    Path target = contentPath(sha256);
    try {
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempFile(target.getParent(), sha256, ".part");
      Files.write(partial, content);
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store document " + sha256, e);
    }
  }

  private Path contentPath(String sha256) {
    return properties.directory().resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  /**
   * The case's documents as a form's options ({label, value}), for the variable {@value #FORM_OPTIONS}: a label says
   * the file's name, size and when it was filed (business zone), so that two files of one name can be told apart.
   */
  public JsonValue formOptions(String businessKey) {
    List<Map<String, Object>> options =
        ofCase(businessKey).stream()
            .map(
                d -> {
                  Map<String, Object> option = new LinkedHashMap<>();
                  option.put(
                      "label",
                      d.fileName()
                          + " ("
                          + CaseDocument.sizeShort(d.size())
                          + ", "
                          + businessTime.shown(d.uploadedAt())
                          + ")");
                  option.put("value", d.reference());
                  return option;
                })
            .toList();
    return SpinValues.jsonValue(CanonicalForm.json(options)).create();
  }

  private void offerToForms(String businessKey) {
    JsonValue options = formOptions(businessKey);
    // Whoever may file a document on the case may have it offered on the case's forms.
    engine.asApplication(
        () -> {
          for (ProcessInstance instance :
              runtime
                  .createProcessInstanceQuery()
                  .processInstanceBusinessKey(businessKey)
                  .active()
                  .list()) {
            runtime.setVariable(instance.getId(), FORM_OPTIONS, options);
          }
        });
  }

  private static CaseDocument map(ResultSet row, int n) throws SQLException {
    return new CaseDocument(
        row.getLong("id"),
        row.getString("business_key"),
        row.getString("sha256"),
        row.getString("file_name"),
        row.getString("media_type"),
        row.getLong("size_bytes"),
        row.getString("uploaded_by"),
        row.getObject("uploaded_at", OffsetDateTime.class).toInstant());
  }
}
