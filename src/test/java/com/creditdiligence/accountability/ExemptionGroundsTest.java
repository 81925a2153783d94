package com.creditdiligence.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.casefile.CaseFiles.Handover;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The five grounds of SPEC's table, each derived from the record with the records it rests on — or not. */
class ExemptionGroundsTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private final List<EvidenceRecord> ledger = new ArrayList<>();

  private EvidenceRecord record(
      int day, String type, String element, String duty, String performer, String findings) {
    EvidenceRecord r =
        new EvidenceRecord(
            ledger.size() + 1,
            "GA-2026-000001",
            ledger.size() + 1,
            type,
            "guarantee-case",
            null,
            "pi",
            element,
            "task" + ledger.size(),
            duty,
            null,
            performer,
            performer,
            T0.plus(day, ChronoUnit.DAYS),
            null,
            findings,
            "[]",
            null,
            null,
            null,
            null,
            null,
            CanonicalForm.VERSION);
    ledger.add(r);
    return r;
  }

  private EvidenceRecord warningSignal(int day, String reporter) {
    return record(
        day,
        "EVENT_RECEIVED",
        "StartEvent_WarningSignal",
        null,
        reporter,
        "{\"message\":\"Message_WarningSignal\",\"warningCategory\":\"financialCondition\",\"warningItem\":\"fc01\"}");
  }

  private EvidenceRecord compensation(int day, String manager) {
    return record(
        day, "TASK_COMPLETED", "Task_RecordCompensation", "COMPENSATION_PAID", manager, "{}");
  }

  private static DutyFact fact(
      String code, Status status, int evidence, int dueDay, String responsible) {
    return new DutyFact(
        code,
        "monitoring",
        "§20",
        "§27(四)",
        status,
        "x",
        List.of(evidence),
        T0.plus(dueDay, ChronoUnit.DAYS),
        null,
        responsible);
  }

  private List<String> codes(String manager, List<DutyFact> facts, List<Handover> handovers) {
    return grounds(manager, facts, handovers).stream().map(ExemptionGround::code).toList();
  }

  private List<ExemptionGround> grounds(
      String manager, List<DutyFact> facts, List<Handover> handovers) {
    return ExemptionGrounds.of(manager, facts, List.of(), ledger, handovers);
  }

  private ExemptionGround ground(
      String manager, String code, List<DutyFact> facts, List<Handover> handovers) {
    return grounds(manager, facts, handovers).stream()
        .filter(g -> g.code().equals(code))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aWarningSignalTheManagerReportedBeforeTheLossIsAWrittenWarningCitingItsRecord() {
    EvidenceRecord signal = warningSignal(1, "manager1");
    compensation(10, "manager1");

    ExemptionGround warning =
        ground("manager1", ExemptionGround.WRITTEN_WARNING, List.of(), List.of());
    assertThat(warning.evidence()).containsExactly(signal.sequenceNo());
    assertThat(warning.explanation()).contains("书面提示").contains("warned of the risk in writing");
  }

  @Test
  void noWrittenWarningWithoutOneBeforeTheLossOrByAnotherHand() {
    compensation(10, "manager1");
    warningSignal(11, "manager1");
    warningSignal(2, "head1");
    assertThat(codes("manager1", List.of(), List.of()))
        .doesNotContain(ExemptionGround.WRITTEN_WARNING);
  }

  @Test
  void aWorseClassificationInTheManagersReportIsAWrittenWarning() {
    EvidenceRecord report =
        record(
            3,
            "TASK_COMPLETED",
            "Task_MonitoringReport",
            "MONITORING_REPORT",
            "manager1",
            "{\"riskClass\":\"substandard\"}");
    record(
        4,
        "TASK_COMPLETED",
        "Task_MonitoringReport",
        "MONITORING_REPORT",
        "manager1",
        "{\"riskClass\":\"normal\"}");
    assertThat(ground("manager1", ExemptionGround.WRITTEN_WARNING, List.of(), List.of()).evidence())
        .containsExactly(report.sequenceNo());
  }

  @Test
  void aReservedOpinionIsADissentCitingItsRecord() {
    EvidenceRecord opinion =
        record(
            1,
            "TASK_COMPLETED",
            "Task_RecordReservedOpinion",
            "RESERVED_OPINION",
            "manager1",
            "{\"reservedOpinionChoice\":\"record\"}");
    ExemptionGround dissent = ground("manager1", ExemptionGround.DISSENT, List.of(), List.of());
    assertThat(dissent.evidence()).containsExactly(opinion.sequenceNo());
    assertThat(dissent.detail()).isEqualTo("reservedOpinion");
    assertThat(codes("manager2", List.of(), List.of())).doesNotContain(ExemptionGround.DISSENT);
  }

  @Test
  void aRejectVoteWithItsRationaleIsADissentAnApprovalIsNot() {
    EvidenceRecord reject =
        record(
            1,
            "VOTE_CAST",
            "Task_CommitteeVote",
            "COMMITTEE_VOTE",
            "member1",
            "{\"vote\":\"reject\",\"voteRationale\":\"反担保不足\"}");
    record(
        1,
        "VOTE_CAST",
        "Task_CommitteeVote",
        "COMMITTEE_VOTE",
        "member2",
        "{\"vote\":\"approve\",\"voteRationale\":\"ok\"}");
    assertThat(ground("member1", ExemptionGround.DISSENT, List.of(), List.of()).evidence())
        .containsExactly(reject.sequenceNo());
    assertThat(codes("member2", List.of(), List.of())).doesNotContain(ExemptionGround.DISSENT);
  }

  @Test
  void theSuccessorIsNotLiableForRiskVisibleBeforeTheHandoverIfTheyBrokeNoRule() {
    EvidenceRecord signal = warningSignal(1, "manager1");
    List<Handover> handovers =
        List.of(new Handover("manager1", "manager2", T0.plus(5, ChronoUnit.DAYS)));

    ExemptionGround handover = ground("manager2", ExemptionGround.HANDOVER, List.of(), handovers);
    assertThat(handover.detail()).isEqualTo(ExemptionGrounds.VISIBLE_BEFORE);
    assertThat(handover.evidence()).containsExactly(signal.sequenceNo());
    assertThat(codes("manager1", List.of(), handovers)).doesNotContain(ExemptionGround.HANDOVER);

    List<DutyFact> broke =
        List.of(fact("MONITORING_REPORT_ON_TIME", Status.VIOLATED, 1, 20, "manager2"));
    assertThat(codes("manager2", broke, handovers)).doesNotContain(ExemptionGround.HANDOVER);
  }

  @Test
  void riskShowingAfterTheHandoverCountsOnlyIfTheSuccessorActedInTime() {
    List<Handover> handovers =
        List.of(new Handover("manager1", "manager2", T0.plus(5, ChronoUnit.DAYS)));
    assertThat(codes("manager2", List.of(), handovers)).doesNotContain(ExemptionGround.HANDOVER);

    EvidenceRecord signal = warningSignal(8, null);
    List<DutyFact> inTime =
        List.of(fact("PRESERVATION_AFTER_WARNING_SIGNAL", Status.SATISFIED, 9, 11, "manager2"));
    ExemptionGround handover = ground("manager2", ExemptionGround.HANDOVER, inTime, handovers);
    assertThat(handover.detail()).isEqualTo(ExemptionGrounds.DETECTED_AFTER);
    assertThat(handover.evidence()).contains(signal.sequenceNo(), 9);

    List<DutyFact> late =
        List.of(fact("PRESERVATION_AFTER_WARNING_SIGNAL", Status.VIOLATED, 9, 11, "manager2"));
    assertThat(codes("manager2", late, handovers)).doesNotContain(ExemptionGround.HANDOVER);
  }

  @Test
  void aMajorEventActedOnInTimeIsACandidateForForceMajeureWithItsKind() {
    EvidenceRecord event =
        record(
            1,
            "EVENT_RECEIVED",
            "StartEvent_MajorEvent",
            null,
            null,
            "{\"message\":\"Message_MajorEvent\",\"majorEventKind\":\"externalPolicyChange\"}");
    List<DutyFact> inTime =
        List.of(fact("ONSITE_AFTER_MAJOR_EVENT", Status.SATISFIED, 2, 6, "manager1"));
    ExemptionGround forceMajeure =
        ground("manager1", ExemptionGround.FORCE_MAJEURE, inTime, List.of());
    assertThat(forceMajeure.detail()).isEqualTo("externalPolicyChange");
    assertThat(forceMajeure.evidence()).containsExactly(event.sequenceNo(), 2);

    List<DutyFact> late =
        List.of(fact("ONSITE_AFTER_MAJOR_EVENT", Status.VIOLATED, 2, 6, "manager1"));
    assertThat(codes("manager1", late, List.of())).doesNotContain(ExemptionGround.FORCE_MAJEURE);
  }

  @Test
  void noConclusiveEvidenceOnlyWithoutAViolatedDuty() {
    List<DutyFact> clean =
        List.of(fact("MONITORING_REPORT_ON_TIME", Status.SATISFIED, 1, 20, "manager1"));
    assertThat(
            ground("manager1", ExemptionGround.NO_CONCLUSIVE_EVIDENCE, clean, List.of()).evidence())
        .containsExactly(1);
    List<DutyFact> broke =
        List.of(fact("MONITORING_REPORT_ON_TIME", Status.VIOLATED, 1, 20, "manager1"));
    assertThat(codes("manager1", broke, List.of()))
        .doesNotContain(ExemptionGround.NO_CONCLUSIVE_EVIDENCE);
  }

  @Test
  void aGroundIsShownToTheBoardButDoesNotExcuseADutyItDoesNotCover() {
    // A reserved opinion against the approval says nothing of a monitoring report missed later.
    List<DutyFact> broke =
        List.of(fact("MONITORING_REPORT_ON_TIME", Status.VIOLATED, 1, 20, "manager1"));
    ExemptionGround dissent =
        ExemptionGround.candidate(ExemptionGround.DISSENT, "reservedOpinion", List.of(3), "x")
            .judged(new RuleBook.GroundJudgement(true, "exempt", "Decision_ExemptionGrounds:v1"));

    ExemptionEligibility.Eligibility withGround =
        ExemptionEligibility.of("manager1", broke, List.of(), List.of(), null, List.of(dissent));

    assertThat(withGround.eligible()).isFalse();
    assertThat(withGround.supportedByGrounds()).contains(Tier.EXEMPT);
    assertThat(withGround.reasons()).anyMatch(r -> r.contains("#3"));
  }
}
