package com.creditdiligence.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Camunda Tasklist 7.24 as a user sees it (in Chinese): login, the task list, a task's form, start forms. */
final class Tasklist {

  static final String HOME = "/camunda/app/tasklist/default/";

  private final Browser browser;

  Tasklist(Browser browser) {
    this.browser = browser;
  }

  void signIn(String user) {
    browser.forgetSession();
    browser.go(HOME + "#/login");
    By username = By.cssSelector("input[ng-model='username']");
    By password = By.cssSelector("input[ng-model='password']");
    browser.waitFor(username);
    // The login view moves the focus to the user name while it settles: keys meant for the password
    // field have
    // landed there ("manager1demo"). Type until both fields hold what was typed.
    browser
        .waiting()
        .until(
            d -> {
              WebElement name = d.findElement(username);
              WebElement secret = d.findElement(password);
              if (user.equals(name.getAttribute("value"))
                  && "demo".equals(secret.getAttribute("value"))) {
                return true;
              }
              name.clear();
              name.sendKeys(user);
              secret.clear();
              secret.sendKeys("demo");
              return false;
            });
    browser
        .driver()
        .findElement(By.cssSelector("form[name='signinForm'] button[type='submit']"))
        .click();
    browser.waitFor(By.cssSelector(".tasks-list"));
  }

  /** Waits until a task of the list shows all of the given texts (its name, the case number, the applicant...). */
  void waitForListedTask(String... texts) {
    browser.waitFor(listedTask(texts));
  }

  /**
   * Opens the listed task showing all the given texts, as a user clicks its name. Tasklist redraws its
   * list whenever it refreshes, so the row is found afresh until the click lands.
   */
  CamundaForm openListedTask(String... texts) {
    browser
        .waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(listedTask(texts)).findElement(By.cssSelector("h4.task a")).click();
              return true;
            });
    return waitForForm();
  }

  private static By listedTask(String... texts) {
    StringBuilder condition = new StringBuilder("//li[contains(@class,'task')]");
    for (String text : texts) {
      condition.append("[contains(normalize-space(.), ").append(xpathLiteral(text)).append(")]");
    }
    return By.xpath(condition.toString());
  }

  /**
   * When the listed task showing all the given texts was created, as Tasklist says it on pointing at «创建»: its
   * tooltip, in the browser's zone and Tasklist's long date format («2026年12月2日星期三 02:30»).
   */
  String listedTaskCreated(String... texts) {
    return browser
        .waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              String shown =
                  d.findElement(listedTask(texts))
                      .findElement(By.cssSelector(".creation-date [uib-tooltip]"))
                      .getAttribute("uib-tooltip");
              return shown == null || shown.isBlank() || shown.contains("{{") ? null : shown;
            });
  }

  /** The names of the filters in the list at the left, as shown. */
  List<String> filterNames() {
    browser.waitFor(By.cssSelector(".task-filters .task-filter h4.name"));
    return browser
        .driver()
        .findElements(By.cssSelector(".task-filters .task-filter h4.name a"))
        .stream()
        .map(link -> link.getText().replaceAll("\\s*\\d+$", "").strip())
        .toList();
  }

  /** Clicks a filter of the list at the left by (the start of) its name: the task list shows its tasks. */
  void chooseFilter(String name) {
    browser
        .waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(
                      By.xpath(
                          "//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[starts-with(normalize-space(.), "
                              + xpathLiteral(name)
                              + ")]"))
                  .click();
              return true;
            });
    browser.waitFor(
        By.xpath(
            "//div[contains(@class,'task-filter') and contains(@class,'active')]//h4/a[starts-with(normalize-space(.), "
                + xpathLiteral(name)
                + ")]"));
  }

  /**
   * Narrows the list of the chosen filter to one case, as a user looks a case up by its number: in Tasklist's
   * search box («筛选任务») they type «业务键», pick «流程实例业务键» from the criteria offered, type the case number
   * and press Enter. The list then shows that case's tasks alone, however many other tasks the filter holds.
   */
  void searchCase(String caseKey) {
    clearSearch();
    WebElement search =
        browser.waitForClickable(
            By.cssSelector("[cam-widget-search] .search-container input.main-field"));
    search.click();
    search.sendKeys("业务键");
    browser
        .waitForClickable(
            By.xpath(
                "//li[contains(@class,'uib-typeahead-match')]//a[normalize-space(.)='流程实例业务键']"))
        .click();
    WebElement value =
        browser.waitFor(
            By.cssSelector("[cam-widget-search] [cam-widget-search-pill] .value-field input"));
    value.sendKeys(caseKey, Keys.ENTER);
    // Only this case's tasks are left: every row shows its number.
    browser
        .waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              List<WebElement> rows = d.findElements(By.cssSelector(".tasks-list li.task"));
              return !rows.isEmpty()
                  && rows.stream().allMatch(row -> row.getText().contains(caseKey));
            });
  }

  /** Removes the criteria of an earlier search (each pill's «×»): the list shows the whole filter again. */
  void clearSearch() {
    By remove = By.cssSelector("[cam-widget-search] [cam-widget-search-pill] .remove-search");
    browser
        .waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              List<WebElement> pills = d.findElements(remove);
              if (pills.isEmpty()) {
                return true;
              }
              pills.get(0).click();
              return false;
            });
  }

  /** Opens a task by its id, as a link from the list or a shared URL does, and waits for its form. */
  CamundaForm openTask(String taskId) {
    // Within Tasklist only the address's fragment changes: Tasklist follows it without reloading,
    // and
    // replaces the form shown before, which must be gone before the new one counts as open.
    List<WebElement> shownBefore = browser.driver().findElements(By.cssSelector(".fjs-container"));
    browser.go(HOME + "#/?task=" + taskId);
    shownBefore.forEach(form -> browser.waiting().until(ExpectedConditions.stalenessOf(form)));
    return waitForForm();
  }

  /** Claims the open task (a group's task must be claimed before its form can be completed). */
  void claim() {
    browser.waitForClickable(By.cssSelector(".task-details .claim")).click();
    browser.waitFor(By.cssSelector(".task-details .unclaim"));
  }

  /** «发起流程 Start process» → the process by its displayed name → its start form. */
  CamundaForm openStartForm(String processName) {
    browser.waitForClickable(By.xpath("//a[normalize-space(.)='发起流程']")).click();
    browser
        .waitForClickable(
            By.xpath(
                "//ul[@class='processes']//a[contains(normalize-space(.), "
                    + xpathLiteral(processName)
                    + ")]"))
        .click();
    return waitForForm();
  }

  /** «关闭 Close» of the start-process dialog, leaving the form unsubmitted. */
  void closeStartForm() {
    browser
        .waitForClickable(
            By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='关闭']"))
        .click();
    browser
        .waiting()
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
  }

  /** «完成 Complete» of a task form. */
  private static final By COMPLETE =
      By.xpath("//*[contains(@class,'task-details')]//button[normalize-space(.)='完成']");

  void complete() {
    browser.waitForClickable(COMPLETE).click();
  }

  /** Whether «完成» may be pressed: Tasklist greys it out while the form's own validation fails. */
  boolean completeEnabled() {
    return browser.waitFor(COMPLETE).isEnabled();
  }

  /** «发起 Start» of a start form. */
  void start() {
    browser
        .waitForClickable(
            By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='发起']"))
        .click();
    browser
        .waiting()
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
  }

  /** Waits until the open task has gone from the detail pane (completed and no longer the user's). */
  void waitUntilTaskClosed() {
    browser
        .waiting()
        .until(
            ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector(".task-details .fjs-container")));
  }

  /** The message of the red notification Tasklist shows when the server refuses a form. */
  String refusal() {
    return browser.waitFor(By.cssSelector(".notifications .alert-danger .message")).getText();
  }

  /** Closes the notifications, as a user does after reading them (they cover the form's buttons). */
  void dismissNotifications() {
    for (WebElement close :
        browser.driver().findElements(By.cssSelector(".notifications .alert button.close"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    browser
        .waiting()
        .until(
            ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector(".notifications .alert")));
  }

  private CamundaForm waitForForm() {
    browser.waitFor(By.cssSelector(".fjs-container .fjs-form"));
    // form-js renders the whole form at once; the labels are there when the first one is.
    browser.waitFor(By.cssSelector(".fjs-container .fjs-form-field"));
    return new CamundaForm(browser);
  }

  static String xpathLiteral(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
