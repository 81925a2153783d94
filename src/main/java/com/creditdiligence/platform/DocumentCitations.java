package com.creditdiligence.platform;

import java.util.List;
import java.util.Map;

/**
 * The case documents a step relied on, as the ledger cites them (name, media type, size, SHA-256). Implemented by
 * the documents feature; asked by {@link EvidenceCapture} when a task completes, so that the engine edge does not
 * depend on a feature.
 */
public interface DocumentCitations {

  /** The references a form submitted, resolved to their citations; an unknown reference is an IllegalArgumentException. */
  List<Map<String, Object>> cite(String businessKey, List<String> references);
}
