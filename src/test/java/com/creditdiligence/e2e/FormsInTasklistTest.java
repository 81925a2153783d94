package com.creditdiligence.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.accountability.ReviewStore;
import com.creditdiligence.e2e.FormGallery.FormOnScreen;
import com.creditdiligence.events.CaseEvents;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every Camunda form, opened in the real Tasklist by the user it is for, renders with its labels in
 * Chinese first and English after. One screenshot per form in {@code target/e2e/forms/screenshots/}.
 */
@ApplicationTest
@Tag("e2e")
class FormsInTasklistTest {

  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  private static final Pattern LATIN = Pattern.compile("[A-Za-z]");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired CaseEvents events;
  @Autowired ReviewStore reviews;

  @Test
  void everyFormRendersInTasklistWithItsLabelsInChineseThenEnglish() {
    List<FormOnScreen> gallery =
        new ArrayList<>(new FormGallery(engine, events, reviews).prepare());
    // One login per user: a user's forms one after the other.
    gallery.sort(Comparator.comparing(FormOnScreen::user));
    List<String> notBilingual = new ArrayList<>();
    List<String> englishInAChineseForm = new ArrayList<>();

    try (Browser browser = Browser.open("http://localhost:" + port, "forms")) {
      Tasklist tasklist = new Tasklist(browser);
      String signedIn = null;
      for (FormOnScreen screen : gallery) {
        if (!screen.user().equals(signedIn)) {
          tasklist.signIn(screen.user());
          signedIn = screen.user();
        }
        CamundaForm form =
            screen.isStartForm()
                ? tasklist.openStartForm(screen.processName())
                : openFromTheList(tasklist, screen);
        if (screen.claimFirst()) {
          tasklist.claim();
        }
        List<String> labels = form.labels();
        assertThat(labels).as("labels of %s", screen.formId()).isNotEmpty();
        List<String> texts = new ArrayList<>(labels);
        texts.add(form.title());
        texts.stream()
            .filter(text -> !chineseThenEnglish(text))
            .map(text -> screen.formId() + ": «" + text + "»")
            .forEach(notBilingual::add);
        formJsEnglish(browser).stream()
            .map(text -> screen.formId() + ": «" + text + "»")
            .forEach(englishInAChineseForm::add);
        browser.stepShowingAll(screen.formId(), ".fjs-container");
        if (screen.isStartForm()) {
          tasklist.closeStartForm();
        }
      }
    }
    assertThat(notBilingual).as("labels not in Chinese followed by English").isEmpty();
    assertThat(englishInAChineseForm)
        .as("form-js's own texts left in English in a Chinese browser")
        .isEmpty();
  }

  /**
   * Opens the screen's task as its user finds it: in «我的任务» if it is theirs, in «待我处理» if it is offered to them
   * (or their group), the case looked up by its number and the task picked by its name.
   */
  private static CamundaForm openFromTheList(Tasklist tasklist, FormOnScreen screen) {
    tasklist.chooseFilter(screen.claimFirst() ? "待我处理 Offered to me" : "我的任务 My tasks");
    tasklist.searchCase(screen.caseKey());
    return tasklist.openListedTask(screen.taskName(), screen.caseKey());
  }

  /**
   * What form-js itself writes in the open form, outside our labels, descriptions, options and text views, that is
   * English alone (Latin letters, no Chinese): its messages, placeholders, buttons, and the aria-labels and titles a
   * screen reader or a pointer shows.
   */
  @SuppressWarnings("unchecked")
  static List<String> formJsEnglish(Browser browser) {
    return (List<String>)
        browser.script(
            """
            const ours = '.fjs-form-field-text, .fjs-form-field-label, label,'
              + ' .fjs-form-field-description, .fjs-select-display:not(.fjs-select-placeholder)';
            const english = t => /[A-Za-z]/.test(t) && !/\\p{Script=Han}/u.test(t);
            const found = new Set();
            document.querySelectorAll('.fjs-container').forEach(form => {
              const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const text = n.data.trim();
                if (text && english(text) && !n.parentElement.closest(ours)) found.add(text);
              }
              form.querySelectorAll('[placeholder], [aria-label], [title]').forEach(e => {
                for (const name of ['placeholder', 'aria-label', 'title']) {
                  const value = e.getAttribute(name);
                  if (value && english(value)) found.add(name + '=' + value);
                }
              });
            });
            return Array.from(found);
            """);
  }

  /** «尽职调查 Due-diligence investigation»: Chinese first, then English. */
  static boolean chineseThenEnglish(String text) {
    Matcher chinese = CHINESE.matcher(text);
    Matcher latin = LATIN.matcher(text);
    return chinese.find() && latin.find() && chinese.start() < latin.start();
  }
}
