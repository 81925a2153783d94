package com.creditdiligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * What the tests' one HTTP client puts on the wire, seen by a bare server: the headers a test names and no other, the
 * body's bytes with their length, cookies as a browser keeps them, redirects left to the test.
 */
class HttpTest {

  /** One request as the server received it. */
  record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {}

  private final List<Received> received = new ArrayList<>();
  private HttpServer server;
  private Http http;

  @BeforeEach
  void aBareServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          exchange.getRequestHeaders().forEach(headers::put);
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getRawPath()
                      + (exchange.getRequestURI().getRawQuery() == null
                          ? ""
                          : "?" + exchange.getRequestURI().getRawQuery()),
                  headers,
                  exchange.getRequestBody().readAllBytes()));
          String path = exchange.getRequestURI().getPath();
          if (path.equals("/login")) {
            exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=abc; Path=/; HttpOnly");
            exchange.getResponseHeaders().add("Set-Cookie", "XSRF-TOKEN=tok; Path=/");
            exchange.getResponseHeaders().add("Set-Cookie", "ONLYHTTPS=s; Path=/; Secure");
          }
          if (path.equals("/moved")) {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
            exchange.sendResponseHeaders(303, -1);
          } else if (path.equals("/moved-away")) {
            exchange
                .getResponseHeaders()
                .add("Location", http.root() + "/elsewhere?kept=%E9%95%BF#part");
            exchange.sendResponseHeaders(302, -1);
          } else {
            byte[] answer = "{\"答\":\"好\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(path.equals("/refused") ? 400 : 200, answer.length);
            exchange.getResponseBody().write(answer);
          }
          exchange.close();
        });
    server.start();
    http =
        Http.of(
            new TestRestTemplate(
                new RestTemplateBuilder()
                    .rootUri("http://localhost:" + server.getAddress().getPort())));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aBodyGoesOutAsItsBytesWithItsLengthAndOnlyTheNamedHeaders() {
    byte[] body = "{\"reason\":\"长\u0000".getBytes(StandardCharsets.UTF_8);

    Http.Answer answer =
        http.post("/refused?x=%E9%95%BF")
            .as("manager1")
            .header("Origin", "http://localhost:1")
            .header("Content-Type", "text/plain")
            .body(body)
            .send();

    Received request = received.get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/refused?x=%E9%95%BF");
    assertThat(request.body()).isEqualTo(body);
    assertThat(request.headers().get("Content-Length")).containsExactly("" + body.length);
    assertThat(request.headers().get("Content-Type")).containsExactly("text/plain");
    assertThat(request.headers().get("Authorization"))
        .containsExactly(HttpBasic.header("manager1", "demo"));
    assertThat(request.headers().get("Origin")).containsExactly("http://localhost:1");
    assertThat(request.headers())
        .doesNotContainKeys("Accept", "Transfer-Encoding", "Cookie", "X-XSRF-TOKEN");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.problem().path("答").asText()).isEqualTo("好");
  }

  @Test
  void aRequestWithoutABodySendsNoContentType() {
    http.get("/page").send();

    Received request = received.get(0);
    assertThat(request.body()).isEmpty();
    assertThat(request.headers())
        .doesNotContainKeys("Content-Type", "Accept", "Authorization", "Transfer-Encoding");
  }

  @Test
  void aSessionSendsBackItsCookiesAndTokenButNoSecureCookieOverHttp() {
    Http.Session session = http.session();
    http.get("/login").in(session).send();

    http.post("/api").in(session).xsrf().json("{}").send();

    Received request = received.get(1);
    assertThat(request.headers().get("Cookie")).containsExactly("JSESSIONID=abc; XSRF-TOKEN=tok");
    assertThat(request.headers().get("X-XSRF-TOKEN")).containsExactly("tok");
    assertThat(request.headers().get("Content-Type")).containsExactly("application/json");
    assertThat(session.cookie("JSESSIONID")).isEqualTo("abc");
  }

  @Test
  void aRedirectIsAnsweredNotFollowed() {
    Http.Answer answer = http.get("/moved").send();

    assertThat(answer.status()).isEqualTo(303);
    assertThat(answer.header("Location")).hasValue("/elsewhere");
    assertThat(received).hasSize(1);
  }

  @Test
  void aRedirectIsFollowedWhenTheTestSaysSoToTheServersPathWithoutTheFragment() {
    Http.Answer moved = http.get("/moved-away").send();

    Http.Answer followed = http.follow(moved).as("manager1").send();

    assertThat(moved.status()).isEqualTo(302);
    assertThat(followed.status()).isEqualTo(200);
    assertThat(received)
        .extracting(Received::path)
        .containsExactly("/moved-away", "/elsewhere?kept=%E9%95%BF");
    assertThat(received.get(1).headers().get("Authorization"))
        .containsExactly(HttpBasic.header("manager1", "demo"));
  }

  @Test
  void aMultipartBodyIsWrittenPartByPart() {
    byte[] bytes =
        new Http.Multipart("b")
            .field("_csrf", "t")
            .file("营业执照.pdf", "application/pdf", new byte[] {1, 2})
            .bytes();

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(
            "--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nt\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"营业执照.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n\u0001\u0002\r\n--b--\r\n");
  }

  @Test
  void aServerThatIsNotThereIsAnIoFailureNotAnAnswer() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Http nowhere =
        Http.of(
            new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + closed)));

    assertThatThrownBy(() -> nowhere.get("/").send()).isInstanceOf(UncheckedIOException.class);
  }
}
