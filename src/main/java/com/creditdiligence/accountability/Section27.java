package com.creditdiligence.accountability;

import java.util.Map;

/**
 * The items of §27, each with its short bilingual title, so that a clause a board member may cite reads
 * as what it means («§27(五) 未及时采取保全措施 …»), not only as its number.
 */
public final class Section27 {

  private static final Map<String, String> TITLES =
      Map.of(
          "§27(一)", "虚假记载、误导性陈述或重大疏漏 False records, misleading statements or major omissions",
          "§27(二)", "未认真全面核实客户资料 Customer documents not verified thoroughly",
          "§27(三)", "未按规定进行担保后检查 Post-guarantee checks not made as required",
          "§27(四)", "重大变化未及时实地调查 No timely on-site investigation of a major change",
          "§27(五)", "未根据预警信号及时采取保全措施 No timely preservation measures on a warning signal",
          "§27(六)", "故意隐瞒真实情况 Deliberate concealment of the facts",
          "§27(七)", "其他 Other");

  private Section27() {}

  /** «§27(五) 未根据预警信号… No timely…»; a clause not in §27 as it is. */
  public static String label(String clause) {
    String title = TITLES.get(clause);
    return title == null ? clause : clause + " " + title;
  }
}
