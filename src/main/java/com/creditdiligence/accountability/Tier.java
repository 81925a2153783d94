package com.creditdiligence.accountability;

import java.util.Arrays;
import java.util.Optional;

/** The three outcomes of 金规〔2024〕11号, from lightest to heaviest: the order is what an appeal may not climb. */
public enum Tier {
  EXEMPT("exempt", "应免责 Exempt"),
  REDUCIBLE("reducible", "可减免 Reducible"),
  NOT_EXEMPT("notExempt", "不得免责 Not exempt");

  private final String code;
  private final String label;

  Tier(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The value forms and decision tables use. */
  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Optional<Tier> ofCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }

  /** True when this outcome is heavier than the other: what an appeal decision must never be. */
  public boolean heavierThan(Tier other) {
    return compareTo(other) > 0;
  }
}
