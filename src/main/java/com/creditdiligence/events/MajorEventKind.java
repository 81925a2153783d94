package com.creditdiligence.events;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The major events of §20 (seven kinds) and the emergency of §14. */
public enum MajorEventKind {
  externalPolicyChange("外部政策变动 External policy change"),
  organisationChange("组织结构、股权或主要领导人变动 Ownership or leadership change"),
  counterGuaranteeBelowWarningLine("反担保超过警戒线 Counter-guarantee past its warning line"),
  financialCapacityChange("财务收支能力重大变化 Major change in financial capacity"),
  majorLitigation("涉及重大诉讼 Major litigation"),
  crossDefault("在其他金融机构交叉违约 Cross-default at another institution"),
  emergency("突发事件 Emergency (§14)"),
  other("其他 Other");

  public static final Set<String> CODES =
      Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

  private final String label;

  MajorEventKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
