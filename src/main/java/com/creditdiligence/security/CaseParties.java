package com.creditdiligence.security;

import java.util.List;

/**
 * What the accountability review knows of a case that decides who may see it through {@link CaseAccess}.
 * Implemented by the accountability feature, so that security, which every feature asks, depends on none of them.
 */
public interface CaseParties {

  /** Whether the case has (or had) an accountability review: the board reads such cases. */
  boolean hasReview(String businessKey);

  /** The case's managers: its manager now, and those its record holds answerable for it. */
  List<String> managersOf(String businessKey);
}
