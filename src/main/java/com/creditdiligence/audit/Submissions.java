package com.creditdiligence.audit;

import com.creditdiligence.brief.FormLayout;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.RecordType;
import com.creditdiligence.intake.IntakeFindings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What each step of a case recorded, read through the form it was submitted on, so that the dossier shows the
 * report's sections, the votes, the statements and the decisions as text a person reads, not as JSON. Plain Java:
 * which form a step has (and which record type its completion is) is given by the caller.
 */
final class Submissions {

  /** A step with a form: its form's file name ({@code forms/<form>.form}) and the record type of its completion. */
  record Step(String form, String recordType) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, FormLayout> FORMS = new ConcurrentHashMap<>();

  private Submissions() {}

  static List<Dossier.Submission> of(
      List<EvidenceRecord> records, Function<String, Optional<Step>> stepOf) {
    List<Dossier.Submission> submissions = new ArrayList<>();
    for (EvidenceRecord r : records) {
      Optional<Step> step = r.elementId() == null ? Optional.empty() : stepOf.apply(r.elementId());
      if (step.isEmpty()
          || !step.get().recordType().equals(r.recordType())
          || !FormLayout.exists(step.get().form())) {
        continue;
      }
      Map<String, Object> recorded = parse(r.findings());
      // An intake recorded before revenue was asked in yuan is read in yuan (the record itself is
      // not rewritten).
      Map<String, Object> values =
          new LinkedHashMap<>(
              "ApplicationIntake".equals(step.get().form())
                  ? IntakeFindings.inTodaysUnits(recorded)
                  : recorded);
      boolean sealed = values.containsKey("sealed") && values.size() == 1;
      List<Integer> amendedBy = new ArrayList<>();
      for (EvidenceRecord a : records) {
        if (a.is(RecordType.AMENDMENT) && Objects.equals(a.amendsSequenceNo(), r.sequenceNo())) {
          values.putAll(parse(a.findings()));
          amendedBy.add(a.sequenceNo());
        }
      }
      FormLayout form = FORMS.computeIfAbsent(step.get().form(), FormLayout::of);
      submissions.add(
          new Dossier.Submission(
              r.sequenceNo(),
              r.elementId(),
              r.recordType(),
              r.performer(),
              r.recordedAt(),
              sealed ? List.of() : form.rows(values),
              List.copyOf(amendedBy),
              sealed));
    }
    return List.copyOf(submissions);
  }

  private static Map<String, Object> parse(String json) {
    try {
      return json == null || json.isBlank()
          ? Map.of()
          : JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      // A record whose findings are not an object (none in the ledger today) shows no answers
      // rather than failing.
      return Map.of();
    }
  }
}
