package com.creditdiligence.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The case's documents page as a form opens it: from the form's link, in a tab of its own beside Tasklist's. */
final class DocumentsTab {

  /** Tasklist's tab, holding the form. */
  final String tasklist;

  /** The documents page's tab, now the one the browser shows. */
  final String documents;

  private DocumentsTab(String tasklist, String documents) {
    this.tasklist = tasklist;
    this.documents = documents;
  }

  /** Clicks the open form's «上传与查看本案资料» link and switches to the tab it opens. */
  static DocumentsTab openFromTheForm(Browser browser, String key) {
    String tasklistTab = browser.driver().getWindowHandle();
    Set<String> before = new HashSet<>(browser.driver().getWindowHandles());
    WebElement link =
        browser.waitForClickable(
            By.cssSelector(".fjs-container a[href$='/cases/" + key + "/documents']"));
    assertThat(link.getText()).contains("上传与查看本案资料");
    link.click();
    browser.waiting().until(d -> d.getWindowHandles().size() > before.size());
    String documentsTab =
        browser.driver().getWindowHandles().stream()
            .filter(h -> !before.contains(h))
            .findFirst()
            .orElseThrow();
    browser.driver().switchTo().window(documentsTab);
    return new DocumentsTab(tasklistTab, documentsTab);
  }
}
