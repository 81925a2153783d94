package com.creditdiligence.documents;

import java.nio.file.Path;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where uploaded documents are kept and what is accepted.
 *
 * @param store             {@code database} (default) or {@code directory}
 * @param directory         the content directory when {@code store=directory}
 * @param maxSize           the largest document accepted
 * @param allowedMediaTypes the media types accepted
 */
@ConfigurationProperties("credit-diligence.documents")
public record DocumentProperties(String store, Path directory, DataSize maxSize, Set<String> allowedMediaTypes) {

  public DocumentProperties {
    store = store == null ? "database" : store;
    directory = directory == null ? Path.of("data", "documents") : directory;
    maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
    allowedMediaTypes = allowedMediaTypes == null || allowedMediaTypes.isEmpty()
        ? Set.of("application/pdf", "image/png", "image/jpeg", "text/plain",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        : allowedMediaTypes;
  }

  boolean inDirectory() {
    return "directory".equals(store);
  }
}
