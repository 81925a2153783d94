package com.creditdiligence.platform.web;

import com.creditdiligence.platform.SubmissionRefusedException;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Rejection;
import com.creditdiligence.submission.SubmissionRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of /api as application/problem+json, naming the field at fault where there is one. */
@RestControllerAdvice(basePackages = "com.creditdiligence")
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

  /** Anything not foreseen is the server's failure: logged under a reference, answered without its insides. */
  @ExceptionHandler(Exception.class)
  ProblemDetail unforeseen(Exception failure, HttpServletRequest request) {
    return serverError(LOG, failure, request.getMethod() + " " + request.getRequestURI());
  }

  static ProblemDetail serverError(Logger log, Throwable failure, String request) {
    String reference = UUID.randomUUID().toString();
    log.error("Server error {} on {}", reference, request, failure);
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "服务器内部错误(编号 "
            + reference
            + "),请稍后重试或告知管理员 Internal server error (reference "
            + reference
            + "); try again later or tell the "
            + "administrator");
  }

  /** The domain said no: its kind decides the status ({@link RefusalStatus}), its words are the detail. */
  @ExceptionHandler(Rejection.class)
  ProblemDetail problem(Rejection problem) {
    if (problem instanceof SubmissionRefused refused) {
      return refusedFields(refused.refusals());
    }
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(RefusalStatus.of(problem), problem.getMessage());
    if (problem.field() != null) {
      detail.setProperty("errors", Map.of(problem.field(), problem.getMessage()));
    }
    return detail;
  }

  /** Another transaction changed the case first, and retrying did not get through: the caller may try again. */
  @ExceptionHandler(org.camunda.bpm.engine.OptimisticLockingException.class)
  ProblemDetail conflict(org.camunda.bpm.engine.OptimisticLockingException conflict) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.CONFLICT,
        "他人已同时处理此案件,请重试 The case was changed at the same moment by someone else; try again");
  }

  /** Camunda's own authorization said no (an engine call made with the user's rights). */
  @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
  ProblemDetail notAuthorized(org.camunda.bpm.engine.AuthorizationException refused) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.FORBIDDEN, "无权操作 Not permitted: " + refused.getMessage());
  }

  /** A step's rule refused what the API submitted on the user's behalf: the rule's own words, field by field. */
  @ExceptionHandler(SubmissionRefusedException.class)
  ProblemDetail refused(SubmissionRefusedException refused) {
    return refusedFields(refused.refusals());
  }

  private static ProblemDetail refusedFields(List<Refusal> refusals) {
    Map<String, String> errors = new LinkedHashMap<>();
    refusals.forEach(
        r ->
            errors.merge(
                r.field() == null ? "submission" : r.field(), r.message(), (a, b) -> a + "; " + b));
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, String.join("; ", errors.values()));
    detail.setProperty("errors", errors);
    return detail;
  }

  /**
   * A body that cannot be read as the multipart it claims to be (no boundary, JSON, a part Tomcat refuses): the
   * client's error. Tomcat itself refuses a file name with a NUL before the upload check sees it.
   */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail notMultipart(MultipartException unreadable) {
    if (NestedExceptionUtils.getMostSpecificCause(unreadable) instanceof InvalidFileNameException) {
      String message = "文件名含控制字符 The file name contains control characters";
      ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
      detail.setProperty("errors", Map.of("file", message));
      return detail;
    }
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.BAD_REQUEST,
        "无法读取上传内容 The body is not readable as multipart/form-data (with a boundary, one part per field)");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Map<String, String> errors = new LinkedHashMap<>();
    e.getBindingResult()
        .getFieldErrors()
        .forEach(error -> errors.put(error.getField(), error.getDefaultMessage()));
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "请求内容无效 Invalid request: " + String.join(", ", errors.keySet()));
    detail.setProperty("errors", errors);
    return ResponseEntity.badRequest().headers(headers).body(detail);
  }
}
