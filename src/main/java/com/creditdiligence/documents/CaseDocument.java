package com.creditdiligence.documents;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A document filed to a case. Forms and evidence refer to it by {@link #reference()}, {@code sha256:<hex>}:
 * the reference is the content's hash, so it cannot point to other bytes later.
 */
public record CaseDocument(
    long id,
    String businessKey,
    String sha256,
    String fileName,
    String mediaType,
    long size,
    String uploadedBy,
    Instant uploadedAt) {

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

  /** 2048 → «2 KB (2,048 字节 bytes)»; 10485760 → «10 MB (10,485,760 字节 bytes)». */
  public static String sizeShown(long bytes) {
    String exact = grouped(bytes) + " 字节 bytes";
    return bytes < 1024 ? exact : sizeShort(bytes) + " (" + exact + ")";
  }

  /** 2048 → «2 KB»; 1536 → «1.5 KB»; 300 → «300 字节 bytes». */
  public static String sizeShort(long bytes) {
    if (bytes < 1024) {
      return grouped(bytes) + " 字节 bytes";
    }
    return bytes < 1024 * 1024
        ? grouped(bytes / 1024.0) + " KB"
        : grouped(bytes / (1024.0 * 1024)) + " MB";
  }

  /** A format each time: DecimalFormat is not safe to share between threads. */
  private static String grouped(double n) {
    return new java.text.DecimalFormat(
            "#,##0.#", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
        .format(n);
  }
}
