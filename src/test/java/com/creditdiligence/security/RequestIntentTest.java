package com.creditdiligence.security;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.Http.Answer;
import com.creditdiligence.HttpBasic;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.documents.CaseDocuments;
import com.creditdiligence.documents.SampleFiles;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests that change state need proof of intent: a page of another origin — another port of the same
 * host, to which SameSite=Lax cookies still go — cannot file a document with a signed-in manager's session,
 * nor with the Basic credentials their browser has cached; the application's own page, carrying its token,
 * can; a script with Basic credentials needs no token. The pages and API send the security headers.
 */
@ApplicationTest
class RequestIntentTest {

  private static final Pattern SECURE = Pattern.compile("(?i);\\s*Secure(;|$)");

  @Autowired ProcessEngine engine;
  @Autowired CaseDocuments documents;
  @Autowired Http http;
  @LocalServerPort int port;

  private String key;

  @BeforeEach
  void aCaseOfManager1() {
    key =
        new LifecycleDriver(engine)
            .apply("manager1", intake("温州跨站公司", "workingCapitalLoan", 1_000_000, 12))
            .getBusinessKey();
  }

  @Test
  void aPageOfAnotherPortCannotFileADocumentWithTheManagersSession() {
    Http.Session session = http.tasklist("manager1");
    String otherPort = "http://localhost:" + (port + 1);

    for (String path :
        new String[] {"/api/cases/" + key + "/documents", "/cases/" + key + "/documents"}) {
      Answer fromOtherPage = upload(session, path, null, otherPort, null);
      Answer withoutOrigin = upload(session, path, null, null, null);

      assertThat(fromOtherPage.status()).as(path).isEqualTo(403);
      assertThat(fromOtherPage.contentType()).startsWith("application/problem+json");
      assertThat(fromOtherPage.body()).contains("安全令牌");
      assertThat(withoutOrigin.status()).as(path + ", a session cookie alone").isEqualTo(403);
    }
    assertThat(documents.ofCase(key)).isEmpty();
  }

  @Test
  void theDocumentsPageCarriesItsTokenAndItsUploadIsFiled() {
    Http.Session session = http.tasklist("manager1");
    String signedIn = session.cookie("JSESSIONID");
    Answer page = http.get("/cases/" + key + "/documents").in(session).send();
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(token.find()).as("the page's form carries a token").isTrue();
    // The page's stylesheet and other reads in between neither renew the token nor the webapps'
    // session.
    http.get("/documents/documents.css").in(session).send();
    http.get("/api/cases/" + key + "/evidence").in(session).send();
    assertThat(session.cookie("JSESSIONID")).as("the webapps' session").isEqualTo(signedIn);

    Answer uploaded =
        upload(
            session,
            "/cases/" + key + "/documents",
            token.group(1),
            "http://localhost:" + port,
            null);

    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(303);
    assertThat(documents.ofCase(key))
        .singleElement()
        .satisfies(d -> assertThat(d.uploadedBy()).isEqualTo("manager1"));
  }

  @Test
  void cachedBasicCredentialsSentFromAnotherOriginAreRefusedAndAScriptsAreNot() {
    String basic = HttpBasic.header("manager1", "demo");

    Answer fromOtherPage =
        upload(null, "/api/cases/" + key + "/documents", null, "http://127.0.0.1:" + port, basic);
    Answer fromScript = upload(null, "/api/cases/" + key + "/documents", null, null, basic);

    assertThat(fromOtherPage.status()).isEqualTo(403);
    assertThat(fromScript.status()).as(fromScript.body()).isEqualTo(201);
    assertThat(documents.ofCase(key)).hasSize(1);
  }

  @Test
  void overPlainHttpNoCookieIsSecure() {
    Answer tasklist = http.get("/camunda/app/tasklist/").send();

    assertThat(tasklist.setCookie("XSRF-TOKEN")).doesNotContainPattern(SECURE);
    assertThat(tasklist.setCookie("JSESSIONID")).doesNotContainPattern(SECURE);
  }

  @Test
  void aPageOfAnotherPortCannotHandACaseOverWithTheHeadsSession() {
    Http.Session session = http.tasklist("head1");
    String form =
        "successor=manager2&reason="
            + java.net.URLEncoder.encode(
                "跨站请求伪造的移交 A forged handover", java.nio.charset.StandardCharsets.UTF_8);

    Answer fromOtherPage =
        http.post("/cases/" + key + "/handover")
            .in(session)
            .header("Origin", "http://localhost:" + (port + 1))
            .form(form)
            .send();
    Answer withoutToken = http.post("/cases/" + key + "/handover").in(session).form(form).send();

    assertThat(fromOtherPage.status()).isEqualTo(403);
    assertThat(withoutToken.status()).as("a session cookie alone").isEqualTo(403);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(key)
                .singleResult()
                .getAssignee())
        .isEqualTo("manager1");
  }

  @Test
  void pagesAndApiSendTheSecurityHeaders() {
    for (String path :
        new String[] {
          "/cases/" + key + "/documents",
          "/cases/" + key + "/brief",
          "/cases/" + key + "/handover",
          "/api/cases/" + key + "/evidence",
          "/audit"
        }) {
      Answer answer = http.get(path).as("auditor1").send();

      assertThat(answer.header("Content-Security-Policy").orElse(""))
          .as(path)
          .contains("frame-ancestors 'self'")
          .contains("script-src 'self'")
          .doesNotContain("unsafe-inline");
      assertThat(answer.header("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(answer.header("Referrer-Policy")).as(path).contains("same-origin");
      assertThat(answer.header("X-Frame-Options")).as(path).contains("SAMEORIGIN");
    }
  }

  @Test
  void behindAnHttpsProxyTheSessionAndTokenCookiesAreSecure() {
    // Over plain HTTP a client keeps no Secure cookie: each one is carried here by hand, as a
    // browser over HTTPS would.
    Answer tasklist =
        http.get("/camunda/app/tasklist/").header("X-Forwarded-Proto", "https").send();
    String sessionCookie = tasklist.setCookie("JSESSIONID");
    String tokenCookie = tasklist.setCookie("XSRF-TOKEN");
    Answer login =
        http.post("/camunda/api/admin/auth/user/default/login/tasklist")
            .header("X-Forwarded-Proto", "https")
            .header("Cookie", value(sessionCookie) + "; " + value(tokenCookie))
            .header("X-XSRF-TOKEN", value(tokenCookie).substring("XSRF-TOKEN=".length()))
            .form("username=manager1&password=demo")
            .send();

    assertThat(login.status()).isEqualTo(200);
    assertThat(sessionCookie).containsPattern(SECURE);
    assertThat(tokenCookie).containsPattern(SECURE);
    assertThat(login.setCookie("JSESSIONID"))
        .as("the signed-in session's cookie")
        .containsPattern(SECURE);
  }

  private static String value(String setCookie) {
    return setCookie.split(";", 2)[0];
  }

  /** The documents form as a page or script posts it: in a session or with Basic credentials, from an origin or none. */
  private Answer upload(
      Http.Session session, String path, String token, String origin, String basic) {
    Http.Multipart form = new Http.Multipart("----intent-" + UUID.randomUUID());
    if (token != null) {
      form.field("_csrf", token);
    }
    form.file("营业执照.pdf", "application/pdf", SampleFiles.pdf("business licence"));
    Http.Request request = http.post(path).multipart(form);
    if (session != null) {
      request.in(session);
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    if (basic != null) {
      request.header("Authorization", basic);
    }
    return request.send();
  }
}
