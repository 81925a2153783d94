package com.creditdiligence.evidence.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only Merkle tree (RFC 9162) over leaf hashes, in memory. It keeps the hash of every complete
 * subtree (level k holds the subtrees of 2^k leaves, left to right), so that appending costs O(1) hashes on
 * average, and the root of any earlier size, an inclusion proof and a consistency proof each cost O(log² n)
 * look-ups and hashes: no checkpoint ever rehashes the whole ledger. About 64 bytes per leaf.
 * Safe for one writer and many readers.
 */
public final class MerkleTree {

  private final List<HashArray> levels = new ArrayList<>(List.of(new HashArray()));

  public synchronized void append(byte[] leafHash) {
    if (leafHash.length != Rfc9162.HASH_SIZE) {
      throw new IllegalArgumentException("a leaf hash has 32 bytes, not " + leafHash.length);
    }
    levels.get(0).add(leafHash);
    byte[] carry = leafHash;
    for (int level = 0; levels.get(level).size() % 2 == 0; level++) {
      HashArray below = levels.get(level);
      carry = Rfc9162.nodeHash(below.get(below.size() - 2), carry);
      if (levels.size() == level + 1) {
        levels.add(new HashArray());
      }
      levels.get(level + 1).add(carry);
    }
  }

  public synchronized long size() {
    return levels.get(0).size();
  }

  public synchronized byte[] leaf(long index) {
    return levels.get(0).get(index);
  }

  public synchronized byte[] root() {
    return rootAt(size());
  }

  /** The root the tree had when it held its first {@code size} leaves. */
  public synchronized byte[] rootAt(long size) {
    checkSize(size);
    return size == 0 ? Rfc9162.emptyRoot() : hash(0, size);
  }

  /** RFC 9162 §2.1.3.1: the audit path of leaf {@code index} in the tree of the first {@code size} leaves. */
  public synchronized List<byte[]> inclusionProof(long index, long size) {
    checkSize(size);
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
    }
    List<byte[]> proof = new ArrayList<>();
    path(index, 0, size, proof);
    return proof;
  }

  /** RFC 9162 §2.1.4.1: the proof that the tree of {@code size1} leaves is a prefix of the tree of {@code size2}. */
  public synchronized List<byte[]> consistencyProof(long size1, long size2) {
    checkSize(size2);
    if (size1 < 0 || size1 > size2) {
      throw new IllegalArgumentException("no consistency proof from " + size1 + " to " + size2);
    }
    List<byte[]> proof = new ArrayList<>();
    if (size1 > 0 && size1 < size2) {
      subproof(size1, 0, size2, true, proof);
    }
    return proof;
  }

  private void path(long index, long begin, long end, List<byte[]> proof) {
    if (end - begin == 1) {
      return;
    }
    long k = Rfc9162.split(end - begin);
    if (index - begin < k) {
      path(index, begin, begin + k, proof);
      proof.add(hash(begin + k, end));
    } else {
      path(index, begin + k, end, proof);
      proof.add(hash(begin, begin + k));
    }
  }

  private void subproof(long m, long begin, long end, boolean whole, List<byte[]> proof) {
    long n = end - begin;
    if (m == n) {
      if (!whole) {
        proof.add(hash(begin, end));
      }
      return;
    }
    long k = Rfc9162.split(n);
    if (m <= k) {
      subproof(m, begin, begin + k, whole, proof);
      proof.add(hash(begin + k, end));
    } else {
      subproof(m - k, begin + k, end, false, proof);
      proof.add(hash(begin, begin + k));
    }
  }

  /** MTH(D[begin:end]): a stored complete subtree where the range is one, else split as RFC 9162 splits. */
  private byte[] hash(long begin, long end) {
    long n = end - begin;
    if (Long.bitCount(n) == 1 && begin % n == 0) {
      return levels.get(Long.numberOfTrailingZeros(n)).get(begin / n);
    }
    long k = Rfc9162.split(n);
    return Rfc9162.nodeHash(hash(begin, begin + k), hash(begin + k, end));
  }

  private void checkSize(long size) {
    if (size < 0 || size > levels.get(0).size()) {
      throw new IllegalArgumentException(
          "the tree has " + levels.get(0).size() + " leaves, not " + size);
    }
  }
}
