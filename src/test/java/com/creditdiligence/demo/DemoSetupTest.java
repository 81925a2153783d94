package com.creditdiligence.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.audit.DossierDownload;
import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.casefile.CaseStatus;
import com.creditdiligence.evidence.EvidenceLedger;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A new user finds work at once: demo cases stand at every stage, each with an intact evidence chain. */
@ApplicationTest
class DemoSetupTest {

  @Autowired CaseFiles caseFiles;
  @Autowired ProcessEngine engine;
  @Autowired EvidenceLedger ledger;
  @Autowired Http http;
  @Autowired ApplicationContext context;

  /** The embedded default creates them at start on an empty database (DemoSetup.run); the test context on demand. */
  @BeforeEach
  void demoCases() {
    DemoCases.seed(context);
  }

  @Test
  void demoCasesStandAtSeveralStages() {
    assertThat(demoCase("Suzhou Hengda").status()).isEqualTo(CaseStatus.REGISTERED);
    assertThat(demoCase("Nantong Hailian").status()).isEqualTo(CaseStatus.COMMITTEE_APPROVED);
    assertThat(demoCase("Kunshan Lianda").status()).isEqualTo(CaseStatus.IN_MONITORING);
    assertThat(demoCase("Wuxi Huatuo").status()).isEqualTo(CaseStatus.COMPENSATED);
    assertThat(demoCase("Chen (individual)").status()).isEqualTo(CaseStatus.REJECTED_AT_INTAKE);
    String voting = demoCase("Changzhou Lvyuan").businessKey();
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(voting)
                .taskDefinitionKey("Task_CommitteeVote")
                .count())
        .isEqualTo(3);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(demoCase("Taicang Gangtai").businessKey())
                .taskDefinitionKey("Task_MajorEventInvestigation")
                .taskAssignee("manager1")
                .count())
        .isOne();
    caseFiles.all().stream()
        .filter(f -> f.applicantName().matches(".*[A-Za-z]{3,}.*"))
        .forEach(
            f ->
                assertThat(ledger.verify(f.businessKey()).isIntact()).as(f.businessKey()).isTrue());
  }

  /**
   * «A board member given only the dossier PDF of the demo compensated case can tell who approved it, on what report,
   * what went wrong, what was decided and why»: the demo case went through the whole review, and its PDF's text says so.
   */
  @Test
  void theDemoCompensatedCasesDossierTellsWhoApprovedOnWhatReportWhatWentWrongWhatWasDecidedAndWhy()
      throws Exception {
    String key = demoCase("Wuxi Huatuo").businessKey();
    // Compared without white space: a table cell may wrap a sentence anywhere.
    String text = DossierDownload.pdfText(http, "auditor1", key).replaceAll("\\s+", "");
    // Who approved it: the committee's decision and each member's named vote.
    assertThat(text).contains(dense("委员会决议 Committee decision 通过 Approved", "同意 3 票"));
    for (String member : List.of("committee1", "committee2", "committee3")) {
      assertThat(text).contains(dense(name(member) + " (" + member + ")"));
    }
    // On what report: the analysis and evaluation as its form asked it, with its recommendation.
    assertThat(text).contains(dense("分析与评价 Analysis and evaluation", "现金流覆盖充分,抵押足值"));
    // What went wrong: the loss, and the auditor's confirmed finding of late preservation measures.
    assertThat(text)
        .contains(
            dense(
                "2,000,000 元(200 万元)",
                "已代偿 Compensated",
                "逾期完成",
                "§27(五)",
                "已确认 Confirmed",
                "台账显示预警信号收到四天后方采取保全措施"));
    // What was decided and why: the statement, the first determination, the appeal and its
    // decision, with clauses.
    assertThat(text)
        .contains(
            dense(
                "收到预警后当日即电话联系反担保人",
                "首次认定 First determination",
                "可减免 Reducible",
                "保全措施超过三日期限",
                "反担保人失联非本人原因",
                "申诉复核 On appeal",
                "电话联系不构成第二十一条的保全措施",
                name("board1") + " (board1)",
                name("board2") + " (board2)"));
    assertThat(text).doesNotContain(dense("尚未认定 Not yet determined"));
    assertThat(ledger.verify(key).isIntact()).isTrue();
  }

  private static String[] dense(String... expected) {
    return java.util.Arrays.stream(expected)
        .map(e -> e.replaceAll("\\s+", ""))
        .toArray(String[]::new);
  }

  private static String dense(String expected) {
    return expected.replaceAll("\\s+", "");
  }

  private String name(String userId) {
    User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
    return user.getLastName().matches("^[A-Za-z].*")
        ? user.getFirstName() + " " + user.getLastName()
        : user.getFirstName() + user.getLastName();
  }

  private CaseFile demoCase(String applicant) {
    return caseFiles.all().stream()
        .filter(f -> f.applicantName().contains(applicant))
        .findFirst()
        .orElseThrow();
  }
}
