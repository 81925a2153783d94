package com.creditdiligence.evidence;

/**
 * The verdict on one case's chain: intact, or the first record at which it breaks and why.
 *
 * @param brokenAt the sequence number of the first record that does not verify (null when intact)
 */
public record ChainVerification(
    String businessKey, String status, int records, Integer brokenAt, String reason) {

  public static final String INTACT = "intact";
  public static final String BROKEN = "broken";

  static ChainVerification intact(String businessKey, int records) {
    return new ChainVerification(businessKey, INTACT, records, null, null);
  }

  static ChainVerification broken(String businessKey, int records, int at, String reason) {
    return new ChainVerification(businessKey, BROKEN, records, at, reason);
  }

  public boolean isIntact() {
    return INTACT.equals(status);
  }
}
