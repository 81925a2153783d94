package com.creditdiligence.monitoring;

import java.util.Arrays;
import java.util.Optional;

/** The five tiers of §22, best first. */
public enum RiskClass {
  normal("正常 Normal"),
  specialMention("关注 Special mention"),
  substandard("次级 Substandard"),
  doubtful("可疑 Doubtful"),
  loss("损失 Loss");

  private final String label;

  RiskClass(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** 1 (normal) to 5 (loss). */
  public int rank() {
    return ordinal() + 1;
  }

  public boolean isBetterThan(RiskClass other) {
    return rank() < other.rank();
  }

  public static Optional<RiskClass> fromCode(String code) {
    return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
  }
}
