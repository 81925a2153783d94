package com.creditdiligence.accountability;

import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.investigation.InvestigationReportDeadline;
import com.creditdiligence.investigation.SupplyDeadline;
import com.creditdiligence.platform.TaskRules;
import com.creditdiligence.submission.BusinessDays;
import com.creditdiligence.submission.BusinessTime;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A case's duty facts from its ledger and the application's record of its approval: the thin adapter that reads
 * committee_decision, committee_vote and the case file, and asks the approval-authority table deployed when the
 * committee decided what it requires for the case file's real product and amount. The rules are {@link DutyFacts}'.
 */
@Component
public class CaseDutyFacts {

  private final JdbcClient jdbc;
  private final ObjectProvider<RuleBook> rules;
  private final ObjectProvider<TaskRules> steps;
  private final CaseFiles caseFiles;
  private final SupplyDeadline supplyDeadline;
  private final InvestigationReportDeadline reportDeadline;
  private final BusinessDays days;

  /** The rule book and the steps are looked up lazily: the review's steps, which the engine's plugin needs, need this. */
  CaseDutyFacts(
      JdbcClient jdbc,
      ObjectProvider<RuleBook> rules,
      ObjectProvider<TaskRules> steps,
      CaseFiles caseFiles,
      SupplyDeadline supplyDeadline,
      InvestigationReportDeadline reportDeadline,
      BusinessTime businessTime) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.steps = steps;
    this.caseFiles = caseFiles;
    this.supplyDeadline = supplyDeadline;
    this.reportDeadline = reportDeadline;
    this.days = businessTime.days();
  }

  public List<DutyFact> of(String businessKey, List<EvidenceRecord> records, Instant now) {
    List<DutyFact> facts =
        new ArrayList<>(
            DutyFacts.of(
                records, steps.getObject().withDeadlines(), approval(businessKey, now), now));
    facts.addAll(
        SuppliedDocuments.of(
            days,
            records,
            supplyDeadline.documentsToBeSuppliedDays(),
            at -> caseFiles.managerAt(businessKey, at).orElse(null),
            now));
    Function<Instant, String> managerAt = at -> caseFiles.managerAt(businessKey, at).orElse(null);
    facts.addAll(
        InvestigationResults.of(
            days, records, reportDeadline.investigationReportDays(), managerAt));
    facts.addAll(ClassChanges.of(records, managerAt));
    facts.addAll(MajorEventAnalysis.of(records, managerAt));
    facts.addAll(EmergencyReports.of(days, records, managerAt, now));
    facts.addAll(CustomerChanges.of(records, managerAt, now));
    facts.addAll(AdjustmentGrounds.of(records, managerAt));
    facts.addAll(AdjustmentApprovals.of(records, managerAt));
    facts.addAll(
        OnSiteChecks.of(
            days,
            records,
            (riskClass, at) -> rules.getObject().maxDaysBetweenOnSiteChecks(riskClass.name(), at),
            managerAt,
            now));
    facts.addAll(ProblemMeasures.of(records, managerAt));
    // The rules write instants in UTC; a person reads the explanation in the business zone.
    return DutyFacts.noLongerDue(records, facts).stream()
        .map(
            fact ->
                new DutyFact(
                    fact.code(),
                    fact.stage(),
                    fact.clause(),
                    fact.trigger(),
                    fact.status(),
                    days.shownIn(fact.explanation()),
                    fact.evidence(),
                    fact.dueAt(),
                    fact.doneAt(),
                    fact.responsible()))
        .toList();
  }

  ApprovalRecord approval(String businessKey, Instant now) {
    Optional<ApprovalRecord.Decision> decision =
        jdbc
            .sql(
                """
            SELECT voters_required, approvals_required, approvals, rejections, result, decided_at
            FROM committee_decision WHERE business_key = ? ORDER BY decided_at""")
            .param(businessKey)
            .query(
                (row, n) ->
                    new ApprovalRecord.Decision(
                        row.getInt(1),
                        row.getInt(2),
                        row.getInt(3),
                        row.getInt(4),
                        row.getString(5),
                        row.getObject(6, Timestamp.class).toInstant()))
            .list()
            .stream()
            .findFirst();
    List<ApprovalRecord.Vote> votes =
        jdbc.sql(
                "SELECT member_id, conflict_declared, vote FROM committee_vote WHERE business_key = ? ORDER BY cast_at, id")
            .param(businessKey)
            .query(
                (row, n) ->
                    new ApprovalRecord.Vote(row.getString(1), row.getBoolean(2), row.getString(3)))
            .list();
    Optional<ApprovalRecord.Authority> required =
        jdbc.sql("SELECT product, amount FROM case_file WHERE business_key = ?")
            .param(businessKey)
            .query((row, n) -> new Object[] {row.getString(1), row.getBigDecimal(2)})
            .optional()
            .map(
                file ->
                    rules
                        .getObject()
                        .approvalAuthority(
                            (String) file[0],
                            (BigDecimal) file[1],
                            decision.map(ApprovalRecord.Decision::decidedAt).orElse(now)));
    return new ApprovalRecord(true, decision, required, votes);
  }
}
