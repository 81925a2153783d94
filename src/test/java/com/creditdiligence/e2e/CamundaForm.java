package com.creditdiligence.e2e;

import static com.creditdiligence.e2e.Tasklist.xpathLiteral;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A Camunda Form (form-js) rendered in Tasklist, filled the way a user does: typing, picking from the
 * dropdown, ticking boxes. Fields are found by their component id, which form-js puts at the end of
 * the input's DOM id ({@code fjs-form-<random>-Field_amount}).
 */
final class CamundaForm {

  private final Browser browser;

  CamundaForm(Browser browser) {
    this.browser = browser;
  }

  /** Every field label and group title the form shows, in order. */
  List<String> labels() {
    return browser
        .driver()
        .findElements(By.cssSelector(".fjs-container .fjs-form-field-label"))
        .stream()
        .map(WebElement::getText)
        .map(String::strip)
        .filter(label -> !label.isEmpty())
        .toList();
  }

  /** The form's title: the heading of its first text block. */
  String title() {
    return browser
        .driver()
        .findElement(By.cssSelector(".fjs-container h1, .fjs-container h2, .fjs-container h3"))
        .getText();
  }

  /**
   * Types into a text, number or text-area field, then leaves it: form-js takes a typed value after a
   * short debounce or on blur, and a value still pending when another field changes can be lost.
   */
  CamundaForm type(String componentId, Object value) {
    WebElement input = field(componentId);
    input.clear();
    input.sendKeys(String.valueOf(value), Keys.TAB);
    browser.waiting().until(d -> String.valueOf(value).equals(input.getDomProperty("value")));
    return this;
  }

  /**
   * Sets a date through the field's own date picker (flatpickr), as choosing a day in its calendar
   * does: typing into it is parsed keystroke by keystroke and lands on another day.
   */
  CamundaForm date(String componentId, LocalDate value) {
    WebElement input = field(componentId + "-date");
    Object chosen =
        browser.script(
            """
        const picker = arguments[0]._flatpickr;
        picker.setDate(new Date(arguments[1], arguments[2] - 1, arguments[3]), true);
        picker.close();
        const day = picker.selectedDates[0];
        return day.getFullYear() + '-' + (day.getMonth() + 1) + '-' + day.getDate();
        """,
            input,
            value.getYear(),
            value.getMonthValue(),
            value.getDayOfMonth());
    assertThat(chosen)
        .isEqualTo(value.getYear() + "-" + value.getMonthValue() + "-" + value.getDayOfMonth());
    return this;
  }

  /** Picks an option of a select by its displayed label (the list may already be open: focus opens it). */
  CamundaForm select(String componentId, String optionLabel) {
    WebElement display = field(componentId + "-display");
    By option =
        By.xpath(
            "./ancestor::div[contains(@class,'fjs-form-field')][1]"
                + "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)="
                + xpathLiteral(optionLabel)
                + "]");
    if (display.findElements(option).isEmpty()) {
      display.click();
    }
    browser.waiting().until(d -> !display.findElements(option).isEmpty());
    display.findElement(option).click();
    browser.waiting().until(d -> optionLabel.equals(display.getText().strip()));
    return this;
  }

  /**
   * Ticks a checkbox, or an option of a checklist or radio group, by its displayed label: the input inside the label
   * (form-js 1.8, Camunda's Tasklist) or the one the label is for (the later form-js of Operaton's Tasklist).
   */
  CamundaForm tick(String optionLabel) {
    String label =
        "//div[contains(@class,'fjs-container')]//label[normalize-space(.)="
            + xpathLiteral(optionLabel)
            + "]";
    WebElement box =
        browser.waitFor(
            By.xpath(
                label
                    + "/input | //div[contains(@class,'fjs-container')]//input[@id="
                    + label
                    + "/@for]"));
    browser.script("arguments[0].scrollIntoView({block: 'center'})", box);
    if (!box.isSelected()) {
      box.click();
    }
    browser.waiting().until(d -> box.isSelected());
    return this;
  }

  /**
   * Ticks the document of that name in the form's «本步骤依据的资料» list, whose options read «name (size, uploader,
   * time)»: the option is found by the start of its label.
   */
  CamundaForm pickDocument(String fileName) {
    WebElement option =
        browser.waitFor(
            By.xpath(
                "//div[contains(@class,'fjs-container')]"
                    + "//label[starts-with(normalize-space(.), "
                    + xpathLiteral(fileName + " (")
                    + ")]"));
    WebElement box =
        option.findElements(By.tagName("input")).isEmpty()
            ? browser.driver().findElement(By.id(option.getAttribute("for")))
            : option.findElement(By.tagName("input"));
    browser.script("arguments[0].scrollIntoView({block: 'center'})", box);
    box.click();
    browser.waiting().until(d -> box.isSelected());
    return this;
  }

  /** What a field shows: the text of a read-only text area, the value of an input. */
  String value(String componentId) {
    return field(componentId).getDomProperty("value");
  }

  /** The error form-js shows under a field (once it has validated it, e.g. on «完成»). */
  String errorOf(String componentId) {
    WebElement input = field(componentId);
    return browser
        .waiting()
        .until(
            d ->
                input
                    .findElements(
                        By.xpath(
                            "./ancestor::div[contains(@class,'fjs-form-field')][1]//*[contains(@class,'fjs-form-field-error')]"))
                    .stream()
                    .map(WebElement::getText)
                    .map(String::strip)
                    .filter(text -> !text.isEmpty())
                    .findFirst()
                    .orElse(null));
  }

  private WebElement field(String idSuffix) {
    WebElement input = browser.waitFor(By.cssSelector(".fjs-container [id$='-" + idSuffix + "']"));
    browser.script("arguments[0].scrollIntoView({block: 'center'})", input);
    return input;
  }
}
