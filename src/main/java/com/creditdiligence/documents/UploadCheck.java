package com.creditdiligence.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * What an upload must be before it is filed, for the API and the documents page alike: a plain file name, and
 * content that is, by its own bytes, one of the accepted types, named with that type's extension, and only that
 * (no executable, no second file appended to it). The client's media type is not asked: the content's is kept.
 */
public class UploadCheck {

  static final String PDF = "application/pdf";
  static final String PNG = "image/png";
  static final String JPEG = "image/jpeg";
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  static final int MAX_NAME_LENGTH = 255;

  /** Characters that make a name a path, or that Windows (where a downloaded document lands) refuses in one. */
  static final String NOT_IN_A_NAME = "/\\:*?\"<>|";

  /** A ZIP reader looks for the archive's end record in the last 22 bytes plus the longest comment (65,535). */
  private static final int ZIP_TAIL = 22 + 65_535;

  private static final byte[] ZIP_END = {'P', 'K', 5, 6};
  private static final byte[] ZIP_ENTRY = {'P', 'K', 1, 2};
  private static final byte[] PDF_END = "%%EOF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG_END = HexFormat.of().parseHex("0000000049454e44ae426082");
  private static final byte[] JPEG_END = {(byte) 0xFF, (byte) 0xD9};

  /** The first bytes of programs: Windows (MZ), Linux (ELF), macOS (Mach-O, both byte orders, and fat/Java), scripts. */
  private static final List<byte[]> EXECUTABLE_STARTS =
      List.of(
          new byte[] {'M', 'Z'},
          new byte[] {0x7F, 'E', 'L', 'F'},
          HexFormat.of().parseHex("feedface"),
          HexFormat.of().parseHex("feedfacf"),
          HexFormat.of().parseHex("cefaedfe"),
          HexFormat.of().parseHex("cffaedfe"),
          HexFormat.of().parseHex("cafebabe"),
          new byte[] {'#', '!'});

  private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();

  private final Set<String> accepted;

  public UploadCheck(Set<String> acceptedMediaTypes) {
    this.accepted = new TreeSet<>(acceptedMediaTypes);
  }

  /** An upload that passed: its name as filed and the media type its content has. */
  public record Accepted(String fileName, String mediaType) {}

  /** Why an upload is not filed, in words for its uploader (Chinese, then English). */
  public static class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  public Accepted check(String fileName, byte[] content) {
    String name = plainName(fileName);
    if (content.length == 0) {
      throw new Refused("文件为空 The file is empty");
    }
    String mediaType = contentType(content);
    if (!accepted.contains(mediaType)) {
      throw new Refused(
          "不接受的文件类型 "
              + mediaType
              + " The content is "
              + mediaType
              + ", which is not accepted; accepted: "
              + String.join(", ", accepted));
    }
    List<String> extensions = extensionsOf(mediaType);
    String extension = extensionOf(name);
    if (!extensions.contains(extension)) {
      throw new Refused(
          "文件类型不符:内容为 "
              + mediaType
              + ",文件名应以 "
              + String.join(" / ", extensions)
              + " 结尾"
              + " File type mismatch: the content is "
              + mediaType
              + " but the name ends in “"
              + extension
              + "”; expected "
              + String.join(" or ", extensions));
    }
    requireNothingAppended(mediaType, content);
    return new Accepted(name, mediaType);
  }

  /** The name as the uploader's system has it, without surrounding blanks; anything else than a plain name is refused. */
  String plainName(String fileName) {
    String name = fileName == null ? "" : fileName.strip();
    if (name.isEmpty()) {
      throw new Refused("文件须有名称 The file needs a name");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new Refused(
          "文件名过长(最多 "
              + MAX_NAME_LENGTH
              + " 个字符) The file name is longer than "
              + MAX_NAME_LENGTH
              + " characters");
    }
    if (name.codePoints().anyMatch(UploadCheck::isControl)) {
      throw new Refused("文件名含控制字符 The file name contains control characters");
    }
    if (name.chars().anyMatch(c -> NOT_IN_A_NAME.indexOf(c) >= 0)) {
      throw new Refused(
          "文件名不得含路径或以下字符 "
              + NOT_IN_A_NAME
              + " The file name must be a plain name, without a path or"
              + " any of "
              + NOT_IN_A_NAME);
    }
    if (name.chars().allMatch(c -> c == '.')) {
      throw new Refused("文件名无效 “" + name + "” The file name must name a file, not “" + name + "”");
    }
    return name;
  }

  /**
   * Control characters, and the direction overrides that show "report‮fdp.exe" as "reportexe.pdf": a name is
   * shown to the people who open the document, and must read as what it is.
   */
  private static boolean isControl(int c) {
    return Character.getType(c) == Character.CONTROL
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E
        || c == 0x200F;
  }

  /** By magic only: the name is not a hint. A ZIP is an Office document if its entries say which one. */
  private static String contentType(byte[] content) {
    for (byte[] start : EXECUTABLE_STARTS) {
      if (startsWith(content, start)) {
        throw new Refused(
            "不接受可执行文件或脚本 Executables and scripts are not accepted (the content begins with "
                + printable(start)
                + ")");
      }
    }
    String sniffed;
    try {
      sniffed =
          TIKA.detect(new ByteArrayInputStream(content), new Metadata()).getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (sniffed.equals("application/zip") || sniffed.equals("application/x-tika-ooxml")) {
      return officeTypeOf(zipEntryNames(content)).orElse("application/zip");
    }
    return sniffed;
  }

  private static Optional<String> officeTypeOf(List<String> entries) {
    if (!entries.contains("[Content_Types].xml")) {
      return Optional.empty();
    }
    if (entries.stream().anyMatch(e -> e.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
      throw new Refused("不接受含宏的文档 Documents with macros are not accepted");
    }
    if (entries.contains("word/document.xml")) {
      return Optional.of(DOCX);
    }
    if (entries.contains("xl/workbook.xml")) {
      return Optional.of(XLSX);
    }
    return Optional.empty();
  }

  /**
   * A file is refused if more follows its own end: a PDF ends with %%EOF, a PNG with IEND, a JPEG with its end
   * marker, and a ZIP (Office) with the end record of the one archive that starts the file. Anything else than a
   * ZIP may not carry a ZIP end record where ZIP readers look for it (a PDF/ZIP polyglot opens as both).
   */
  private static void requireNothingAppended(String mediaType, byte[] content) {
    if (mediaType.equals(DOCX) || mediaType.equals(XLSX) || mediaType.equals("application/zip")) {
      return; // zipEntryNames has already required the archive to span the file exactly
    }
    if (lastIndexOf(content, ZIP_END, Math.max(0, content.length - ZIP_TAIL)) >= 0) {
      throw new Refused(
          "文件类型不符:"
              + mediaType
              + " 内藏 ZIP 压缩包 File type mismatch: the "
              + mediaType
              + " carries a ZIP archive (a file that opens as two is not accepted)");
    }
    byte[] end =
        switch (mediaType) {
          case PDF -> PDF_END;
          case PNG -> PNG_END;
          case JPEG -> JPEG_END;
          default -> null;
        };
    if (end != null && !endsWith(trimTrailingBlanks(content, mediaType.equals(PDF)), end)) {
      throw new Refused(
          "文件类型不符:"
              + mediaType
              + " 的结尾之后还有其他内容或文件不完整 File type mismatch: the "
              + mediaType
              + " does not end where its format ends ("
              + printable(end)
              + "): something follows it, or it"
              + " is cut short");
    }
  }

  /** The names in the archive's central directory; the archive must start the file and its end record end it. */
  private static List<String> zipEntryNames(byte[] zip) {
    int end = lastIndexOf(zip, ZIP_END, Math.max(0, zip.length - ZIP_TAIL));
    if (end < 0 || end + 22 > zip.length) {
      throw damaged();
    }
    int commentLength = u16(zip, end + 20);
    long directorySize = u32(zip, end + 12);
    long directoryOffset = u32(zip, end + 16);
    if (end + 22 + commentLength != zip.length || directoryOffset + directorySize != end) {
      throw new Refused(
          "文件类型不符:压缩包前后另有内容 File type mismatch: the archive does not span the file (something"
              + " precedes or follows it)");
    }
    List<String> names = new ArrayList<>();
    int at = (int) directoryOffset;
    while (at < end) {
      if (at + 46 > end || !regionMatches(zip, at, ZIP_ENTRY)) {
        throw damaged();
      }
      int nameLength = u16(zip, at + 28);
      int next = at + 46 + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
      if (next > end) {
        throw damaged();
      }
      names.add(new String(zip, at + 46, nameLength, StandardCharsets.UTF_8));
      at = next;
    }
    return names;
  }

  private static Refused damaged() {
    return new Refused("文件已损坏 The file is damaged: its archive structure cannot be read");
  }

  /** The file name extensions of the media types accepted (.pdf, .jpg, ...), as a file chooser's {@code accept}. */
  static List<String> extensionsAccepted(java.util.Collection<String> mediaTypes) {
    return mediaTypes.stream()
        .sorted()
        .flatMap(type -> extensionsOf(type).stream())
        .distinct()
        .toList();
  }

  private static List<String> extensionsOf(String mediaType) {
    try {
      return TIKA.forName(mediaType).getExtensions();
    } catch (MimeTypeException e) {
      return List.of();
    }
  }

  private static String extensionOf(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
  }

  /** PDF writers may end the file with a line break after %%EOF; other formats end exactly. */
  private static byte[] trimTrailingBlanks(byte[] content, boolean blanksAllowed) {
    int length = content.length;
    while (blanksAllowed
        && length > 0
        && (content[length - 1] == '\n'
            || content[length - 1] == '\r'
            || content[length - 1] == ' '
            || content[length - 1] == '\t'
            || content[length - 1] == 0)) {
      length--;
    }
    return length == content.length ? content : Arrays.copyOf(content, length);
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length && regionMatches(content, 0, prefix);
  }

  private static boolean endsWith(byte[] content, byte[] suffix) {
    return content.length >= suffix.length
        && regionMatches(content, content.length - suffix.length, suffix);
  }

  private static boolean regionMatches(byte[] content, int at, byte[] expected) {
    for (int i = 0; i < expected.length; i++) {
      if (content[at + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static int lastIndexOf(byte[] content, byte[] wanted, int from) {
    for (int at = content.length - wanted.length; at >= from; at--) {
      if (regionMatches(content, at, wanted)) {
        return at;
      }
    }
    return -1;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] b, int at) {
    return u16(b, at) | (long) u16(b, at + 2) << 16;
  }

  private static String printable(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      text.append(
          b >= 0x21 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02X", b & 0xFF));
    }
    return text.toString();
  }
}
