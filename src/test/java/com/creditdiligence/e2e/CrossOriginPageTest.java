package com.creditdiligence.e2e;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.documents.CaseDocuments;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attack as it happens: a customer manager signed in to Tasklist opens, in the same Chromium, a page
 * served from another port of the same host. Its script posts a document into the manager's case through
 * both upload doors, with the browser's cookies. The browser delivers both requests (their promises
 * resolve); neither files anything.
 */
@ApplicationTest
@Tag("e2e")
class CrossOriginPageTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired CaseDocuments documents;

  @Test
  void aPageOnAnotherPortCannotFileADocumentAsTheSignedInManager() throws IOException {
    String key =
        new LifecycleDriver(engine)
            .apply("manager1", intake("绍兴跨站页面公司", "workingCapitalLoan", 1_000_000, 12))
            .getBusinessKey();
    HttpServer otherPort = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    otherPort.createContext(
        "/",
        exchange -> {
          byte[] page = attackPage(key).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    otherPort.start();
    try (Browser browser = Browser.open("http://localhost:" + port, "cross-origin")) {
      new Tasklist(browser).signIn("manager1");
      browser.driver().get("http://localhost:" + otherPort.getAddress().getPort() + "/");

      String outcome = browser.waitFor(By.id("outcome")).getText();

      assertThat(outcome)
          .as("both requests were delivered by the browser")
          .isEqualTo("delivered 2");
      assertThat(documents.ofCase(key)).as("documents filed by the other page").isEmpty();
    } finally {
      otherPort.stop(0);
    }
  }

  private String attackPage(String key) {
    String app = "http://localhost:" + port;
    return """
        <!DOCTYPE html><html><body><p id="pending">…</p><script>
        const pdf = '%%PDF-1.4\\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\\ntrailer <</Root 1 0 R>>\\n%%%%EOF\\n';
        const post = path => {
          const form = new FormData();
          form.append('file', new Blob([pdf], {type: 'application/pdf'}), 'forged.pdf');
          return fetch('%1$s' + path, {method: 'POST', body: form, credentials: 'include', mode: 'no-cors'});
        };
        Promise.all([post('/cases/%2$s/documents'), post('/api/cases/%2$s/documents')])
          .then(answers => report('delivered ' + answers.length), failure => report('failed ' + failure));
        function report(text) {
          const p = document.createElement('p'); p.id = 'outcome'; p.textContent = text; document.body.appendChild(p);
        }
        </script></body></html>"""
        .formatted(app, key);
  }
}
