package com.creditdiligence.platform;

import com.creditdiligence.submission.BusinessDays;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import com.creditdiligence.submission.Submission;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
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

  /** The signed-in user on whose behalf the engine acts, or null when it acts by itself (a job, a timer). */
  public static String performer(ProcessEngineServices engine) {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** What a task's completion submits, as the rules read it: its visible variables, its performer, today. */
  public static Submission submission(DelegateTask task) {
    return new Submission(plain(task.getVariables()), performer(task.getProcessEngineServices()), today());
  }

  /** The business date by the engine's clock, which tests may move. */
  public static LocalDate today() {
    return BusinessDays.dayOf(ClockUtil.getCurrentTime().toInstant());
  }
}
