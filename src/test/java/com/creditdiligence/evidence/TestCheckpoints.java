package com.creditdiligence.evidence;

import com.creditdiligence.evidence.transparency.NoteKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** A fresh checkpoint store with a signer key, as a deployment provides them (the postgres profile generates none). */
public final class TestCheckpoints {

  private TestCheckpoints() {}

  /** A new store directory under target/, its signer key in {@code checkpoint.key} inside it. */
  public static Path newStore() {
    try {
      Path directory =
          Files.createDirectories(
                  Path.of("target", "checkpoints-test", UUID.randomUUID().toString()))
              .toAbsolutePath();
      Files.writeString(
          directory.resolve("checkpoint.key"),
          NoteKeys.generate("credit-diligence/evidence-ledger").signerKey() + "\n");
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The command-line arguments that point an application at the store. */
  public static List<String> arguments(Path store) {
    return List.of(
        "--credit-diligence.checkpoints.directory=" + store,
        "--credit-diligence.checkpoints.key-file=" + store.resolve("checkpoint.key"));
  }
}
