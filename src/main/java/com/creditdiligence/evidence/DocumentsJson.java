package com.creditdiligence.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

final class DocumentsJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DocumentsJson() {}

  static List<?> parse(String documents) {
    try {
      return documents == null ? List.of() : JSON.readValue(documents, List.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored document references are not JSON", e);
    }
  }
}
