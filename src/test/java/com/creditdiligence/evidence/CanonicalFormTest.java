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
  void aRecordsHashCanBeRecomputedByAnIndependentTool() {
    Map<String, Object> findings = new LinkedHashMap<>();
    findings.put("onSiteVisitFindings", "库存与账面一致\n\"ok\"");
    findings.put("amount", 3_000_000L);
    findings.put("b", Arrays.asList(true, null));
    NewEvidence evidence =
        new NewEvidence(
            "GA-2026-000042",
            RecordType.TASK_COMPLETED,
            "guarantee-lifecycle",
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

    EvidenceRecord record = EvidenceRecord.link(1, evidence, 7, CanonicalForm.GENESIS);

    // python3: json.dumps(fields, ensure_ascii=False, separators=(",", ":")) then
    // hashlib.sha256(...)
    assertThat(record.recordHash())
        .isEqualTo("d0a934af2941260998bbfc841a984e261ceb19de5e74ab42b63c59834e8850cf");
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
    org.assertj.core.api.Assertions.assertThat(record.computeHash())
        .isEqualTo(
            CanonicalForm.sha256(CanonicalForm.hashInput(EvidenceRecords.hashFields(record))));
  }
}
