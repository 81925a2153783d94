package com.creditdiligence.evidence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical serialization of the ledger, so that anyone can recompute a record's hash from the
 * database alone, with any language. Two versions exist; each record names its own in its column
 * {@code canonical_version}, and is verified under that version forever. New records are written
 * under {@value #VERSION}.
 *
 * <ol>
 *   <li><b>JSON text</b> (findings, documents, and the hash input): no whitespace; objects with their
 *       keys sorted by Unicode code point; strings escaped as RFC 8259 requires and no more — {@code \"},
 *       {@code \\}, {@code \b \f \n \r \t}, other characters below U+0020 as {@code &#92;u00XX} (lower-case
 *       hex), everything else literal, UTF-8; numbers as plain decimals without exponent and without
 *       trailing zeros ({@code 3000000}, {@code 0.5}); {@code true}, {@code false}, {@code null}.
 *       Python's {@code json.dumps(v, ensure_ascii=False, separators=(",", ":"), sort_keys=True)}
 *       produces the same text for strings, integers and nested values.</li>
 *   <li><b>Time</b>: the instant in UTC, ISO-8601 with exactly three fractional digits,
 *       {@code 2026-11-24T01:05:14.123Z}.</li>
 *   <li><b>Hash input</b>, by the record's {@code canonical_version}; every element a string (the
 *       column's text; sequence numbers in decimal) or null:
 *       <ul>
 *         <li>{@value #V1} (the records written before Flyway V33): the JSON array {@code
 *             ["credit-diligence-ledger-v1", business_key, sequence_no, record_type,
 *             process_definition_key, process_instance_id, element_id, task_id, duty_code, clause,
 *             performer, assignee, recorded_at, verification_method, findings, documents,
 *             rule_set_version, amends_sequence_no, amendment_reason, previous_hash]}. Such a record's
 *             {@code process_definition_id} is null; one that is not has been changed.</li>
 *         <li>{@value #V2}: the same array with {@code process_definition_id} (the engine's id of the
 *             process definition, {@code guarantee-lifecycle:3:…}) after {@code process_definition_key}:
 *             {@code ["credit-diligence-ledger-v2", business_key, sequence_no, record_type,
 *             process_definition_key, process_definition_id, process_instance_id, element_id, task_id,
 *             duty_code, clause, performer, assignee, recorded_at, verification_method, findings,
 *             documents, rule_set_version, amends_sequence_no, amendment_reason, previous_hash]}.</li>
 *       </ul>
 *       The first element is the record's {@code canonical_version} itself, so that changing it
 *       changes the hash input. A record naming any other version does not verify.</li>
 *   <li><b>record_hash</b> = lower-case hex SHA-256 of the hash input's UTF-8 bytes; the first record of
 *       a case has previous_hash {@link #GENESIS} (64 zeros). Records of both versions chain alike:
 *       previous_hash is the record before's record_hash, whatever its version.</li>
 * </ol>
 *
 * <p>The Merkle tree over the ledger ({@code evidence/transparency}) takes each record's record_hash as
 * it stands, and so is the same for both versions.
 */
public final class CanonicalForm {

  /** The canonical form of the records written before the process definition id had its own column. */
  public static final String V1 = "credit-diligence-ledger-v1";

  /** The canonical form with the process definition id (Flyway V33 on). */
  public static final String V2 = "credit-diligence-ledger-v2";

  /** The canonical form new records are written under. */
  public static final String VERSION = V2;

  public static final String GENESIS = "0".repeat(64);

  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  private CanonicalForm() {}

  public static String json(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  /** Point 2 of the specification; written by hand because verification formats millions of them. */
  public static String time(Instant instant) {
    long seconds = instant.getEpochSecond();
    LocalDateTime utc = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    if (utc.getYear() < 0 || utc.getYear() > 9999) {
      return INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
    char[] text = "0000-00-00T00:00:00.000Z".toCharArray();
    digits(text, 0, 4, utc.getYear());
    digits(text, 5, 2, utc.getMonthValue());
    digits(text, 8, 2, utc.getDayOfMonth());
    digits(text, 11, 2, utc.getHour());
    digits(text, 14, 2, utc.getMinute());
    digits(text, 17, 2, utc.getSecond());
    digits(text, 20, 3, instant.getNano() / 1_000_000);
    return new String(text);
  }

  private static void digits(char[] text, int at, int width, int value) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  public static String hashInput(List<String> fields) {
    return json(fields);
  }

  /** The hash of a hash input (point 4), written straight from its fields without building a list or a tree. */
  static String hashOf(String... fields) {
    StringBuilder out = BUFFER.get();
    out.setLength(0);
    out.append('[');
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      if (fields[i] == null) {
        out.append("null");
      } else {
        writeString(fields[i], out);
      }
    }
    out.append(']');
    return sha256(out.toString());
  }

  private static final ThreadLocal<StringBuilder> BUFFER =
      ThreadLocal.withInitial(() -> new StringBuilder(1024));

  public static String sha256(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256Hex(byte[] bytes) {
    MessageDigest digest = SHA_256.get();
    digest.reset();
    return HEX.formatHex(digest.digest(bytes));
  }

  /** A digest per thread: looking one up costs more than hashing a record (verification hashes millions). */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
          });

  private static final HexFormat HEX = HexFormat.of();

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      writeString(text, out);
    } else if (value instanceof Boolean bool) {
      out.append(bool);
    } else if (value instanceof Number number) {
      out.append(plainNumber(number));
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>(CanonicalForm::byCodePoint);
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> entry : sorted.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(entry.getKey(), out);
        out.append(':');
        write(entry.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof Collection<?> items) {
      out.append('[');
      boolean first = true;
      for (Object item : items) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(item, out);
      }
      out.append(']');
    } else {
      writeString(value.toString(), out);
    }
  }

  private static String plainNumber(Number number) {
    BigDecimal decimal = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    BigDecimal stripped = decimal.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
  }

  private static void writeString(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static int byCodePoint(String a, String b) {
    return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }
}
