package com.creditdiligence.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The canonical form is a specification: these expected values were computed independently, with
 * Python's json and hashlib (see CanonicalForm's javadoc), not with this code.
 */
class CanonicalFormTest {

  @Test
  void findingsAreJsonWithSortedKeysNoWhitespaceAndMinimalEscaping() {
    Map<String, Object> findings = new LinkedHashMap<>();
    findings.put("onSiteVisitFindings", "库存与账面一致\n\"ok\"");
    findings.put("b", Arrays.asList(true, null));
    findings.put("amount", 3_000_000.0);

    assertThat(CanonicalForm.json(findings))
        .isEqualTo(
            "{\"amount\":3000000,\"b\":[true,null],\"onSiteVisitFindings\":\"库存与账面一致\\n\\\"ok\\\"\"}");
  }

  @Test
  void aRecordsHashCanBeRecomputedByAnIndependentToolUnderEitherCanonicalForm() {
    EvidenceRecord record = EvidenceRecord.link(1, knownEvidence(), 7, CanonicalForm.GENESIS);

    // python3: json.dumps(fields, ensure_ascii=False, separators=(",", ":")) then
    // hashlib.sha256(...), with the fields of v2 (process_definition_id after
    // process_definition_key).
    assertThat(record.canonicalVersion())
        .isEqualTo(CanonicalForm.V2)
        .isEqualTo(CanonicalForm.VERSION);
    assertThat(record.recordHash())
        .isEqualTo("c14e54a2ff0f582921e9e9244c7f8d917767e55c92156c6d4bf0410741c7c0b7");
    // The same content with another process definition id is another record.
    assertThat(
            EvidenceRecord.link(
                    1,
                    knownEvidence().withDefinition("guarantee-lifecycle:2:d-2"),
                    7,
                    CanonicalForm.GENESIS)
                .recordHash())
        .isEqualTo("89b2e497de324026b419e48b4190e07cdf495b0d5947c211f029ff3af1b87200");
    // The records written before v2 keep the hash they were written with (the known answer of v1,
    // whose
    // fields leave out process_definition_id): this is the value this test asserted before v2
    // existed.
    assertThat(record.underCanonicalForm(CanonicalForm.V1).computeHash())
        .isEqualTo("d0a934af2941260998bbfc841a984e261ceb19de5e74ab42b63c59834e8850cf");
  }

  @Test
  void aRecordNamingAnUnknownCanonicalFormHasNoHashToMatch() {
    EvidenceRecord record = EvidenceRecord.link(1, knownEvidence(), 7, CanonicalForm.GENESIS);
    EvidenceRecord unknown = record.underCanonicalForm("credit-diligence-ledger-v9");

    assertThat(unknown.hasKnownCanonicalForm()).isFalse();
    assertThat(unknown.computeHash()).isNull();
    assertThat(ChainVerifier.verify("GA-2026-000042", java.util.List.of(unknown), null).status())
        .isEqualTo("broken");
  }

  private static NewEvidence knownEvidence() {
    Map<String, Object> findings = new LinkedHashMap<>();
    findings.put("onSiteVisitFindings", "库存与账面一致\n\"ok\"");
    findings.put("amount", 3_000_000L);
    findings.put("b", Arrays.asList(true, null));
    return new NewEvidence(
        "GA-2026-000042",
        RecordType.TASK_COMPLETED,
        "guarantee-lifecycle",
        "guarantee-lifecycle:1:d-1",
        "pi-1",
        "Task_CustomerInvestigation",
        "task-9",
        "CUSTOMER_INVESTIGATION",
        "§5–§14",
        "manager1",
        "manager1",
        Instant.parse("2026-11-24T01:05:14.123456Z"),
        "onSite×12; on-site visit 2026-11-22",
        CanonicalForm.json(findings),
        "[]",
        "guarantee-lifecycle:v1 (2026.1) deployment d-1",
        null,
        null);
  }

  @Test
  void controlCharactersAreEscapedAsLowerCaseUnicodeAndTimeHasExactlyMilliseconds() {
    assertThat(CanonicalForm.json(new ArrayList<>(Arrays.asList("a\u0001b", "\t", null))))
        .isEqualTo("[\"a\\u0001b\",\"\\t\",null]");
    assertThat(CanonicalForm.time(Instant.parse("2026-01-02T03:04:05Z")))
        .isEqualTo("2026-01-02T03:04:05.000Z");
  }

  @Test
  void theHandWrittenTimeAndHashAreTheSpecifiedOnesForAnyInstantAndContent() {
    java.time.format.DateTimeFormatter specified =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    java.util.Random random = new java.util.Random(20261124);
    for (int i = 0; i < 10_000; i++) {
      java.time.Instant instant =
          java.time.Instant.ofEpochSecond(
              random.nextLong(0, 253_402_300_799L), random.nextInt(1_000_000_000));
      org.assertj.core.api.Assertions.assertThat(CanonicalForm.time(instant))
          .isEqualTo(specified.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
    }
    EvidenceRecord record = EvidenceRecords.link("GA-2026-000001", 7, CanonicalForm.GENESIS);
    for (EvidenceRecord underEither :
        java.util.List.of(record, record.underCanonicalForm(CanonicalForm.V1))) {
      org.assertj.core.api.Assertions.assertThat(underEither.computeHash())
          .isEqualTo(
              CanonicalForm.sha256(
                  CanonicalForm.hashInput(EvidenceRecords.hashFields(underEither))));
    }
  }
}
