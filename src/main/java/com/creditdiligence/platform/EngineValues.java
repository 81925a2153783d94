package com.creditdiligence.platform;

import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Submission;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.json.SpinJsonNode;

/** Turns engine variable values into the plain Java values the domain rules read. */
public final class EngineValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EngineValues() {}

  public static Map<String, Object> plain(Map<String, Object> variables, ZoneId businessZone) {
    Map<String, Object> plain = new LinkedHashMap<>();
    variables.forEach((name, value) -> plain.put(name, plain(value, businessZone)));
    return plain;
  }

  /**
   * Checklists arrive from Camunda Forms as Spin JSON; dates may be java.util.Date, an instant, read as the day it
   * falls on in the business zone (a due date set as the end of a business day stays that day).
   */
  public static Object plain(Object value, ZoneId businessZone) {
    if (value instanceof SpinJsonNode json) {
      try {
        return JSON.readValue(json.toString(), Object.class);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "Unreadable JSON variable: " + e.getOriginalMessage(), e);
      }
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(businessZone).toLocalDate();
    }
    return value;
  }

  /** The signed-in user on whose behalf the engine acts, or null when it acts by itself (a job, a timer). */
  public static String performer(ProcessEngineServices engine) {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** The day it is by the engine's clock in a zone: for what has no {@link BusinessTime} at hand (the demo's data). */
  public static java.time.LocalDate today(ZoneId zone) {
    return java.time.LocalDate.now(EngineClock.utc().withZone(zone));
  }

  /** What a task's completion submits, as the rules read it: its visible variables, its performer, the business day. */
  public static Submission submission(DelegateTask task, BusinessTime businessTime) {
    return new Submission(
        plain(task.getVariables(), businessTime.zone()),
        performer(task.getProcessEngineServices()),
        businessTime.today());
  }
}
