package com.creditdiligence.evidence.transparency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An append-only array of 32-byte hashes, in chunks, so that millions of them cost no boxing and no copying. */
final class HashArray {

  private static final int CHUNK_HASHES = 1 << 15;

  private final List<byte[]> chunks = new ArrayList<>();
  private long size;

  void add(byte[] hash) {
    int offset = (int) (size % CHUNK_HASHES) * Rfc9162.HASH_SIZE;
    if (offset == 0) {
      chunks.add(new byte[CHUNK_HASHES * Rfc9162.HASH_SIZE]);
    }
    System.arraycopy(hash, 0, chunks.get(chunks.size() - 1), offset, Rfc9162.HASH_SIZE);
    size++;
  }

  byte[] get(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    int offset = (int) (index % CHUNK_HASHES) * Rfc9162.HASH_SIZE;
    byte[] chunk = chunks.get((int) (index / CHUNK_HASHES));
    return Arrays.copyOfRange(chunk, offset, offset + Rfc9162.HASH_SIZE);
  }

  long size() {
    return size;
  }
}
