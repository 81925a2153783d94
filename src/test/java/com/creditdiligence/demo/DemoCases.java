package com.creditdiligence.demo;

import com.creditdiligence.casefile.CaseFiles;
import org.springframework.context.ApplicationContext;

/**
 * The demo cases, for the tests that read them: the test context starts without them
 * ({@code credit-diligence.demo.cases=false}), and the first test that asks creates them, once per context.
 */
public final class DemoCases {

  /** An applicant only the demo creates: its case present means the demo cases are. */
  private static final String MARK = "Suzhou Hengda";

  private DemoCases() {}

  public static synchronized void seed(ApplicationContext context) {
    CaseFiles caseFiles = context.getBean(CaseFiles.class);
    if (caseFiles.all().stream().noneMatch(f -> f.applicantName().contains(MARK))) {
      context.getBean(DemoSetup.class).createCases();
    }
  }
}
