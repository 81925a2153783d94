package com.creditdiligence.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist in Chinese for a browser whose first language is Chinese: the webapp serves our config
 * (zh among its locales) and a translation with every label the English one has, so none shows as a key.
 */
@ApplicationTest
class TasklistChineseTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired Http http;

  @Test
  void tasklistOffersChineseWithEveryLabelTranslated() throws Exception {
    String config = http.get("/camunda/app/tasklist/scripts/config.js").send().body();
    JsonNode chinese = json(http.get("/camunda/app/tasklist/locales/zh.json").send().body());
    JsonNode english = json(http.get("/camunda/app/tasklist/locales/en.json").send().body());

    assertThat(config).contains("availableLocales: ['zh', 'en', 'de']", "fallbackLocale: 'en'");
    assertThat(names(chinese.path("labels")))
        .containsExactlyInAnyOrderElementsOf(names(english.path("labels")));
    assertThat(chinese.at("/labels/PAGE_LOGIN_USERNAME").asText()).isEqualTo("用户名");
    assertThat(http.get("/camunda/app/tasklist/styles/user-styles.css").send().body())
        .contains(".ce-eol-banner");
  }

  /** Camunda's own locale files start with a byte-order mark, which browsers skip. */
  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
