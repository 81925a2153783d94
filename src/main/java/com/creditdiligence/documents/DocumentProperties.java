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
 * @param allowedMediaTypes the media types accepted, as {@link UploadCheck} tells them from the content. By default
 *                          what a credit file holds: PDF, scans and photos (JPEG, PNG), Word and Excel (OOXML, without
 *                          macros). Not plain text, whose bytes cannot tell a note from a script, nor the legacy
 *                          binary Office formats, whose container is also that of installers (.msi) and macros.
 */
@ConfigurationProperties("credit-diligence.documents")
public record DocumentProperties(
    String store, Path directory, DataSize maxSize, Set<String> allowedMediaTypes) {

  public DocumentProperties {
    store = store == null ? "database" : store;
    directory = directory == null ? Path.of("data", "documents") : directory;
    maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
    allowedMediaTypes =
        allowedMediaTypes == null || allowedMediaTypes.isEmpty()
            ? Set.of(
                UploadCheck.PDF,
                UploadCheck.JPEG,
                UploadCheck.PNG,
                UploadCheck.DOCX,
                UploadCheck.XLSX)
            : allowedMediaTypes;
  }

  boolean inDirectory() {
    return "directory".equals(store);
  }
}
