package com.creditdiligence.evidence.transparency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 keys in the C2SP signed-note formats (golang.org/x/mod/sumdb/note): a signer key
 * {@code PRIVATE+KEY+<name>+<key id>+<base64(0x01 ‖ seed)>} and a verifier key
 * {@code <name>+<key id>+<base64(0x01 ‖ public key)>}, the key id being the first four bytes of
 * SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key). BouncyCastle's Ed25519 (the JDK's is some twenty times slower).
 */
public final class NoteKeys {

  private static final byte ED25519 = 0x01;
  private static final String PRIVATE = "PRIVATE+KEY+";

  private NoteKeys() {}

  /** A signer: signs note bodies under its name. */
  public record Signer(String name, byte[] keyId, Ed25519PrivateKeyParameters key) {

    public String verifierKey() {
      return NoteKeys.verifierKey(name, key.generatePublicKey().getEncoded());
    }

    public String signerKey() {
      return PRIVATE
          + name
          + "+"
          + HexFormat.of().formatHex(keyId)
          + "+"
          + Base64.getEncoder().encodeToString(prefixed(key.getEncoded()));
    }

    /** The signed note: the body, a blank line, and the signature line {@code — <name> <base64(key id ‖ sig)>}. */
    public String sign(String body) {
      Ed25519Signer signer = new Ed25519Signer();
      signer.init(true, key);
      byte[] text = body.getBytes(StandardCharsets.UTF_8);
      signer.update(text, 0, text.length);
      byte[] signature = signer.generateSignature();
      byte[] line = new byte[4 + signature.length];
      System.arraycopy(keyId, 0, line, 0, 4);
      System.arraycopy(signature, 0, line, 4, signature.length);
      return body + "\n\u2014 " + name + " " + Base64.getEncoder().encodeToString(line) + "\n";
    }
  }

  /** A verifier: checks a signed note's signature by this key and gives back the body. */
  public record Verifier(String name, byte[] keyId, Ed25519PublicKeyParameters key) {

    /** @return the note's body, when a signature line of this key verifies it */
    public String open(String note) {
      int split = note.lastIndexOf("\n\n");
      if (split < 0 || !note.endsWith("\n")) {
        throw new CheckpointException(
            "not a signed note: no blank line between the text and its signatures");
      }
      String body = note.substring(0, split + 1);
      byte[] text = body.getBytes(StandardCharsets.UTF_8);
      for (String line : note.substring(split + 2).split("\n")) {
        String prefix = "\u2014 " + name + " ";
        if (!line.startsWith(prefix)) {
          continue;
        }
        byte[] signed;
        try {
          signed = Base64.getDecoder().decode(line.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (signed.length != 4 + 64 || !Arrays.equals(Arrays.copyOf(signed, 4), keyId)) {
          continue;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(text, 0, text.length);
        if (verifier.verifySignature(Arrays.copyOfRange(signed, 4, signed.length))) {
          return body;
        }
        throw new CheckpointException(
            "the signature of «"
                + name
                + "» does not verify: the checkpoint was altered "
                + "or not signed by this key");
      }
      throw new CheckpointException("the note carries no signature of «" + name + "»");
    }
  }

  public static Signer generate(String name) {
    return signer(name, new Ed25519PrivateKeyParameters(new SecureRandom()));
  }

  public static Signer parseSigner(String text) {
    String trimmed = text.trim();
    // The key's base64 may itself hold '+': the name and the id end at the first two.
    String[] parts =
        trimmed.startsWith(PRIVATE)
            ? trimmed.substring(PRIVATE.length()).split("\\+", 3)
            : new String[0];
    if (parts.length != 3) {
      throw new CheckpointException("not a signer key (PRIVATE+KEY+name+id+key)");
    }
    byte[] key = decodeKey(parts[2]);
    Signer signer = signer(parts[0], new Ed25519PrivateKeyParameters(key, 0));
    if (!HexFormat.of().formatHex(signer.keyId()).equals(parts[1])) {
      throw new CheckpointException("the signer key's id does not match its key");
    }
    return signer;
  }

  public static Verifier parseVerifier(String text) {
    String[] parts = text.trim().split("\\+", 3);
    if (parts.length != 3) {
      throw new CheckpointException("not a verifier key (name+id+key)");
    }
    byte[] key = decodeKey(parts[2]);
    byte[] id = keyId(parts[0], key);
    if (!HexFormat.of().formatHex(id).equals(parts[1])) {
      throw new CheckpointException("the verifier key's id does not match its key");
    }
    return new Verifier(parts[0], id, new Ed25519PublicKeyParameters(key, 0));
  }

  static String verifierKey(String name, byte[] publicKey) {
    return name
        + "+"
        + HexFormat.of().formatHex(keyId(name, publicKey))
        + "+"
        + Base64.getEncoder().encodeToString(prefixed(publicKey));
  }

  private static Signer signer(String name, Ed25519PrivateKeyParameters key) {
    if (name.isEmpty() || name.contains("+") || name.chars().anyMatch(c -> c <= ' ')) {
      throw new CheckpointException("a key name has no spaces and no '+'");
    }
    return new Signer(name, keyId(name, key.generatePublicKey().getEncoded()), key);
  }

  private static byte[] keyId(String name, byte[] publicKey) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(name.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(ED25519);
      return Arrays.copyOf(sha.digest(publicKey), 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] decodeKey(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new CheckpointException("the key is not base64");
    }
    if (bytes.length != 33 || bytes[0] != ED25519) {
      throw new CheckpointException("only Ed25519 keys (algorithm 1, 32 bytes) are supported");
    }
    return Arrays.copyOfRange(bytes, 1, 33);
  }

  private static byte[] prefixed(byte[] key) {
    byte[] out = new byte[key.length + 1];
    out[0] = ED25519;
    System.arraycopy(key, 0, out, 1, key.length);
    return out;
  }
}
