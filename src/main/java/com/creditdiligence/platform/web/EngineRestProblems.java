package com.creditdiligence.platform.web;

import com.creditdiligence.platform.SubmissionRefusedException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error of the engine's REST APIs as application/problem+json, with nothing of the server's insides.
 * Camunda answers an error with the exception's class name ("type") and message, and Jackson's a body it
 * cannot map with the DTO's class and the parser's position. A 4xx keeps the engine's message, which says
 * what is wrong ("Cannot convert value 'abc' of type 'Long'…"), once class names are shortened and engine
 * codes dropped — unless it still shows exception names, SQL or stack frames: then the status's own words.
 * A 5xx says only that the server failed, with a reference under which the message is logged.
 */
@Priority(Priorities.ENTITY_CODER)
public class EngineRestProblems implements ContainerResponseFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestProblems.class);
  private static final MediaType PROBLEM = new MediaType("application", "problem+json");
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][\\w$]*)");
  private static final Pattern ENGINE_CODE = Pattern.compile("\\b[A-Z]+-\\d{5}\\s*");
  static final Pattern INTERNALS =
      Pattern.compile(
          "Exception|[A-Z]\\w+Error\\b|\\bSQL\\b|\\bSELECT\\b.+\\bFROM\\b|"
              + "\\bINSERT INTO\\b|\\bUPDATE\\b.+\\bSET\\b|\\bACT_[A-Z]{2}_|\\bat [\\w$]+(\\.[\\w$]+)+\\(|\\[Source: |"
              + "line: \\d+, column: \\d+|`|\\w\\(\\)");

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if (status < 400 || PROBLEM.isCompatible(response.getMediaType())) {
      return;
    }
    Object entity = response.getEntity();
    String message =
        entity instanceof ExceptionDto dto
            ? dto.getMessage()
            : entity instanceof String text ? text : null;
    String detail;
    if (status >= 500) {
      String reference = UUID.randomUUID().toString();
      LOG.error(
          "Server error {} on {} {}: {}",
          reference,
          request.getMethod(),
          request.getUriInfo().getPath(),
          message);
      detail =
          "服务器内部错误(编号 "
              + reference
              + "),请稍后重试或告知管理员 Internal server error (reference "
              + reference
              + "); try again later or tell the administrator";
    } else {
      String clean = clean(message);
      detail = StatusWords.of(status) + (clean == null ? "" : ": " + clean);
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put(
        "title",
        Response.Status.fromStatusCode(status) == null
            ? "Error"
            : Response.Status.fromStatusCode(status).getReasonPhrase());
    problem.put("status", status);
    problem.put("detail", detail);
    // Camunda's clients (Tasklist, Cockpit) show "message".
    problem.put("message", detail);
    response.setEntity(problem, null, PROBLEM);
  }

  /** The message's first line with class names shortened and engine codes dropped; null when it still shows internals. */
  static String clean(String message) {
    if (message == null || message.isBlank()) {
      return null;
    }
    String firstLine = message.strip().lines().findFirst().orElse("");
    // Our rules' refusal speaks for itself: the engine's "Cannot submit task form 84cec84b-…:"
    // before it only
    // shows a user an id.
    int refusal = firstLine.indexOf(SubmissionRefusedException.PREFIX);
    if (refusal > 0) {
      firstLine = firstLine.substring(refusal);
    }
    String clean =
        ENGINE_CODE
            .matcher(QUALIFIED_NAME.matcher(firstLine).replaceAll("$1"))
            .replaceAll("")
            .strip();
    return clean.isEmpty() || INTERNALS.matcher(clean).find() ? null : clean;
  }
}
