package dev.gameday.core.load;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of an experiment file into text before any YAML parsing, refusing what YAML
 * would choke on or misread: files over {@link #MAX_BYTES}, empty files, binary files, bytes that
 * are not UTF-8, and tabs used for indentation. Each refusal is located.
 */
final class SourceDecoder {

  /** Largest experiment file accepted: 1 MiB. */
  static final int MAX_BYTES = 1024 * 1024;

  /** The decoded text, or the problems (text is null then). */
  record Decoded(String text, List<Finding.Located> problems) {}

  static final String TOO_LARGE_HINT = "an experiment this large is almost certainly not the file you meant";

  private SourceDecoder() {}

  static String tooLarge(long size) {
    return "the file is " + size + " bytes; experiment files may be at most " + MAX_BYTES + " bytes (1 MiB)";
  }

  static Decoded decode(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      return refuse(1, 1, tooLarge(bytes.length), TOO_LARGE_HINT);
    }
    if (bytes.length == 0) {
      return refuse(1, 1, "the file is empty", "start from one of the examples in experiments/");
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        Position p = positionOfByte(bytes, i);
        return refuse(p.line(), p.column(), "this is a binary file, not YAML text (NUL byte at byte offset " + i + ")", null);
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      Position p = positionOfByte(bytes, offset);
      return refuse(p.line(), p.column(), String.format("the file is not valid UTF-8: byte 0x%02X at byte offset %d",
          bytes[offset] & 0xff, offset), "save the file as UTF-8");
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Finding.Located> tabs = indentationTabs(text);
    if (!tabs.isEmpty()) {
      return new Decoded(null, tabs);
    }
    return new Decoded(text, List.of());
  }

  private static List<Finding.Located> indentationTabs(String text) {
    List<Finding.Located> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      for (int c = 0; c < line.length(); c++) {
        char ch = line.charAt(c);
        if (ch == '\t') {
          out.add(new Finding.Located(new Position(i + 1, c + 1),
              "tab character in indentation; YAML indents with spaces only", "replace the tab with spaces"));
          break;
        }
        if (ch != ' ') {
          break;
        }
      }
    }
    return out;
  }

  private static Position positionOfByte(byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String prefix;
    try {
      prefix = StandardCharsets.UTF_8.newDecoder()
          .decode(ByteBuffer.wrap(bytes, lineStart, offset - lineStart)).toString();
    } catch (CharacterCodingException e) {
      prefix = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
    }
    return new Position(line, prefix.codePointCount(0, prefix.length()) + 1);
  }

  private static Decoded refuse(int line, int column, String message, String hint) {
    return new Decoded(null, List.of(new Finding.Located(new Position(line, column), message, hint)));
  }
}
