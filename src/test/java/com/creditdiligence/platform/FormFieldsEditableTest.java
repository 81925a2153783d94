package com.creditdiligence.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * What the engine's doors let a user submit on a step: a field the form lets them type into. A field that only shows a
 * value — disabled, read-only, or read-only on a condition the server cannot see — is not the user's to write.
 */
class FormFieldsEditableTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aPlainFieldIsEditable() throws Exception {
    assertThat(FormFields.editable(field("{\"key\": \"amount\"}"))).isTrue();
    assertThat(
            FormFields.editable(
                field("{\"key\": \"amount\", \"disabled\": false, \"readonly\": false}")))
        .isTrue();
  }

  @Test
  void aDisabledFieldIsNotEditable() throws Exception {
    assertThat(FormFields.editable(field("{\"key\": \"revenueLastYear\", \"disabled\": true}")))
        .isFalse();
  }

  @Test
  void aReadOnlyFieldIsNotEditable() throws Exception {
    assertThat(FormFields.editable(field("{\"key\": \"revenueLastYear\", \"readonly\": true}")))
        .isFalse();
  }

  @Test
  void aFieldReadOnlyOnAConditionIsNotEditable() throws Exception {
    assertThat(
            FormFields.editable(
                field(
                    "{\"key\": \"revenueLastYear\", \"readonly\": \"=revenueLastYear != null\"}")))
        .isFalse();
  }

  private static JsonNode field(String json) throws Exception {
    return JSON.readTree(json);
  }
}
