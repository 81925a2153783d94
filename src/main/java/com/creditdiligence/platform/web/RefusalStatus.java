package com.creditdiligence.platform.web;

import com.creditdiligence.submission.Rejection;
import org.springframework.http.HttpStatus;

/**
 * The HTTP status of each kind of the domain's {@link Rejection}: the one mapping, used by {@link ApiProblems} for
 * application/problem+json and by the pages that answer a refusal with a page of their own.
 */
public final class RefusalStatus {

  private RefusalStatus() {}

  public static HttpStatus of(Rejection rejection) {
    return switch (rejection.kind()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case NOT_LIVE, CONFLICT -> HttpStatus.CONFLICT;
      case INVALID, REFUSED -> HttpStatus.BAD_REQUEST;
      case NOT_PERMITTED -> HttpStatus.FORBIDDEN;
      case NOT_SIGNED_IN -> HttpStatus.UNAUTHORIZED;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
    };
  }
}
