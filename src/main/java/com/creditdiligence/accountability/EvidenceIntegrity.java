package com.creditdiligence.accountability;

import com.creditdiligence.evidence.ChainVerification;
import com.creditdiligence.submission.BusinessTime;
import java.time.Instant;
import java.util.List;

/**
 * Whether the case's evidence chain verified when a review looked at it: intact, or broken from its first
 * record that does not verify. A fact or finding that rests on that record or a later one rests on evidence
 * that cannot be trusted, and a record that does not verify cannot on its own support an exemption under §28
 * (the board still decides, on facts it establishes otherwise). Plain Java.
 *
 * @param firstBrokenRecord the sequence number of the first record that does not verify (null when intact)
 * @param reason            why it does not verify (null when intact)
 */
public record EvidenceIntegrity(
    boolean intact, Integer firstBrokenRecord, String reason, Instant verifiedAt) {

  public static EvidenceIntegrity of(ChainVerification verification, Instant at) {
    return new EvidenceIntegrity(
        verification.isIntact(), verification.brokenAt(), verification.reason(), at);
  }

  /**
   * Whether a fact or finding citing these records rests on broken evidence: one of them is the first broken
   * record or comes after it, or it cites none (a record shown missing by a chain that does not verify may
   * have been removed).
   */
  public boolean unreliable(List<Integer> evidence) {
    return !intact
        && (evidence.isEmpty() || evidence.stream().anyMatch(n -> n >= firstBrokenRecord));
  }

  /**
   * The worse of two verifications: broken over intact, and of two broken ones the one that breaks earlier.
   * Either may be null (a review opened before its verification was kept).
   */
  public static EvidenceIntegrity worse(EvidenceIntegrity one, EvidenceIntegrity other) {
    if (one == null || other == null) {
      return one == null ? other : one;
    }
    if (one.intact() != other.intact()) {
      return one.intact() ? other : one;
    }
    if (one.intact()) {
      return other;
    }
    return other.firstBrokenRecord() < one.firstBrokenRecord() ? other : one;
  }

  /**
   * One paragraph a board member, the auditor or an outside reader can read, bilingual, its time in the business
   * zone with the zone's label.
   */
  public String statement(BusinessTime time) {
    String verified = time.shownWithZone(verifiedAt);
    if (intact) {
      return "证据链校验通过 The evidence chain verifies (校验于 verified at " + verified + ")";
    }
    return "证据链自第 "
        + firstBrokenRecord
        + " 号记录起未通过校验 The evidence chain does not verify from record #"
        + firstBrokenRecord
        + ": "
        + reason
        + " (校验于 verified at "
        + verified
        + "). 依据该记录及其后记录的尽职事实与情形不可靠 "
        + "Duty facts and findings resting on record #"
        + firstBrokenRecord
        + " or later are unreliable. "
        + noExemptionFromTheRecord();
  }

  /** Why §28 eligibility is withheld, bilingual. */
  public String noExemptionFromTheRecord() {
    return "证据链未通过校验,仅凭记录不能认定符合免责条件,须由问责委员会另行查明事实 The record does not verify from #"
        + firstBrokenRecord
        + ": it cannot on its own support an exemption; the board decides on facts it establishes"
        + " otherwise";
  }
}
