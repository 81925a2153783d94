package com.creditdiligence.audit;

import com.creditdiligence.brief.FormLayout;
import com.creditdiligence.submission.BusinessTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * How the dossier's template words its content for people: times in the business zone, amounts in 元 with their
 * thousands grouped (and in 万元), codes by their Chinese (and English) names, users by their names, steps by the
 * names the model gives them. Where no name is known the code is shown as it is, never hidden.
 */
public final class DossierText {

  private final BusinessTime time;
  private final MessageSource messages;
  private final Map<String, String> people;
  private final Map<String, String> stepNames;

  DossierText(BusinessTime time, MessageSource messages, Dossier dossier) {
    this.time = time;
    this.messages = messages;
    this.people = dossier.people();
    this.stepNames = dossier.stepNames();
  }

  /** «2026-12-02 18:57:03» in the business zone; the zone is said once per table by {@link #zone()}. */
  public String time(Instant at) {
    return at == null ? "—" : time.shown(at);
  }

  public String timeWithZone(Instant at) {
    return at == null ? "—" : time.shownWithZone(at);
  }

  /** «北京时间 Beijing time (UTC+08:00)». */
  public String zone() {
    return time.label();
  }

  /** 5000000 → «5,000,000 元(500 万元)». */
  public static String yuan(BigDecimal amount) {
    if (amount == null) {
      return "—";
    }
    String exact = FormLayout.grouped(amount) + " 元";
    if (amount.abs().compareTo(BigDecimal.valueOf(10_000)) < 0) {
      return exact;
    }
    BigDecimal wan =
        amount.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP).stripTrailingZeros();
    return exact + "(" + FormLayout.grouped(wan) + " 万元)";
  }

  /** The name of a code of a kind ({@code record}, {@code duty}, {@code fact.status}, …), or the code itself. */
  public String name(String kind, Object code) {
    if (code == null) {
      return "—";
    }
    String key = kind + "." + code;
    return messages.getMessage(key, null, code.toString(), Locale.SIMPLIFIED_CHINESE);
  }

  /** «王经理一 (manager1)», or the id alone for a user without a name; «系统 System» for the engine. */
  public String person(String userId) {
    if (userId == null) {
      return "系统 System";
    }
    String name = people.get(userId);
    return name == null ? userId : name + " (" + userId + ")";
  }

  public String persons(java.util.Collection<String> userIds) {
    return String.join("、", userIds.stream().map(this::person).toList());
  }

  /** The step as the model names it («签订合同 Sign contracts»), or its id where the model gives no name. */
  public String step(String elementId) {
    if (elementId == null) {
      return "—";
    }
    return stepNames.getOrDefault(elementId, elementId);
  }

  /** Whether any manager under review has a ground to show. */
  public static boolean anyGrounds(Map<String, ? extends List<?>> grounds) {
    return grounds.values().stream().anyMatch(list -> !list.isEmpty());
  }

  /** «#3, #4», or «—». */
  public static String records(List<Integer> evidence) {
    return evidence == null || evidence.isEmpty()
        ? "—"
        : "#" + String.join(", #", evidence.stream().map(String::valueOf).toList());
  }
}
