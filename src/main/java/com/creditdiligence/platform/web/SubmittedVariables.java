package com.creditdiligence.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The variables of a submission, as the engine's REST API would read them, checked before it does: each an
 * object {@code {"value": …, "type": …, "valueInfo": {…}}} of a type the forms submit. Tasklist's Camunda Forms
 * send a field's value untyped (text, a number, a boolean) or typed as the variable it finds — String, Boolean,
 * Long, Double, Date, Json for checklists, Null — so nothing else is accepted: not a serialized Java object, a
 * file, bytes, XML (no data format is installed for it) or a type the engine does not know, which it would
 * answer with a 500 or, worse, store.
 */
final class SubmittedVariables {

  /** Camunda's own type names, which it reads with the first letter in either case. */
  static final Set<String> TYPES =
      Set.of("string", "boolean", "short", "integer", "long", "double", "date", "json", "null");

  /**
   * An administrator editing a variable in Cockpit may also set objects (as JSON), bytes and files — never a
   * serialized Java object, which the engine refuses to read (with a 500), nor Xml, for which no data format is
   * installed.
   */
  static final Set<String> ADMINISTRATOR_TYPES =
      Set.of(
          "string", "boolean", "short", "integer", "long", "double", "date", "json", "null",
          "object", "bytes", "file");

  private static final String JAVA_SERIALIZATION = "application/x-java-serialized-object";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SubmittedVariables() {}

  /** A submission's variables: only what the forms submit. */
  static Optional<EngineDoor.Refusal> unreadable(JsonNode variables) {
    return unreadable(variables, TYPES);
  }

  /** One variable an administrator writes (PUT …/variables/{name}). */
  static Optional<EngineDoor.Refusal> unreadableWrite(String name, JsonNode variable) {
    return fault(variable, ADMINISTRATOR_TYPES).flatMap(fault -> refusal(Map.of(name, fault)));
  }

  static Optional<EngineDoor.Refusal> unreadable(JsonNode variables, Set<String> types) {
    if (variables.isMissingNode() || variables.isNull()) {
      return Optional.empty();
    }
    if (!variables.isObject()) {
      return refusal(Map.of("variables", "应为JSON对象 must be a JSON object"));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = variables.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      fault(field.getValue(), types).ifPresent(fault -> errors.put(field.getKey(), fault));
    }
    return errors.isEmpty() ? Optional.empty() : refusal(errors);
  }

  private static Optional<String> fault(JsonNode variable, Set<String> types) {
    if (!variable.isObject()) {
      return Optional.of(
          "应为 {\"value\": …, \"type\": …} must be an object {\"value\": …, \"type\": …}");
    }
    JsonNode value = variable.path("value");
    JsonNode type = variable.path("type");
    if (!variable.path("valueInfo").isMissingNode()
        && !variable.path("valueInfo").isObject()
        && !variable.path("valueInfo").isNull()) {
      return Optional.of("valueInfo 应为JSON对象 valueInfo must be a JSON object");
    }
    if (type.isMissingNode() || type.isNull()) {
      // Untyped, the engine guesses a type from the value: for an object or a list that is a
      // serialized Java object.
      return value.isContainerNode()
          ? Optional.of(
              "未指明类型的值只能是文字、数字或是非 An untyped value must be text, a " + "number or a boolean")
          : Optional.empty();
    }
    if (!type.isTextual() || !types.contains(camundaName(type.asText()))) {
      return Optional.of(
          "不接受此变量类型 This variable type is not accepted"
              + (type.isTextual() && type.asText().matches("[A-Za-z]{1,20}")
                  ? ": " + type.asText()
                  : "")
              + " (String, Boolean, Integer, Long, Double, Date, "
              + "Json, Null)");
    }
    if (JAVA_SERIALIZATION.equals(
        variable.path("valueInfo").path("serializationDataFormat").asText(""))) {
      return Optional.of("不接受Java序列化的对象 A serialized Java object is not accepted");
    }
    if (camundaName(type.asText()).equals("json") && !value.isNull() && !value.isMissingNode()) {
      if (!value.isTextual()) {
        return Optional.of("Json 变量的值应为JSON文本 A Json variable's value must be JSON as text");
      }
      try {
        JSON.readTree(value.asText());
      } catch (JsonProcessingException notJson) {
        return Optional.of("不是有效的JSON(或嵌套过深) is not valid JSON, or is nested too deeply");
      }
    }
    return Optional.empty();
  }

  /** As the engine reads a type's name (VariableValueDto.fromRestApiTypeName): the first letter in lower case. */
  private static String camundaName(String type) {
    return type.isEmpty()
        ? type
        : type.substring(0, 1).toLowerCase(Locale.ROOT) + type.substring(1);
  }

  private static Optional<EngineDoor.Refusal> refusal(Map<String, String> errors) {
    return Optional.of(
        new EngineDoor.Refusal(
            400,
            "提交的变量无法读取,未予接受 Variables of the submission cannot be read "
                + "and were not accepted: "
                + String.join(", ", errors.keySet())
                + " — "
                + String.join("; ", errors.values()),
            errors));
  }
}
