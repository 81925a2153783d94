package com.creditdiligence.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.submission.Duty;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The ledger's record types are typed, and store the very codes the ledger always stored: old records still verify. */
class RecordTypeTest {

  @Test
  void theStoredCodesAreTheOnesTheLedgerHasAlwaysWritten() {
    // Records written before the enum carry these strings in their hashed content: a rename would
    // orphan them.
    assertThat(Arrays.stream(RecordType.values()).map(RecordType::code))
        .containsExactlyInAnyOrder(
            "PROCESS_STARTED",
            "PROCESS_ENDED",
            "TASK_CREATED",
            "TASK_ASSIGNED",
            "TASK_DELEGATED",
            "TASK_COMPLETED",
            "TASK_CANCELLED",
            "VOTE_CAST",
            "EVENT_RECEIVED",
            "AMENDMENT",
            "DOCUMENT_FILED",
            "MONITORING_REPORT_OVERDUE",
            "CASE_HANDED_OVER",
            "ADMIN_INTERVENTION",
            "REVIEW_INVESTIGATED",
            "REVIEW_CLOSED",
            "AUDIT_REPLAY_VIEWED",
            "AUDIT_DOSSIER_EXPORTED");
    assertThat(Duty.TASK_COMPLETED).isEqualTo(RecordType.TASK_COMPLETED.code());
  }

  @Test
  void aStoredCodeReadsBackAsItsTypeAndAnUnknownOneAsNone() {
    for (RecordType type : RecordType.values()) {
      assertThat(RecordType.of(type.code())).contains(type);
    }
    assertThat(RecordType.of("SOMETHING_ELSE")).isEmpty();
    assertThat(RecordType.of(null)).isEmpty();
  }

  @Test
  void aRecordOfACodeThisVersionDoesNotKnowIsHashedAndReadAsItIs() {
    EvidenceRecord known = EvidenceRecords.link("GA-2026-000001", 1, CanonicalForm.GENESIS);
    EvidenceRecord unknown =
        new EvidenceRecord(
            known.id(),
            known.businessKey(),
            known.sequenceNo(),
            "FUTURE_TYPE",
            known.processDefinitionKey(),
            null,
            known.processInstanceId(),
            known.elementId(),
            known.taskId(),
            known.dutyCode(),
            known.clause(),
            known.performer(),
            known.assignee(),
            known.recordedAt(),
            known.verificationMethod(),
            known.findings(),
            known.documents(),
            known.ruleSetVersion(),
            known.amendsSequenceNo(),
            known.amendmentReason(),
            known.previousHash(),
            null,
            CanonicalForm.VERSION);

    assertThat(known.is(RecordType.TASK_COMPLETED)).isTrue();
    assertThat(unknown.type()).isEmpty();
    assertThat(unknown.is(RecordType.TASK_COMPLETED)).isFalse();
    // The hash is over the stored code, whatever this version calls it.
    assertThat(unknown.computeHash())
        .isNotEqualTo(known.recordHash())
        .isEqualTo(
            CanonicalForm.sha256(CanonicalForm.hashInput(EvidenceRecords.hashFields(unknown))));
  }

  @Test
  void everyTypeHasANameForPeople() throws IOException {
    Properties names = new Properties();
    try (var in = getClass().getResourceAsStream("/messages/audit.properties")) {
      names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    for (RecordType type : RecordType.values()) {
      assertThat(names.getProperty("record." + type.code()))
          .as("record.%s", type.code())
          .isNotBlank()
          .matches(".*\\p{IsHan}.*[A-Za-z].*");
    }
  }
}
