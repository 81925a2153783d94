package com.creditdiligence.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.accountability.DutyFact.Status;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.submission.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** §25: a problem guarantee's measures are §25's and say what was done; terminated limits are re-used only as §25(一) allows. */
class ProblemMeasuresTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final String NOTE =
      "已向反保证人发出履约通知,申请冻结账户 Notice served on the counter-guarantor; freeze applied for";

  private final List<EvidenceRecord> records = new ArrayList<>();

  @Test
  void
      measuresOfSection25WithANoteOfWhatWasDoneSatisfyTheDutyOfWhoeverHeldTheCaseWhenTheyFellDue() {
    record(
        "TASK_CREATED",
        "Task_ProblemHandling",
        "task-ph",
        Map.of("dueDate", T0.plus(10, ChronoUnit.DAYS).toString()),
        T0,
        "manager1");
    EvidenceRecord done =
        record(
            "TASK_COMPLETED",
            "Task_ProblemHandling",
            "task-ph",
            handling(List.of("demandCounterGuarantor", "courtFreeze"), NOTE, false),
            T0.plus(12, ChronoUnit.DAYS),
            "manager2");

    List<DutyFact> facts =
        ProblemMeasures.of(
            records, at -> at.isBefore(T0.plus(11, ChronoUnit.DAYS)) ? "manager1" : "manager2");

    assertThat(facts)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(ProblemMeasures.DUTY);
              assertThat(f.status()).isEqualTo(Status.SATISFIED);
              assertThat(f.clause()).isEqualTo("§25");
              assertThat(f.stage()).isEqualTo("problemHandling");
              assertThat(f.explanation())
                  .contains(
                      "申请司法冻结账户 Court freeze of accounts (§25(三))",
                      "要求反保证人履行 Demand counter-guarantor performance (§25(二))")
                  .doesNotContain("courtFreeze", "demandCounterGuarantor");
              assertThat(f.dueAt()).isEqualTo(T0.plus(10, ChronoUnit.DAYS));
              assertThat(f.evidence()).containsExactly(done.sequenceNo());
              assertThat(f.responsible()).isEqualTo("manager1");
            });
  }

  @Test
  void noMeasureOfSection25OrANoteThatSaysNothingIsA27_5Fact() {
    record(
        "TASK_COMPLETED",
        "Task_ProblemHandling",
        "task-a",
        handling(List.of(), NOTE, false),
        T0,
        "manager1");
    record(
        "TASK_COMPLETED",
        "Task_ProblemHandling",
        "task-b",
        handling(List.of("other"), "已处理 done", false),
        T0.plusSeconds(60),
        "manager1");
    record(
        "TASK_COMPLETED",
        "Task_ProblemHandling",
        "task-c",
        handling(List.of("waitAndSee"), NOTE, false),
        T0.plusSeconds(120),
        "manager1");

    List<DutyFact> facts = ProblemMeasures.of(records, at -> "manager1");

    assertThat(facts)
        .extracting(DutyFact::status)
        .containsExactly(Status.VIOLATED, Status.VIOLATED, Status.VIOLATED);
    assertThat(facts.get(0).trigger()).isEqualTo("§27(五)");
    assertThat(facts.get(0).explanation()).contains("no measure chosen");
    assertThat(facts.get(1).explanation()).contains("the note says nothing");
    assertThat(facts.get(2).explanation()).contains("none of §25's measures chosen", "waitAndSee");
  }

  @Test
  void reusingTerminatedLimitsWithTheCommitteesApprovalMeetsSection25_1() {
    EvidenceRecord request =
        record(
            "TASK_COMPLETED",
            "Task_ProblemHandling",
            "task-ph",
            handling(List.of("terminateUnusedLimits"), NOTE, true),
            T0,
            "manager1");
    EvidenceRecord approval =
        record(
            "TASK_COMPLETED",
            "Task_ApproveLimitReuse",
            "task-ap",
            Map.of(
                "limitReuseDecision",
                "approve",
                "limitReuseRationale",
                "风险已化解 Risk resolved, limits may be used"),
            T0.plus(2, ChronoUnit.DAYS),
            "committee4");

    DutyFact reuse = reuse(ProblemMeasures.of(records, at -> "manager1"));

    assertThat(reuse.status()).isEqualTo(Status.SATISFIED);
    assertThat(reuse.clause()).isEqualTo("§25(一)");
    assertThat(reuse.evidence()).containsExactly(request.sequenceNo(), approval.sequenceNo());
    assertThat(reuse.explanation()).contains("approved by the committee (committee4)");
    assertThat(reuse.responsible()).isEqualTo("manager1");
  }

  @Test
  void reusingTerminatedLimitsWithoutTheCommitteesApprovalOrApprovedByTheManagerIsOutOfProcedure() {
    record(
        "TASK_COMPLETED",
        "Task_ProblemHandling",
        "task-ph",
        handling(List.of("terminateUnusedLimits"), NOTE, true),
        T0,
        "manager1");
    EvidenceRecord ended =
        record(
            "PROCESS_ENDED",
            "End_LimitReuseDecided",
            null,
            Map.of("cancelled", false),
            T0.plus(1, ChronoUnit.DAYS),
            null);

    DutyFact skipped = reuse(ProblemMeasures.of(records, at -> "manager1"));

    assertThat(skipped.status()).isEqualTo(Status.VIOLATED);
    assertThat(skipped.trigger()).isEqualTo("§27(七)");
    assertThat(skipped.evidence()).contains(ended.sequenceNo());
    assertThat(skipped.explanation()).contains("no committee approval on record");

    records.remove(ended);
    record(
        "TASK_COMPLETED",
        "Task_ApproveLimitReuse",
        "task-ap",
        Map.of(
            "limitReuseDecision",
            "approve",
            "limitReuseRationale",
            "本人同意恢复额度 I approve my own case"),
        T0.plus(1, ChronoUnit.DAYS),
        "manager1");

    DutyFact selfApproved = reuse(ProblemMeasures.of(records, at -> "manager1"));

    assertThat(selfApproved.status()).isEqualTo(Status.VIOLATED);
    assertThat(selfApproved.explanation()).contains("decided by the case's own manager manager1");
  }

  @Test
  void aReuseAwaitingTheCommitteeIsPendingAndNoRequestIsNoReuseDuty() {
    record(
        "TASK_COMPLETED",
        "Task_ProblemHandling",
        "task-ph",
        handling(List.of("terminateUnusedLimits"), NOTE, true),
        T0,
        "manager1");

    assertThat(reuse(ProblemMeasures.of(records, at -> "manager1")).status())
        .isEqualTo(Status.PENDING);

    records.clear();
    record(
        "TASK_COMPLETED",
        "Task_ProblemHandling",
        "task-ph",
        handling(List.of("courtFreeze"), NOTE, false),
        T0,
        "manager1");
    assertThat(ProblemMeasures.of(records, at -> "manager1"))
        .extracting(DutyFact::code)
        .containsExactly(ProblemMeasures.DUTY);
  }

  @Test
  void theMeasuresJudgedAreExactlyThoseTheProblemHandlingFormOffers() throws Exception {
    JsonNode form = JSON.readTree(Files.readString(Path.of("forms/ProblemHandling.form")));
    List<String> offered = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (JsonNode component : form.path("components")) {
      if ("measures".equals(component.path("key").asText())) {
        component.path("values").forEach(v -> offered.add(v.path("value").asText()));
        component.path("values").forEach(v -> labels.add(v.path("label").asText()));
      }
    }

    assertThat(offered).containsExactlyElementsOf(ProblemMeasures.MEASURES.keySet());
    // The duty fact names each measure as the form showed it to the manager.
    assertThat(labels)
        .zipSatisfy(
            List.copyOf(ProblemMeasures.MEASURES.values()),
            (label, measure) -> assertThat(label).startsWith(measure.name()));
  }

  @Test
  void theProblemHandlingFormMakesAnEmptyNoteOfTheMeasuresImpossibleToSubmit() throws Exception {
    JsonNode form = JSON.readTree(Files.readString(Path.of("forms/ProblemHandling.form")));
    JsonNode note = null;
    for (JsonNode component : form.path("components")) {
      if ("measuresNote".equals(component.path("key").asText())) {
        note = component;
      }
    }

    assertThat(note).isNotNull();
    assertThat(note.path("validate").path("required").asBoolean()).isTrue();
    assertThat(note.path("validate").path("minLength").asInt())
        .isGreaterThanOrEqualTo(Checks.MIN_FINDING_LENGTH);
  }

  private static DutyFact reuse(List<DutyFact> facts) {
    return facts.stream()
        .filter(f -> f.code().equals(ProblemMeasures.REUSE_DUTY))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Object> handling(
      List<String> measures, String note, boolean requestLimitReuse) {
    Map<String, Object> values = new HashMap<>();
    values.put("measures", measures);
    values.put("measuresNote", note);
    values.put("problemOutcome", "recoveredContinue");
    values.put("requestLimitReuse", requestLimitReuse);
    return values;
  }

  private EvidenceRecord record(
      String type,
      String elementId,
      String taskId,
      Map<String, Object> findings,
      Instant at,
      String performer) {
    String json;
    try {
      json = JSON.writeValueAsString(findings);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    int n = records.isEmpty() ? 1 : records.get(records.size() - 1).sequenceNo() + 1;
    EvidenceRecord record =
        new EvidenceRecord(
            n,
            "GC-TEST",
            n,
            type,
            "problem-guarantee",
            null,
            "pi-problem",
            elementId,
            taskId,
            null,
            null,
            performer,
            performer,
            at,
            null,
            json,
            null,
            null,
            null,
            null,
            null,
            null,
            CanonicalForm.VERSION);
    records.add(record);
    return record;
  }
}
