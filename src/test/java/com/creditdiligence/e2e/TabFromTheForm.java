package com.creditdiligence.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A page a form links to (the case's documents, its brief), opened as the form opens it: in a tab of its own beside
 * Tasklist's, which keeps the half-filled form.
 */
final class TabFromTheForm {

  /** Tasklist's tab, holding the form. */
  final String tasklist;

  /** The linked page's tab, now the one the browser shows. */
  final String page;

  private TabFromTheForm(String tasklist, String page) {
    this.tasklist = tasklist;
    this.page = page;
  }

  /** The case's documents page, from the open form's «上传与查看本案资料» link. */
  static TabFromTheForm documents(Browser browser, String key) {
    return open(browser, "/cases/" + key + "/documents", "上传与查看本案资料");
  }

  /**
   * Clicks the open form's link whose address ends with {@code addressEnd} and whose text says {@code linkText}, and
   * switches to the tab it opens.
   */
  static TabFromTheForm open(Browser browser, String addressEnd, String linkText) {
    String tasklistTab = browser.driver().getWindowHandle();
    Set<String> before = new HashSet<>(browser.driver().getWindowHandles());
    WebElement link =
        browser.waitForClickable(By.cssSelector(".fjs-container a[href$='" + addressEnd + "']"));
    assertThat(link.getText()).contains(linkText);
    link.click();
    browser.waiting().until(d -> d.getWindowHandles().size() > before.size());
    String pageTab =
        browser.driver().getWindowHandles().stream()
            .filter(h -> !before.contains(h))
            .findFirst()
            .orElseThrow();
    browser.driver().switchTo().window(pageTab);
    return new TabFromTheForm(tasklistTab, pageTab);
  }
}
