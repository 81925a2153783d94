package com.creditdiligence.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the engine's REST APIs answer for the errors that are not the server's, and what they never show. */
class EngineRestErrorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "SQLState {0}: a lost race")
  @ValueSource(strings = {"HYT00", "40001", "40P01", "55P03", "90131"})
  void aClaimThatWaitedTooLongForTheOtherIsAConflict(String sqlState) {
    ProcessEngineException wrapped =
        new ProcessEngineException(
            "ENGINE-03004 Exception while executing Database " + "Operation 'UPDATE TaskEntity'",
            new SQLException("Timeout trying to lock table", sqlState));

    assertThat(new EngineRestErrors.Engine().toResponse(wrapped).getStatus()).isEqualTo(409);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Cannot convert value 'abc' of type 'Long' to java type java.lang.Long | Cannot convert value 'abc' of type 'Long' to java type Long",
        "Cannot submit task form t1: ENGINE-17007 Cannot set variable with name x | Cannot submit task form t1: Cannot set variable with name x",
        "Cannot submit task form 84cec84b-0d1e: 提交未被接受 Submission refused — 营业执照 | 提交未被接受 Submission refused — 营业执照",
        "Cannot deserialize value of type `org.camunda.bpm.engine.rest.dto.VariableValueDto` from Array value |",
        "Cannot invoke \"org.camunda.bpm.engine.rest.dto.task.CompleteTaskDto.getVariables()\" because \"dto\" is null |",
        "PreparedStatementCallback; SQL [INSERT INTO case_file (business_key) VALUES (?)] |",
        "java.lang.NullPointerException |"
      })
  void aMessageKeepsWhatIsWrongAndLosesTheInternals(String message, String kept) {
    assertThat(EngineRestProblems.clean(message)).isEqualTo(kept);
  }

  @Test
  void aParsersPositionReportIsNotShown() {
    assertThat(
            EngineRestProblems.clean(
                "Unexpected character ('}')\n at [Source: REDACTED; line: 1, column: 7]"))
        .isEqualTo("Unexpected character ('}')");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"x\":{\"value\":\"a\",\"type\":\"NoSuchType\"}}",
        "{\"x\":{\"value\":{\"a\":1}}}",
        "{\"x\":{\"value\":\"AAEC\",\"type\":\"Bytes\"}}",
        "{\"x\":{\"value\":\"<a/>\",\"type\":\"Xml\"}}",
        "{\"x\":{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":{\"serializationDataFormat\":\"application/json\"}}}",
        "{\"x\":{\"value\":\"[1,\",\"type\":\"Json\"}}",
        "{\"x\":{\"value\":[1],\"type\":\"Json\"}}",
        "{\"x\":{\"value\":\"a\",\"type\":\"\"}}",
        "{\"x\":\"a\"}",
        "{\"x\":{\"value\":\"a\",\"valueInfo\":7}}",
        "[]"
      })
  void variablesNoFormSubmitsAreRefusedAtTheDoor(String variables) throws Exception {
    assertThat(SubmittedVariables.unreadable(JSON.readTree(variables)))
        .isPresent()
        .hasValueSatisfying(refusal -> assertThat(refusal.status()).isEqualTo(400));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"x\":{\"value\":\"a\"}}",
        "{\"x\":{\"value\":12}}",
        "{\"x\":{\"value\":true}}",
        "{\"x\":{\"value\":null}}",
        "{\"x\":{\"value\":\"a\",\"type\":\"String\"}}",
        "{\"x\":{\"value\":\"a\",\"type\":\"string\"}}",
        "{\"x\":{\"value\":5,\"type\":\"Long\"}}",
        "{\"x\":{\"value\":1.5,\"type\":\"Double\"}}",
        "{\"x\":{\"value\":\"2026-01-01T00:00:00.000+0000\",\"type\":\"Date\"}}",
        "{\"x\":{\"value\":\"[\\\"a\\\"]\"," + "\"type\":\"Json\",\"valueInfo\":{}}}",
        "{\"x\":{\"value\":null,\"type\":\"Null\"}}"
      })
  void whatTasklistsFormsSubmitPasses(String variables) throws Exception {
    assertThat(SubmittedVariables.unreadable(JSON.readTree(variables))).isEmpty();
  }
}
