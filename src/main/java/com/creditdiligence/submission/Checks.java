package com.creditdiligence.submission;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Collects the refusals of one submission, so that a rule reads as the list of what it demands.
 * Labels are the bilingual field names the user sees in the form.
 */
public final class Checks {

  /** Below this a free-text finding says nothing a reviewer could rely on (§27(一): empty findings). */
  public static final int MIN_FINDING_LENGTH = 10;

  private final Submission submission;
  private final List<Refusal> refusals = new ArrayList<>();

  public Checks(Submission submission) {
    this.submission = submission;
  }

  public List<Refusal> refusals() {
    return List.copyOf(refusals);
  }

  public Checks refuse(String field, String message) {
    refusals.add(new Refusal(field, message));
    return this;
  }

  public Checks requireText(String key, String label) {
    if (!submission.hasText(key)) {
      refuse(key, label + " 必须填写 is required");
    }
    return this;
  }

  /** A written finding: present and long enough to say something. */
  public Checks requireFinding(String key, String label) {
    Optional<String> text = submission.text(key);
    if (text.isEmpty()) {
      refuse(key, label + " 必须填写 is required");
    } else if (text.get().codePointCount(0, text.get().length()) < MIN_FINDING_LENGTH) {
      refuse(
          key,
          label
              + " 过于简略,至少 "
              + MIN_FINDING_LENGTH
              + " 个字 is too brief to be a finding (at least "
              + MIN_FINDING_LENGTH
              + " characters)");
    } else if (saysNothing(text.get())) {
      refuse(
          key,
          label
              + " 须陈述事实,不能只是符号或同一个字的重复 must state facts, not only symbols or one character "
              + "repeated");
    }
    return this;
  }

  /**
   * A text that says nothing whatever its length: shorter than a finding, no letter at all, or one letter repeated.
   * The form's minimum length lets "——————————" through; a finding it is not.
   */
  public static boolean saysNothing(String text) {
    String stripped = text.strip();
    return stripped.codePointCount(0, stripped.length()) < MIN_FINDING_LENGTH
        || stripped.codePoints().filter(Character::isLetter).distinct().count() <= 1;
  }

  public Checks requireOneOf(String key, Set<String> allowed, String label) {
    Optional<String> value = submission.text(key);
    if (value.isEmpty()) {
      refuse(key, label + " 必须选择 must be chosen");
    } else if (!allowed.contains(value.get())) {
      refuse(key, label + " 取值无效 has an invalid value: " + value.get());
    }
    return this;
  }

  public Optional<BigDecimal> requireAmount(String key, String label, BigDecimal minimum) {
    Optional<BigDecimal> amount = submission.decimal(key);
    if (amount.isEmpty()) {
      refuse(key, label + " 必须填写数字 must be a number");
    } else if (minimum != null && amount.get().compareTo(minimum) < 0) {
      refuse(key, label + " 不得小于 must not be less than " + minimum.toPlainString());
    }
    return amount;
  }

  /** A date of something already done: present, valid, and not in the future. */
  public Optional<LocalDate> requirePastDate(String key, String label) {
    Optional<LocalDate> date = requireDate(key, label);
    if (date.isPresent() && date.get().isAfter(submission.today())) {
      refuse(key, label + " 不能晚于今天 cannot be in the future (" + date.get() + ")");
    }
    return date;
  }

  public Optional<LocalDate> requireDate(String key, String label) {
    Optional<LocalDate> date = submission.date(key);
    if (date.isEmpty()) {
      refuse(key, label + " 必须填写有效日期 must be a valid date (yyyy-MM-dd)");
    }
    return date;
  }

  public Checks requireTrue(String key, String message) {
    if (!submission.isTrue(key)) {
      refuse(key, message);
    }
    return this;
  }
}
