package dev.gameday.core.redact;

/**
 * Makes a string from outside (a status line, a response body, an Azure message, a file name)
 * safe to print on a terminal: control characters (C0, DEL, C1 — ESC among them) and the Unicode
 * bidirectional overrides are replaced by {@code ?}, and line breaks and tabs by a space, so an
 * answer such as {@code 599 ESC[2J...FAKE PASSED} can neither clear the screen nor forge a line.
 */
public final class TerminalText {
  private TerminalText() {}

  /** {@code text} with nothing a terminal would interpret; null becomes "". */
  public static String safe(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char replacement = replacement(c);
      if (replacement != c && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(replacement);
      }
    }
    return out == null ? text : out.toString();
  }

  private static char replacement(char c) {
    if (c == '\n' || c == '\r' || c == '\t') {
      return ' ';
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c)) {
      return '?';
    }
    return c;
  }

  private static boolean isBidiControl(char c) {
    return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e' || c == '\u200f' || c == '\u061c';
  }
}
