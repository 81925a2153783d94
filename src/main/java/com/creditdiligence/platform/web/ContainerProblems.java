package com.creditdiligence.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat answers itself, before any servlet sees the request — a path with an encoded slash or an
 * illegal character, a malformed request line — as application/problem+json, not Tomcat's HTML page. Everything
 * that reaches the application is answered by its own handlers ({@link ErrorProblems}).
 */
@Configuration
class ContainerProblems {

  /** After Boot's own customizer, which installs a plain ErrorReportValve on the host; this one takes its place. */
  @Bean
  ProblemReports problemReports() {
    return new ProblemReports();
  }

  static class ProblemReports
      implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(
          context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
              if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
              }
            }
            // The host adds a valve of this class when it starts, unless it has one.
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
            host.getPipeline().addValve(new ProblemReportValve());
          });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }

  /** Tomcat's error report, as a problem: the status and its words, never the exception. */
  public static class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean(true);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      String detail =
          status >= 500
              ? "服务器内部错误 Internal server error"
              : status == 400
                  ? "请求无效(路径或请求行不合规范) The request is not valid: its path or request line is malformed"
                  : "请求未被接受 The request was not accepted (" + title + ")";
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(
              "{\"type\":\"about:blank\",\"title\":\""
                  + title
                  + "\",\"status\":"
                  + status
                  + ",\"detail\":\""
                  + detail
                  + "\",\"message\":\""
                  + detail
                  + "\"}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException closed) {
        // The client is gone, or the response was taken over meanwhile: nothing more to say.
      }
    }
  }
}
