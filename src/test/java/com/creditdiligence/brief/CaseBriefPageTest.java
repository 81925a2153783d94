package com.creditdiligence.brief;

import static com.creditdiligence.demo.DemoSubmissions.evaluation;
import static com.creditdiligence.demo.DemoSubmissions.intake;
import static com.creditdiligence.demo.DemoSubmissions.investigation;
import static com.creditdiligence.demo.DemoSubmissions.vote;
import static com.creditdiligence.demo.TestSubmissions.conflictOfInterest;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.Http.Answer;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.documents.CaseDocument;
import com.creditdiligence.documents.CaseDocuments;
import com.creditdiligence.documents.SampleFiles;
import com.creditdiligence.evidence.Amendments;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

/**
 * The case brief a committee member reads before voting: the investigation's record, the analysis report and
 * the documents relied on, from the ledger; for those the case gave a task to, never for another case's member.
 */
@ApplicationTest
class CaseBriefPageTest {

  private static final AtomicInteger APPLICANTS = new AtomicInteger();

  @Autowired ProcessEngine engine;
  @Autowired CaseDocuments documents;
  @Autowired Amendments amendments;
  @Autowired EvidenceLedger ledger;
  @Autowired Http http;

  LifecycleDriver driver;

  @BeforeEach
  void setUp() {
    driver = new LifecycleDriver(engine);
  }

  /** A case at the committee whose investigation relied on an audit report uploaded by its manager. */
  private ProcessInstance caseAtTheCommittee(String applicant) {
    ProcessInstance guaranteeCase =
        driver.apply("manager1", intake(applicant, "workingCapitalLoan", 5_000_000, 12));
    String id = guaranteeCase.getId();
    CaseDocument report =
        documents.file(
            guaranteeCase.getBusinessKey(),
            "审计报告2025.pdf",
            SampleFiles.pdf("audited statements " + applicant),
            "manager1",
            Instant.now());
    Map<String, Object> investigation = investigation(false);
    investigation.put(
        "attachedDocuments", SpinValues.jsonValue("[\"" + report.reference() + "\"]").create());
    driver.complete(id, "Task_CustomerInvestigation", "manager1", investigation);
    driver.complete(id, "Task_AnalysisEvaluation", "manager1", evaluation("approveWithConditions"));
    driver.runJobs(id);
    return guaranteeCase;
  }

  @Test
  void theDrawnMemberReadsTheReportTheInvestigationAndTheDocumentsAsPeopleRead() {
    String applicant = "常州简报甲公司 Changzhou Brief A Co. " + APPLICANTS.incrementAndGet();
    ProcessInstance guaranteeCase = caseAtTheCommittee(applicant);
    String member = driver.voters(guaranteeCase.getId()).get(0);

    Answer page = get(member, "/cases/" + guaranteeCase.getBusinessKey() + "/brief");

    assertThat(page.status()).isEqualTo(200);
    String html = page.body();
    // The case file: product in Chinese, the amount grouped, the term.
    assertThat(html)
        .contains(HtmlUtils.htmlEscape(applicant))
        .contains("流动资金贷款担保")
        .contains("5,000,000")
        .contains("担保期限(月) Term (months)")
        .doesNotContain("workingCapitalLoan");
    // The investigation: each document's status and method in Chinese, the visit, the related
    // parties.
    assertThat(html)
        .contains("资料 01")
        .contains("已核实 Verified")
        .contains("实地调查 On-site")
        .contains("外部征信 Credit bureau")
        .contains("法定代表人亲自办理")
        .contains("调查发现 Findings")
        .contains("生产线满负荷运转")
        .contains("是否集团客户 Group customer?")
        .contains("无集团关联担保,集中度风险低")
        .doesNotContain(">onSite<")
        .doesNotContain(">verified<");
    // The report: every text of the evaluation form, under the form's label; the figures grouped.
    Map<String, Object> report = evaluation("approveWithConditions");
    for (FormLayout.Field field : FormLayout.of("AnalysisEvaluation").fields()) {
      Object value = report.get(field.key());
      if (value instanceof String text && !text.isEmpty()) {
        assertThat(html)
            .as(field.key())
            .contains(HtmlUtils.htmlEscape(field.label()))
            .contains(
                "data-key=\""
                    + field.key()
                    + "\">"
                    + HtmlUtils.htmlEscape(FormLayout.display(field, text))
                    + "<");
      }
    }
    assertThat(html).contains("180,000,000").contains("附条件同意");
    // The document relied on: its name, its size for people, its upload time in Beijing time.
    assertThat(html).contains("审计报告2025.pdf").contains("字节 bytes").contains("北京时间");
    // No vote is shown: votes are sealed until all have voted, and are not the brief's.
    assertThat(html).doesNotContain("voteRationale").doesNotContain("表决理由");
  }

  @Test
  void anotherCasesMemberAnUnrelatedManagerAndNobodyAreRefused() {
    ProcessInstance guaranteeCase =
        caseAtTheCommittee("常州简报乙公司 Changzhou Brief B Co. " + APPLICANTS.incrementAndGet());
    List<String> voters = driver.voters(guaranteeCase.getId());
    // Another case, where a member withdraws and the next member of the pool is drawn: a member of
    // that case only.
    ProcessInstance other =
        caseAtTheCommittee("常州简报丙公司 Changzhou Brief C Co. " + APPLICANTS.incrementAndGet());
    String withdrawing = driver.voters(other.getId()).get(0);
    driver.complete(other.getId(), "Task_CommitteeVote", withdrawing, conflictOfInterest());
    driver
        .voters(other.getId())
        .forEach(m -> driver.complete(other.getId(), "Task_CommitteeVote", m, vote("approve")));
    driver.runJobs(other.getId());
    String replacement = driver.voters(other.getId()).get(0);
    assertThat(voters).doesNotContain(replacement);

    String brief = "/cases/" + guaranteeCase.getBusinessKey() + "/brief";
    assertThat(get(voters.get(0), brief).status()).as("a member drawn for the case").isEqualTo(200);
    assertThat(get(replacement, "/cases/" + other.getBusinessKey() + "/brief").status())
        .as("drawn for the other case")
        .isEqualTo(200);
    Answer refused = get(replacement, brief);
    assertThat(refused.status()).as("another case's member").isEqualTo(403);
    assertThat(refused.body()).doesNotContain("生产线满负荷运转");
    assertThat(get("manager2", brief).status()).as("a manager of other cases").isEqualTo(403);
    assertThat(get(null, brief).status()).as("nobody signed in").isEqualTo(401);
    assertThat(get("head1", brief).status()).as("a department head").isEqualTo(200);
    assertThat(get("manager1", brief).status()).as("the case's manager").isEqualTo(200);
  }

  @Test
  void valuesWrittenIntoProcessVariablesDoNotChangeTheBrief() {
    String applicant = "常州简报丁公司 Changzhou Brief D Co. " + APPLICANTS.incrementAndGet();
    ProcessInstance guaranteeCase = caseAtTheCommittee(applicant);
    String member = driver.voters(guaranteeCase.getId()).get(0);
    String variables = "/engine-rest/process-instance/" + guaranteeCase.getId() + "/variables";

    Answer written =
        send(
            "admin",
            "POST",
            variables,
            "{\"modifications\":{"
                + "\"applicantName\":{\"value\":\"冒名公司 Forged Co.\",\"type\":\"String\"},"
                + "\"reportSummary\":{\"value\":\"改写的结论 A rewritten summary\",\"type\":\"String\"},"
                + "\"amount\":{\"value\":99,\"type\":\"Long\"}}}");
    assertThat(written.status()).as(written.body()).isEqualTo(204);
    assertThat(engine.getRuntimeService().getVariable(guaranteeCase.getId(), "reportSummary"))
        .isEqualTo("改写的结论 A rewritten summary");

    String html = get(member, "/cases/" + guaranteeCase.getBusinessKey() + "/brief").body();
    assertThat(html)
        .contains(HtmlUtils.htmlEscape(applicant))
        .contains("5,000,000")
        .contains("经营、财务及反担保均正常,风险可控")
        .doesNotContain("冒名公司")
        .doesNotContain("改写的结论");
  }

  @Test
  void aReportAmendedUnderSection19ReadsAsAmendedAndSaysSo() {
    ProcessInstance guaranteeCase =
        caseAtTheCommittee("常州简报戊公司 Changzhou Brief E Co. " + APPLICANTS.incrementAndGet());
    String key = guaranteeCase.getBusinessKey();
    EvidenceRecord report =
        ledger.records(key).stream()
            .filter(
                r ->
                    "TASK_COMPLETED".equals(r.recordType())
                        && "Task_AnalysisEvaluation".equals(r.elementId()))
            .findFirst()
            .orElseThrow();
    amendments.amend(
        key,
        report.sequenceNo(),
        "审计调整后的净利润 Net profit after the audit adjustment",
        Map.of("netProfitLastYear", 8_700_000),
        "manager1",
        Instant.now());

    String html =
        get(driver.voters(guaranteeCase.getId()).get(0), "/cases/" + key + "/brief").body();
    assertThat(html)
        .contains("8,700,000")
        .doesNotContain("9,500,000")
        .contains("已修正 Amended (§19)")
        .contains("审计调整后的净利润");
  }

  private Answer get(String user, String path) {
    return send(user, "GET", path, null);
  }

  private Answer send(String user, String method, String path, String json) {
    Http.Request request = http.request(method, path).as(user);
    return (json == null ? request : request.json(json)).send();
  }
}
