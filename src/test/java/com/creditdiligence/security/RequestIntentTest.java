package com.creditdiligence.security;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.HttpBasic;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.documents.CaseDocuments;
import com.creditdiligence.documents.SampleFiles;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    HttpClient session = tasklistSession("manager1");
    String otherPort = "http://localhost:" + (port + 1);

    for (String path :
        new String[] {"/api/cases/" + key + "/documents", "/cases/" + key + "/documents"}) {
      HttpResponse<String> fromOtherPage = upload(session, path, null, otherPort, null);
      HttpResponse<String> withoutOrigin = upload(session, path, null, null, null);

      assertThat(fromOtherPage.statusCode()).as(path).isEqualTo(403);
      assertThat(fromOtherPage.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(fromOtherPage.body()).contains("安全令牌");
      assertThat(withoutOrigin.statusCode()).as(path + ", a session cookie alone").isEqualTo(403);
    }
    assertThat(documents.ofCase(key)).isEmpty();
  }

  @Test
  void theDocumentsPageCarriesItsTokenAndItsUploadIsFiled() {
    HttpClient session = tasklistSession("manager1");
    String signedIn = cookie(session, "JSESSIONID");
    HttpResponse<String> page =
        send(session, HttpRequest.newBuilder(uri("/cases/" + key + "/documents")).GET().build());
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(token.find()).as("the page's form carries a token").isTrue();
    // The page's stylesheet and other reads in between neither renew the token nor the webapps'
    // session.
    send(session, HttpRequest.newBuilder(uri("/documents/documents.css")).GET().build());
    send(session, HttpRequest.newBuilder(uri("/api/cases/" + key + "/evidence")).GET().build());
    assertThat(cookie(session, "JSESSIONID")).as("the webapps' session").isEqualTo(signedIn);

    HttpResponse<String> uploaded =
        upload(
            session,
            "/cases/" + key + "/documents",
            token.group(1),
            "http://localhost:" + port,
            null);

    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(303);
    assertThat(documents.ofCase(key))
        .singleElement()
        .satisfies(d -> assertThat(d.uploadedBy()).isEqualTo("manager1"));
  }

  @Test
  void cachedBasicCredentialsSentFromAnotherOriginAreRefusedAndAScriptsAreNot() {
    HttpClient client = HttpClient.newHttpClient();
    String basic = HttpBasic.header("manager1", "demo");

    HttpResponse<String> fromOtherPage =
        upload(client, "/api/cases/" + key + "/documents", null, "http://127.0.0.1:" + port, basic);
    HttpResponse<String> fromScript =
        upload(client, "/api/cases/" + key + "/documents", null, null, basic);

    assertThat(fromOtherPage.statusCode()).isEqualTo(403);
    assertThat(fromScript.statusCode()).as(fromScript.body()).isEqualTo(201);
    assertThat(documents.ofCase(key)).hasSize(1);
  }

  @Test
  void overPlainHttpNoCookieIsSecure() {
    HttpResponse<String> tasklist =
        send(
            HttpClient.newHttpClient(),
            HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).GET().build());

    assertThat(setCookie(tasklist, "XSRF-TOKEN")).doesNotContainPattern(SECURE);
    assertThat(setCookie(tasklist, "JSESSIONID")).doesNotContainPattern(SECURE);
  }

  @Test
  void aPageOfAnotherPortCannotHandACaseOverWithTheHeadsSession() {
    HttpClient session = tasklistSession("head1");
    String form =
        "successor=manager2&reason="
            + java.net.URLEncoder.encode(
                "跨站请求伪造的移交 A forged handover", java.nio.charset.StandardCharsets.UTF_8);

    HttpResponse<String> fromOtherPage =
        send(
            session,
            HttpRequest.newBuilder(uri("/cases/" + key + "/handover"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://localhost:" + (port + 1))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    HttpResponse<String> withoutToken =
        send(
            session,
            HttpRequest.newBuilder(uri("/cases/" + key + "/handover"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());

    assertThat(fromOtherPage.statusCode()).isEqualTo(403);
    assertThat(withoutToken.statusCode()).as("a session cookie alone").isEqualTo(403);
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
    HttpClient client = HttpClient.newHttpClient();
    for (String path :
        new String[] {
          "/cases/" + key + "/documents",
          "/cases/" + key + "/brief",
          "/cases/" + key + "/handover",
          "/api/cases/" + key + "/evidence",
          "/audit"
        }) {
      HttpResponse<String> answer =
          send(
              client,
              HttpRequest.newBuilder(uri(path))
                  .header("Authorization", HttpBasic.header("auditor1", "demo"))
                  .GET()
                  .build());
      var headers = answer.headers();

      assertThat(headers.firstValue("Content-Security-Policy").orElse(""))
          .as(path)
          .contains("frame-ancestors 'self'")
          .contains("script-src 'self'")
          .doesNotContain("unsafe-inline");
      assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("same-origin");
      assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("SAMEORIGIN");
    }
  }

  @Test
  void behindAnHttpsProxyTheSessionAndTokenCookiesAreSecure() {
    // Over plain HTTP a client keeps no Secure cookie: each one is carried here by hand, as a
    // browser over HTTPS would.
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> tasklist =
        send(
            client,
            HttpRequest.newBuilder(uri("/camunda/app/tasklist/"))
                .header("X-Forwarded-Proto", "https")
                .GET()
                .build());
    String sessionCookie = setCookie(tasklist, "JSESSIONID");
    String tokenCookie = setCookie(tasklist, "XSRF-TOKEN");
    HttpResponse<String> login =
        send(
            client,
            HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("X-Forwarded-Proto", "https")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", value(sessionCookie) + "; " + value(tokenCookie))
                .header("X-XSRF-TOKEN", value(tokenCookie).substring("XSRF-TOKEN=".length()))
                .POST(HttpRequest.BodyPublishers.ofString("username=manager1&password=demo"))
                .build());

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(sessionCookie).containsPattern(SECURE);
    assertThat(tokenCookie).containsPattern(SECURE);
    assertThat(setCookie(login, "JSESSIONID"))
        .as("the signed-in session's cookie")
        .containsPattern(SECURE);
  }

  private static String setCookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no " + name + " cookie in " + response.headers().allValues("Set-Cookie")));
  }

  private static String value(String setCookie) {
    return setCookie.split(";", 2)[0];
  }

  private HttpResponse<String> upload(
      HttpClient client, String path, String token, String origin, String basic) {
    String boundary = "----intent-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (token != null) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                  + token
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"营业执照.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(SampleFiles.pdf("business licence"));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (origin != null) {
      request.header("Origin", origin);
    }
    if (basic != null) {
      request.header("Authorization", basic);
    }
    return send(client, request.build());
  }

  /** Signed in through Tasklist's login form, with the webapps' CSRF token, as a browser is. */
  private HttpClient tasklistSession(String user) {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    send(client, HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).GET().build());
    HttpResponse<String> login =
        send(
            client,
            HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", cookie(client, "XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo"))
                .build());
    assertThat(login.statusCode()).isEqualTo(200);
    return client;
  }

  private static String cookie(HttpClient client, String name) {
    return ((CookieManager) client.cookieHandler().orElseThrow())
        .getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals(name))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElse("");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
