package com.creditdiligence.casefile;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The guarantee products of §2 and 附录三, by the codes the forms and decision tables use. */
public enum Product {
  workingCapitalLoan("流动资金贷款担保 Working-capital loan guarantee"),
  projectFinancing("项目融资担保 Project financing guarantee"),
  letterOfCredit("信用证担保 Letter-of-credit guarantee"),
  billAcceptance("票据承兑担保 Bill acceptance guarantee"),
  equipmentFinancing("设备采购融资担保 Equipment purchase financing guarantee"),
  mediumLongTermCredit("中长期授信担保 Medium/long-term credit guarantee");

  public static final Set<String> CODES =
      Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

  private final String label;

  Product(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<Product> fromCode(String code) {
    return Arrays.stream(values()).filter(p -> p.name().equals(code)).findFirst();
  }
}
