package com.creditdiligence.platform.web;

import org.springframework.http.HttpStatus;

/** A refusal of an /api request, rendered as application/problem+json. */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String field;

  public ApiProblem(HttpStatus status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  public static ApiProblem notFound(String message) {
    return new ApiProblem(HttpStatus.NOT_FOUND, null, message);
  }

  public static ApiProblem badField(String field, String message) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, field, message);
  }

  public HttpStatus status() {
    return status;
  }

  public String field() {
    return field;
  }
}
