package com.creditdiligence.documents;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A document filed to a case. Forms and evidence refer to it by {@link #reference()}, {@code sha256:<hex>}:
 * the reference is the content's hash, so it cannot point to other bytes later.
 */
public record CaseDocument(long id, String businessKey, String sha256, String fileName, String mediaType, long size,
                           String uploadedBy, Instant uploadedAt) {

  public static final String REFERENCE_PREFIX = "sha256:";

  public String reference() {
    return REFERENCE_PREFIX + sha256;
  }

  /** How evidence records cite the document: name, media type, size and the content's SHA-256. */
  public Map<String, Object> citation() {
    Map<String, Object> citation = new LinkedHashMap<>();
    citation.put("reference", reference());
    citation.put("fileName", fileName);
    citation.put("mediaType", mediaType);
    citation.put("size", size);
    citation.put("sha256", sha256);
    return citation;
  }
}
