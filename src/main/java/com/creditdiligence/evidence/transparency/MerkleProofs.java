package com.creditdiligence.evidence.transparency;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies RFC 9162 proofs (§2.1.3.2 inclusion, §2.1.4.2 consistency) from the proof alone: what an auditor
 * runs without the tree, the database or the application.
 */
public final class MerkleProofs {

  private MerkleProofs() {}

  public static boolean verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
    if (index < 0 || index >= size || !isHash(leafHash) || !isHash(root)) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0 || p == null || p.length != Rfc9162.HASH_SIZE) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = Rfc9162.nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = Rfc9162.nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  public static boolean verifyConsistency(
      long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
    // A proof from the empty tree proves nothing (it is a prefix of every tree): refused, as
    // transparency-dev does.
    if (size1 <= 0 || size2 < size1 || root1 == null || root2 == null) {
      return false;
    }
    if (size1 == size2) {
      return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
    }
    if (proof.isEmpty() || !isHash(root1) || !isHash(root2)) {
      return false;
    }
    int next = 0;
    byte[] start;
    if (Long.bitCount(size1) == 1) {
      start =
          root1; // the old tree is a complete subtree of the new one: the proof leaves its root out
    } else {
      start = proof.get(next++);
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = start;
    byte[] sr = start;
    for (; next < proof.size(); next++) {
      byte[] c = proof.get(next);
      if (sn == 0 || c == null || c.length != Rfc9162.HASH_SIZE) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = Rfc9162.nodeHash(c, fr);
        sr = Rfc9162.nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = Rfc9162.nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
  }

  private static boolean isHash(byte[] hash) {
    return hash != null && hash.length == Rfc9162.HASH_SIZE;
  }
}
