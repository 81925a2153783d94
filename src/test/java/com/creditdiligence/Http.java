package com.creditdiligence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestTemplate;

/**
 * The one HTTP client of the tests that drive the application in their test context: the context's {@link
 * TestRestTemplate}, used so that a request goes out as written — the headers the test names and no other (no
 * {@code Accept} or {@code Content-Type} added for it), the body's very bytes with their length, redirects not
 * followed — and any answer, 4xx and 5xx included, comes back to be looked at. With it: HTTP Basic, a signed-in
 * webapp session (its cookies and XSRF token, kept as a browser keeps them), JSON and problem+json bodies, and
 * multipart bodies written by hand.
 *
 * <p>The tests of a server outside the test context keep {@code java.net.http}: {@code CrashUnderLoad} drives a
 * {@code java -jar} it starts and kills, and {@code PlatformBenchmark} and {@code UserLatencyBenchmark} boot their own
 * applications and time the client itself (a kept-alive client against a new connection per request), so that their
 * figures stay comparable with the earlier ones.
 */
public final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestTemplate rest;
  private final String root;

  private static final Map<TestRestTemplate, Http> CLIENTS =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * The client of the shared test context, for a test to have injected ({@code @Autowired Http http}): made when a
   * test first asks for it, once the server has its port.
   */
  @TestConfiguration(proxyBeanMethods = false)
  public static class InTheContext {

    @Bean
    @Lazy
    Http http(TestRestTemplate rest) {
      return of(rest);
    }
  }

  /** The client over the context's {@link TestRestTemplate}, made once for it. */
  public static Http of(TestRestTemplate http) {
    return CLIENTS.computeIfAbsent(http, Http::new);
  }

  private Http(TestRestTemplate http) {
    TestRestTemplate notFollowing = http.withRedirects(Redirects.DONT_FOLLOW);
    this.rest = notFollowing.getRestTemplate();
    this.root = notFollowing.getRootUri();
  }

  /** The server's address, {@code http://localhost:port}. */
  public String root() {
    return root;
  }

  public Request request(String method, String path) {
    return new Request(method, path);
  }

  public Request get(String path) {
    return request("GET", path);
  }

  public Request post(String path) {
    return request("POST", path);
  }

  /**
   * A GET of where a redirect points, as a browser follows it: its Location resolved against the server, without
   * the fragment, which stays in the browser.
   */
  public Request follow(Answer redirect) {
    String location =
        redirect
            .header("Location")
            .orElseThrow(() -> new AssertionError("no Location in a " + redirect.status()));
    URI target = URI.create(root + "/").resolve(location);
    assertThat(target.getRawAuthority()).as(location).isEqualTo(URI.create(root).getRawAuthority());
    return get(
        target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
  }

  /** A browser with no cookie yet. */
  public Session session() {
    return new Session();
  }

  /**
   * Signed in through Tasklist's login form with the webapps' CSRF token, as a browser is; then Tasklist's page once
   * more, which gives the new session's token.
   */
  public Session tasklist(String user) {
    Session session = session();
    Answer login = session.webappLogin(user, "tasklist");
    assertThat(login.status()).as("%s signs in to Tasklist: %s", user, login.body()).isEqualTo(200);
    get("/camunda/app/tasklist/").in(session).send();
    return session;
  }

  /** One request, written header by header. */
  public final class Request {

    private final String method;
    private final String path;
    private final HttpHeaders headers = new HttpHeaders();
    private byte[] body;
    private Session session;

    private Request(String method, String path) {
      this.method = method;
      this.path = path;
    }

    public Request header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    /** HTTP Basic as the demo user (password «demo»); {@code null} sends no credentials. */
    public Request as(String user) {
      return user == null ? this : header("Authorization", HttpBasic.header(user, "demo"));
    }

    /** The body as UTF-8 text, with no Content-Type header. */
    public Request body(String text) {
      return body(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The body's bytes, with no Content-Type header. */
    public Request body(byte[] bytes) {
      this.body = bytes;
      return this;
    }

    /** The body as UTF-8 text of that Content-Type. */
    public Request body(String contentType, String text) {
      return header("Content-Type", contentType).body(text);
    }

    public Request json(String json) {
      return body("application/json", json);
    }

    public Request form(String urlEncoded) {
      return body("application/x-www-form-urlencoded", urlEncoded);
    }

    public Request multipart(Multipart multipart) {
      return header("Content-Type", multipart.contentType()).body(multipart.bytes());
    }

    /** Sent in the session: its cookies go with it, and those the answer sets are kept. */
    public Request in(Session session) {
      this.session = session;
      return this;
    }

    /** The session's XSRF token in the header the webapps and the application's API read it from. */
    public Request xsrf() {
      return header("X-XSRF-TOKEN", session.cookie("XSRF-TOKEN"));
    }

    /** The answer; a connection the server closed or refused is an {@link UncheckedIOException}. */
    public Answer send() {
      URI uri = URI.create(root + path);
      try {
        return rest.execute(
            uri,
            HttpMethod.valueOf(method),
            request -> {
              request.getHeaders().addAll(headers);
              if (session != null) {
                session.cookiesFor(uri).forEach(request.getHeaders()::addAll);
              }
              if (body != null) {
                request.getHeaders().setContentLength(body.length);
                request.getBody().write(body);
              }
            },
            response -> {
              HttpHeaders answered = new HttpHeaders();
              answered.addAll(response.getHeaders());
              if (session != null) {
                session.keep(uri, answered);
              }
              return new Answer(
                  response.getStatusCode().value(), answered, response.getBody().readAllBytes());
            });
      } catch (ResourceAccessException e) {
        throw new UncheckedIOException(
            method + " " + path + ": " + e.getMessage(),
            e.getCause() instanceof IOException io ? io : new IOException(e));
      }
    }
  }

  /** What the server answered. */
  public record Answer(int status, HttpHeaders headers, byte[] bytes) {

    /** The body as text, in the charset its Content-Type names (UTF-8 when it names none). */
    public String body() {
      Charset charset = StandardCharsets.UTF_8;
      try {
        MediaType type = headers.getContentType();
        if (type != null && type.getCharset() != null) {
          charset = type.getCharset();
        }
      } catch (RuntimeException unreadable) {
        // the body is read as UTF-8
      }
      return new String(bytes, charset);
    }

    /** The Content-Type header, or "" when there is none. */
    public String contentType() {
      return header("Content-Type").orElse("");
    }

    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.getFirst(name));
    }

    /** The whole Set-Cookie header of that cookie. */
    public String setCookie(String name) {
      List<String> all = headers.getOrEmpty("Set-Cookie");
      return all.stream()
          .filter(c -> c.startsWith(name + "="))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + all));
    }

    /** The body as JSON; a body that is not JSON fails the test, naming it. */
    public JsonNode json() {
      try {
        return JSON.readTree(body());
      } catch (IOException e) {
        throw new AssertionError("Not JSON (" + status + "): " + body(), e);
      }
    }

    /** The body as JSON, a text node when it is not JSON, a null node when it is empty. */
    public JsonNode jsonOrText() {
      String text = body();
      if (text.isBlank()) {
        return JSON.nullNode();
      }
      try {
        return JSON.readTree(text);
      } catch (IOException notJson) {
        return JSON.getNodeFactory().textNode(text);
      }
    }

    /** The body of an {@code application/problem+json} answer; any other answer fails the test. */
    public JsonNode problem() {
      assertThat(contentType()).as("%s: %s", status, body()).startsWith("application/problem+json");
      return json();
    }
  }

  /** A browser's cookies: kept from the answers as {@link CookieManager} keeps them, Secure ones not over HTTP. */
  public final class Session {

    private final CookieManager cookies = new CookieManager();

    private Session() {}

    /** The value of the cookie of that name, or "" when none is kept. */
    public String cookie(String name) {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals(name))
          .map(HttpCookie::getValue)
          .findFirst()
          .orElse("");
    }

    /**
     * The webapps' login as a browser does it: Tasklist's page for a CSRF token, then the login form of that app
     * with it. The login's answer, whatever it is.
     */
    public Answer webappLogin(String user, String app) {
      get("/camunda/app/tasklist/").in(this).send();
      return post("/camunda/api/admin/auth/user/default/login/" + app)
          .in(this)
          .xsrf()
          .form("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo")
          .send();
    }

    private Map<String, List<String>> cookiesFor(URI uri) {
      try {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        cookies
            .get(uri, Map.of())
            .forEach(
                (name, values) -> {
                  if (!values.isEmpty()) {
                    sent.put(name, List.of(String.join("; ", values)));
                  }
                });
        return sent;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void keep(URI uri, HttpHeaders answered) {
      try {
        cookies.put(uri, new LinkedHashMap<>(answered));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A multipart/form-data body written by hand, part by part, so that a test says exactly what goes on the wire. */
  public static final class Multipart {

    private final String boundary;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public Multipart(String boundary) {
      this.boundary = boundary;
    }

    /** A text field. */
    public Multipart field(String name, String value) {
      return part("form-data; name=\"" + name + "\"", null, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A file part, its name quoted as given. */
    public Multipart file(String fileName, String mediaType, byte[] content) {
      return filePart("filename=\"" + fileName + "\"", mediaType, content);
    }

    /** A file part whose file parameters ({@code filename="…"}, {@code filename*=…}) go on the wire as given. */
    public Multipart filePart(String fileParameters, String mediaType, byte[] content) {
      return part("form-data; name=\"file\"; " + fileParameters, mediaType, content);
    }

    private Multipart part(String disposition, String mediaType, byte[] content) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: "
                  + disposition
                  + (mediaType == null ? "" : "\r\nContent-Type: " + mediaType)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      return this;
    }

    public String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    /** The parts, then the closing boundary. */
    public byte[] bytes() {
      ByteArrayOutputStream whole = new ByteArrayOutputStream();
      whole.writeBytes(body.toByteArray());
      whole.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return whole.toByteArray();
    }
  }
}
