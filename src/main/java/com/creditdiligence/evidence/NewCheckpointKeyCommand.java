package com.creditdiligence.evidence;

import com.creditdiligence.evidence.transparency.NoteKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a checkpoint signer key: {@code KEY_FILE} (the signer key, readable by its owner only; never overwritten)
 * and {@code KEY_FILE.pub} (the verifier key, for auditors).
 *
 * <pre>
 * java -cp target/credit-diligence-0.1.0-SNAPSHOT.jar \
 *      -Dloader.main=com.creditdiligence.evidence.NewCheckpointKeyCommand \
 *      org.springframework.boot.loader.launch.PropertiesLauncher /etc/credit-diligence/checkpoint.key
 * </pre>
 */
public final class NewCheckpointKeyCommand {

  static final String DEFAULT_NAME = "credit-diligence/evidence-ledger";

  private NewCheckpointKeyCommand() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: NewCheckpointKeyCommand KEY_FILE [NAME]");
      System.exit(2);
    }
    NoteKeys.Signer key = write(Path.of(args[0]), args.length > 1 ? args[1] : DEFAULT_NAME);
    System.out.println("signer key written to " + args[0] + "; give auditors " + args[0] + ".pub:");
    System.out.println(key.verifierKey());
  }

  /** Writes a new key and its public half; refuses to overwrite an existing key. */
  static NoteKeys.Signer write(Path file, String name) throws IOException {
    NoteKeys.Signer key = NoteKeys.generate(name);
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(
        file, key.signerKey() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Without POSIX permissions the deployment protects the key itself.
    }
    Files.writeString(
        file.resolveSibling(file.getFileName() + ".pub"),
        key.verifierKey() + "\n",
        StandardCharsets.UTF_8);
    return key;
  }
}
