package com.creditdiligence.e2e;

import static com.creditdiligence.accountability.ReviewSteps.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.accountability.ReviewSteps;
import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.documents.CaseDocument;
import com.creditdiligence.documents.CaseDocuments;
import com.creditdiligence.documents.SampleFiles;
import com.creditdiligence.events.CaseEvents;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.monitoring.PostGuaranteeSteps;
import com.creditdiligence.security.Qualifications;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The manager under review attaches documents to their statement (申辩) and to their appeal (申诉) in Tasklist (issue
 * 18 item 8): from the half-written form they open the case's documents in a new tab, upload a file, come back to the
 * form, which still holds what they wrote and now offers the new file, tick it and submit. The step's evidence cites
 * the file picked, and only that one.
 */
@ApplicationTest
@Tag("e2e")
class ReviewDocumentsJourneyTest {

  private static final String STATEMENT =
      "预警当日即联系反担保人,书面通知在第五天送达,回执为证 The notice was served on day five";
  private static final String GROUNDS =
      "延误系反担保人拒收所致,有快递退件记录为证 The delay was the counter-guarantor's refusal";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired ReviewStore store;
  @Autowired Qualifications qualifications;
  @Autowired CaseDocuments documents;
  @Autowired EvidenceLedger ledger;
  @TempDir Path files;

  @Test
  void theManagerAttachesADocumentToTheStatementAndAnotherToTheAppealFromTheHalfWrittenForms() {
    // A manager of this journey's own: their Tasklist lists this review's tasks, whatever the suite
    // left to others.
    String manager =
        ManagerOfTheirOwn.create(engine, qualifications, "managerliyang", "溧阳", LocalDate.now());
    String key;
    ReviewSteps review = new ReviewSteps(engine, store);
    try {
      key =
          new PostGuaranteeSteps(engine, events)
              .compensatedCase(manager, "溧阳申辩资料测试有限公司 Liyang Statement Documents Co.", 5);
    } finally {
      ClockUtil.reset();
    }
    review.audit(key, "auditor1", List.of(verdict(1, "confirm")), List.of());
    review.deliberate(key, "board1");
    Path receipt = file("书面通知送达回执.pdf", SampleFiles.pdf("receipt of the written notice"));
    Path returned = file("快递退件记录.pdf", SampleFiles.pdf("the courier's record of the refusal"));

    try (Browser browser = Browser.open("http://localhost:" + port, "review-documents")) {
      Tasklist tasklist = new Tasklist(browser);
      tasklist.signIn(manager);
      CamundaForm statement = tasklist.openListedTask("申辩 The manager's statement", key);
      // The manager under review is named as the product names people, «姓名 (id)», never by the id
      // alone.
      browser.waitFor(
          By.xpath(
              "//*[contains(@class,'fjs-container')]//*[contains(normalize-space(.),"
                  + " '被审查客户经理 Manager under review: 溧阳经理 (managerliyang)')]"));
      statement.tick("提交申辩 Submit a statement").type("Field_statementText", STATEMENT);
      browser.step("statement-half-written");
      uploadFromTheForm(browser, key, receipt, "statement");
      assertThat(statement.value("Field_statementText"))
          .as("the statement kept what was written")
          .isEqualTo(STATEMENT);
      statement.pickDocument("书面通知送达回执.pdf");
      browser.stepShowingAll("statement-document-picked", ".fjs-container");
      tasklist.complete();
      tasklist.waitUntilTaskClosed();
      browser.step("statement-submitted");

      review.determineReducible(key, "board1");

      browser.go(Tasklist.HOME);
      CamundaForm appeal = tasklist.openListedTask("申诉 Appeal by the manager", key);
      browser.waitFor(
          By.xpath(
              "//*[contains(@class,'fjs-container')]//*[contains(normalize-space(.),"
                  + " '被审查客户经理 Manager under review: 溧阳经理 (managerliyang)')]"));
      appeal.tick("提出申诉 Appeal").type("Field_appealGrounds", GROUNDS);
      browser.step("appeal-half-written");
      uploadFromTheForm(browser, key, returned, "appeal");
      assertThat(appeal.value("Field_appealGrounds"))
          .as("the appeal kept what was written")
          .isEqualTo(GROUNDS);
      appeal.pickDocument("快递退件记录.pdf");
      browser.stepShowingAll("appeal-document-picked", ".fjs-container");
      tasklist.complete();
      tasklist.waitUntilTaskClosed();
      browser.step("appeal-submitted");
    }

    CaseDocument receiptFiled = filed(key, "书面通知送达回执.pdf");
    CaseDocument returnedFiled = filed(key, "快递退件记录.pdf");
    assertThat(receiptFiled.uploadedBy()).isEqualTo(manager);
    assertThat(returnedFiled.uploadedBy()).isEqualTo(manager);
    assertThat(recordOf(key, "Task_ManagerStatement").documents())
        .contains(receiptFiled.sha256(), "书面通知送达回执.pdf")
        .doesNotContain(returnedFiled.sha256());
    assertThat(recordOf(key, "Task_Appeal").documents())
        .as("the appeal cites what it picked, not what the statement did")
        .contains(returnedFiled.sha256(), "快递退件记录.pdf")
        .doesNotContain(receiptFiled.sha256());
  }

  /** The form's documents link → the documents page in a new tab → one upload → back to the form, refreshed. */
  private static void uploadFromTheForm(Browser browser, String key, Path file, String step) {
    TabFromTheForm tab = TabFromTheForm.documents(browser, key);
    browser.waitFor(By.id("file")).sendKeys(file.toString());
    browser.driver().findElement(By.cssSelector("#upload button[type='submit']")).click();
    String name = file.getFileName().toString();
    assertThat(browser.waitFor(By.id("filed")).getText()).contains("已上传 Uploaded: " + name);
    browser.step(step + "-uploaded");
    browser.driver().close();

    browser.driver().switchTo().window(tab.tasklist);
    WebElement note = browser.waitFor(By.cssSelector(".cd-documents-refreshed"));
    browser.waiting().until(d -> note.getText().contains(name));
    assertThat(note.getText()).contains("填写的内容已保留");
  }

  private CaseDocument filed(String key, String name) {
    return documents.ofCase(key).stream()
        .filter(d -> d.fileName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not filed in " + key));
  }

  private EvidenceRecord recordOf(String key, String element) {
    return ledger.records(key).stream()
        .filter(r -> element.equals(r.elementId()) && r.taskId() != null)
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no record of " + element + " in " + key));
  }

  private Path file(String name, byte[] content) {
    try {
      return Files.write(files.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
