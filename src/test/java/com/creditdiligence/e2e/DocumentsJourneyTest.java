package com.creditdiligence.e2e;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.documents.CaseDocuments;
import com.creditdiligence.documents.SampleFiles;
import com.creditdiligence.security.Qualifications;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Documents without losing work (issue 18 item 8): from a half-filled investigation form, a manager opens the case's
 * documents in a new tab, uploads a file, and comes back to the form, which still holds what was typed and now offers
 * the new document to tick. A file above the size limit is answered with a page saying so, in Chinese and English.
 */
@ApplicationTest
@Tag("e2e")
class DocumentsJourneyTest {

  private static final String FILE_NO = "KH-2026-0088";
  private static final String PLACE = "常州市武进区湖塘镇工业园 Changzhou, Wujin, Hutang industrial park";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Qualifications qualifications;
  @Autowired CaseDocuments documents;
  @TempDir Path files;

  @Test
  void aManagerUploadsFromAHalfFilledFormAndPicksTheNewDocumentWithTheInputKept() {
    String manager =
        ManagerOfTheirOwn.create(engine, qualifications, "managerchangzhou", "常州", LocalDate.now());
    String key =
        new LifecycleDriver(engine)
            .apply(
                manager,
                intake(
                    "常州资料浏览器测试有限公司 Changzhou Documents Browser Co.",
                    "workingCapitalLoan",
                    2_000_000,
                    12))
            .getBusinessKey();
    Path scan =
        file(
            "现场照片说明.pdf",
            SampleFiles.pdf("on-site photographs, explained: " + "厂房与生产线 ".repeat(300)));
    Path tooLarge = file("扫描件-过大.pdf", new byte[10 * 1024 * 1024 + 1]);

    try (Browser browser = Browser.open("http://localhost:" + port, "documents")) {
      Tasklist tasklist = new Tasklist(browser);
      tasklist.signIn(manager);
      CamundaForm form = tasklist.openListedTask("客户调查", key);
      form.type("Field_customerFileNo", FILE_NO);
      form.type("Field_onSiteVisitPlace", PLACE);
      browser.step("investigation-half-filled");

      TabFromTheForm tab = TabFromTheForm.documents(browser, key);
      WebElement chooser = browser.waitFor(By.id("file"));
      assertThat(browser.driver().findElement(By.id("limits")).getText())
          .contains("允许的类型 Allowed types", "PDF", "Word 文档", "单个文件最大 Largest file: 10 MB");
      browser.step("documents-page");

      chooser.sendKeys(scan.toString());
      browser.driver().findElement(By.cssSelector("#upload button[type='submit']")).click();
      assertThat(browser.waitFor(By.id("filed")).getText()).contains("已上传 Uploaded: 现场照片说明.pdf");
      assertThat(browser.driver().findElement(By.id("list")).getText())
          .contains("现场照片说明.pdf", "KB", "常州经理")
          .doesNotContain("application/pdf");
      browser.step("uploaded");

      browser.driver().switchTo().window(tab.tasklist);
      WebElement note = browser.waitFor(By.cssSelector(".cd-documents-refreshed"));
      assertThat(note.getText()).contains("现场照片说明.pdf", "填写的内容已保留");
      CamundaForm refreshed = new CamundaForm(browser);
      assertThat(refreshed.value("Field_customerFileNo"))
          .as("the form kept what was typed")
          .isEqualTo(FILE_NO);
      assertThat(refreshed.value("Field_onSiteVisitPlace"))
          .as("the form kept what was typed")
          .isEqualTo(PLACE);
      refreshed.pickDocument("现场照片说明.pdf");
      browser.step("new-document-picked");

      browser.driver().switchTo().window(tab.page);
      browser.waitFor(By.id("file")).sendKeys(tooLarge.toString());
      browser.driver().findElement(By.cssSelector("#upload button[type='submit']")).click();
      assertThat(browser.waitFor(By.id("refusal")).getText())
          .contains("未上传 Not uploaded", "文件超过 10 MB The file is larger than 10 MB");
      assertThat(browser.driver().findElement(By.tagName("body")).getText())
          .doesNotContain("\"status\"", "\"detail\"");
      browser.step("too-large", "the server responded with a status of 400");
    }
    assertThat(documents.ofCase(key))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.fileName()).isEqualTo("现场照片说明.pdf");
              assertThat(d.uploadedBy()).isEqualTo(manager);
            });
  }

  private Path file(String name, byte[] content) {
    try {
      return Files.write(files.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
