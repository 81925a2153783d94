package com.creditdiligence.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The container's error page — whatever no handler answered: a failure in a filter, a path nothing serves, a
 * request Tomcat could not parse — as application/problem+json, in place of Boot's BasicErrorController, with
 * nothing of the failure's insides. Asked for directly, {@code /error} is a page that does not exist (404).
 */
@RestController
class ErrorProblems implements ErrorController {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorProblems.class);

  private final ErrorAttributes errors;

  ErrorProblems(ErrorAttributes errors) {
    this.errors = errors;
  }

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    ProblemDetail problem;
    if (status == null || status.is2xxSuccessful()) {
      problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "没有此页面 There is no such page");
    } else if (status.is5xxServerError()) {
      problem =
          ApiProblems.serverError(
              LOG,
              errors.getError(new ServletWebRequest(request)),
              request.getMethod()
                  + " "
                  + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
      problem.setStatus(status.value());
    } else {
      problem = ProblemDetail.forStatusAndDetail(status, StatusWords.of(status.value()));
    }
    return ResponseEntity.status(problem.getStatus())
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
