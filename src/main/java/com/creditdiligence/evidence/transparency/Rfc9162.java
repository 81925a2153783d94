package com.creditdiligence.evidence.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The Merkle tree hashing of RFC 9162 (Certificate Transparency 2.0, §2.1.1) with SHA-256:
 * leaf = SHA-256(0x00 ‖ data), node = SHA-256(0x01 ‖ left ‖ right), the empty tree = SHA-256().
 * The distinct prefixes keep a leaf from ever being passed off as a node (second-preimage attacks).
 */
public final class Rfc9162 {

  public static final int HASH_SIZE = 32;

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is required of every JDK", e);
            }
          });

  private Rfc9162() {}

  public static byte[] emptyRoot() {
    return SHA256.get().digest();
  }

  public static byte[] leafHash(byte[] data) {
    MessageDigest digest = SHA256.get();
    digest.update((byte) 0x00);
    return digest.digest(data);
  }

  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest digest = SHA256.get();
    digest.update((byte) 0x01);
    digest.update(left);
    return digest.digest(right);
  }

  /** The largest power of two smaller than {@code n} (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
  static long split(long n) {
    return Long.highestOneBit(n - 1);
  }
}
