package com.creditdiligence.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;

/** Turns engine variable values into the plain Java values the domain rules read. */
public final class EngineValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EngineValues() {
  }

  public static Map<String, Object> plain(Map<String, Object> variables) {
    Map<String, Object> plain = new LinkedHashMap<>();
    variables.forEach((name, value) -> plain.put(name, plain(value)));
    return plain;
  }

  /** Checklists arrive from Camunda Forms as Spin JSON; dates may be java.util.Date. */
  public static Object plain(Object value) {
    if (value instanceof SpinJsonNode json) {
      try {
        return JSON.readValue(json.toString(), Object.class);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("Unreadable JSON variable: " + e.getOriginalMessage(), e);
      }
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
    return value;
  }

  /** The business date by the engine's clock, which tests may move. */
  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }
}
