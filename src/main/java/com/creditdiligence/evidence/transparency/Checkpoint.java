package com.creditdiligence.evidence.transparency;

import java.time.Instant;
import java.util.Base64;

/**
 * A tree head in the C2SP tlog-checkpoint body format: the log's origin, the tree size, the root hash (base64),
 * then one extension line with the signing time ({@code time 2026-12-02T10:30:00Z}, UTC).
 */
public record Checkpoint(String origin, long size, byte[] rootHash, Instant time) {

  static final String TIME_LINE = "time ";

  public String body() {
    return origin
        + "\n"
        + size
        + "\n"
        + Base64.getEncoder().encodeToString(rootHash)
        + "\n"
        + TIME_LINE
        + time
        + "\n";
  }

  public String rootBase64() {
    return Base64.getEncoder().encodeToString(rootHash);
  }

  public static Checkpoint parseBody(String body) {
    String[] lines = body.split("\n", -1);
    if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
      throw new CheckpointException(
          "a checkpoint has an origin, a size and a root hash, each on a line of its own");
    }
    try {
      long size = Long.parseLong(lines[1]);
      byte[] root = Base64.getDecoder().decode(lines[2]);
      if (size < 0 || root.length != Rfc9162.HASH_SIZE) {
        throw new CheckpointException(
            "a checkpoint's size is not negative and its root hash has 32 bytes");
      }
      Instant time = null;
      for (int i = 3; i < lines.length - 1; i++) {
        if (lines[i].startsWith(TIME_LINE)) {
          time = Instant.parse(lines[i].substring(TIME_LINE.length()));
        }
      }
      return new Checkpoint(lines[0], size, root, time);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new CheckpointException("not a checkpoint: " + e.getMessage());
    }
  }
}
