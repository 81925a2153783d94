package com.creditdiligence.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The six categories of early-warning signals of 附录五 and the number of items each lists; an item
 * is named {@code <prefix><nn>}, e.g. {@code fc01} «付息或还本拖延» (the forms carry the labels).
 */
public enum WarningSignalCategory {
  clientQuality("cq", 12, "warningItemClientQuality", "客户品质 Client quality"),
  accountChanges("ac", 8, "warningItemAccountChanges", "银行账户变化 Bank account changes"),
  managementChanges("mc", 10, "warningItemManagementChanges", "管理层变化 Management changes"),
  operatingEnvironment(
      "oe", 5, "warningItemOperatingEnvironment", "业务运营环境变化 Operating environment"),
  financialCondition("fc", 12, "warningItemFinancialCondition", "财务状况变化 Financial condition"),
  other("ot", 4, "warningItemOther", "其他 Other signals");

  private final String prefix;
  private final int items;
  private final String formField;
  private final String label;

  WarningSignalCategory(String prefix, int items, String formField, String label) {
    this.prefix = prefix;
    this.items = items;
    this.formField = formField;
    this.label = label;
  }

  public boolean hasItem(String item) {
    if (item == null || !item.matches(prefix + "\\d{2}")) {
      return false;
    }
    int number = Integer.parseInt(item.substring(prefix.length()));
    return number >= 1 && number <= items;
  }

  /** The report form's select for this category's items (form-js needs one key per select). */
  public String formField() {
    return formField;
  }

  public String label() {
    return label;
  }

  public static Optional<WarningSignalCategory> fromCode(String code) {
    return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
  }
}
