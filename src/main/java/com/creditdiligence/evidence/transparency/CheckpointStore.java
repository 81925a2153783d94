package com.creditdiligence.evidence.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The append-only store of signed checkpoints outside the database: a directory in which files are only ever
 * created, never rewritten, renamed or deleted, so that it can be write-once storage (a WORM share, an S3 bucket
 * with Object Lock mounted by mountpoint-s3). For each checkpoint of size n after one of size m it writes first
 * {@code leaves/<m>-<n>.txt} (for each new leaf: its index, case, sequence number and record hash), then
 * {@code checkpoints/<n>.txt} (the signed note). The leaves are covered by the signature through the root: a
 * changed line no longer hashes to the signed root. They are what lets a check name the first record that
 * disagrees, not just say that some record does. A signer stopped between the two files leaves leaves without a
 * checkpoint; the next one covers them again, and overlapping files must agree.
 */
public final class CheckpointStore {

  private final Path checkpoints;
  private final Path leaves;

  public CheckpointStore(Path directory) {
    this.checkpoints = directory.resolve("checkpoints");
    this.leaves = directory.resolve("leaves");
    try {
      Files.createDirectories(checkpoints);
      Files.createDirectories(leaves);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the checkpoint directory " + directory, e);
    }
  }

  /** A signed checkpoint as stored, and its body once its signature verified. */
  public record Stored(Checkpoint checkpoint, String note) {}

  /** Writes the new leaves, then the checkpoint over them; a checkpoint of that size already stored wins. */
  public void append(
      List<LedgerLeaf> newLeaves, long fromSize, Checkpoint checkpoint, String note) {
    if (fromSize + newLeaves.size() != checkpoint.size()) {
      throw new IllegalArgumentException(
          "leaves "
              + fromSize
              + "…"
              + (fromSize + newLeaves.size())
              + " do not make a tree of "
              + checkpoint.size());
    }
    StringBuilder lines = new StringBuilder();
    for (LedgerLeaf leaf : newLeaves) {
      lines
          .append(leaf.index())
          .append(' ')
          .append(leaf.businessKey())
          .append(' ')
          .append(leaf.sequenceNo())
          .append(' ')
          .append(leaf.recordHash())
          .append('\n');
    }
    try {
      if (!newLeaves.isEmpty()) {
        Path file = leaves.resolve(name(fromSize) + "-" + name(checkpoint.size()) + ".txt");
        try {
          writeOnce(file, lines.toString());
        } catch (FileAlreadyExistsException leftOver) {
          // Left by a signer stopped before its checkpoint, or by another node: the same leaves, or
          // none of ours.
          if (!read(file).equals(lines.toString())) {
            throw new CheckpointException(
                file.getFileName() + " exists with other leaves than the ledger's");
          }
        }
      }
      writeOnce(checkpoints.resolve(name(checkpoint.size()) + ".txt"), note);
    } catch (FileAlreadyExistsException another) {
      // Another node signed this size first; its checkpoint stands.
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + checkpoint.size(), e);
    }
  }

  /** Every stored checkpoint, smallest first, each opened with the verifier (a bad signature throws). */
  public List<Stored> checkpoints(NoteKeys.Verifier verifier) {
    List<Stored> stored = new ArrayList<>();
    for (Path file : files(checkpoints)) {
      String note = read(file);
      try {
        Checkpoint checkpoint = Checkpoint.parseBody(verifier.open(note));
        stored.add(new Stored(checkpoint, note));
      } catch (CheckpointException e) {
        throw new CheckpointException(file.getFileName() + ": " + e.getMessage(), e);
      }
    }
    stored.sort((a, b) -> Long.compare(a.checkpoint().size(), b.checkpoint().size()));
    return stored;
  }

  /** The checkpoint of that size, its signature verified. */
  public Stored checkpoint(long size, NoteKeys.Verifier verifier) {
    String note = read(checkpoints.resolve(name(size) + ".txt"));
    return new Stored(Checkpoint.parseBody(verifier.open(note)), note);
  }

  public Optional<Stored> latest(NoteKeys.Verifier verifier) {
    List<Stored> all = checkpoints(verifier);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** The leaves the checkpoints were signed over, in order from leaf 0 (a gap or overlap throws). */
  public List<LedgerLeaf> leaves() {
    List<LedgerLeaf> all = new ArrayList<>();
    for (Path file : files(leaves)) {
      for (String line : read(file).split("\n")) {
        if (line.isEmpty()) {
          continue;
        }
        String[] field = line.split(" ");
        LedgerLeaf leaf =
            new LedgerLeaf(
                Long.parseLong(field[0]), field[1], Integer.parseInt(field[2]), field[3]);
        if (leaf.index() < all.size()) {
          // Files overlap where a signer stopped between its leaves and its checkpoint: they must
          // agree.
          if (!all.get((int) leaf.index()).equals(leaf)) {
            throw new CheckpointException(
                file.getFileName()
                    + ": leaf "
                    + leaf.index()
                    + " differs from the same leaf in an earlier file");
          }
          continue;
        }
        if (leaf.index() != all.size()) {
          throw new CheckpointException(
              file.getFileName()
                  + ": leaf "
                  + leaf.index()
                  + " where leaf "
                  + all.size()
                  + " was due: the store's leaves have a gap or an overlap");
        }
        all.add(leaf);
      }
    }
    return all;
  }

  private static List<Path> files(Path directory) {
    try (Stream<Path> list = Files.list(directory)) {
      return list.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Created, written and forced to disk, never opened for writing again. */
  private static void writeOnce(Path file, String text) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      channel.write(StandardCharsets.UTF_8.encode(text));
      channel.force(true);
    }
  }

  /** Zero-padded, so that names sort as the sizes do. */
  private static String name(long size) {
    return "%020d".formatted(size);
  }
}
