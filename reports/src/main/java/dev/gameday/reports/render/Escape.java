package dev.gameday.reports.render;

/**
 * Escapes journal text for the formats we write: HTML/XML text and attributes, and Markdown
 * table cells. Every string that comes from a journal goes through one of these.
 */
public final class Escape {
  private Escape() {}

  /** For HTML and XML text and (double- or single-quoted) attribute values. */
  public static String xml(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            b.append('\uFFFD');
          } else if (Character.isSurrogate(c) && !validSurrogate(s, i)) {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /**
   * For Markdown (CommonMark and GitHub-flavoured, which also renders raw HTML): Markdown's own
   * backslash escapes, not HTML entities, so the source reads as plain text ({@code probes'}, not
   * {@code probes&#39;}). Markdown punctuation, table pipes and {@code < > &} are escaped (so
   * journal text is shown, never run as HTML), line breaks flattened, control characters replaced.
   */
  public static String markdown(String s) {
    String flat = s == null ? "" : s.replace("\r", "").replace("\n", " ");
    StringBuilder b = new StringBuilder(flat.length() + 8);
    for (int i = 0; i < flat.length(); i++) {
      char c = flat.charAt(i);
      if ("\\`*_[]|#!~<>&".indexOf(c) >= 0) {
        b.append('\\').append(c);
      } else if ((c < 0x20 && c != '\t') || (Character.isSurrogate(c) && !validSurrogate(flat, i))) {
        b.append('\uFFFD');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** For inline code in Markdown: a code span that the text cannot close. */
  public static String markdownCode(String s) {
    String flat = s == null ? "" : s.replace("\r", "").replace("\n", " ");
    int run = 0;
    int longest = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    // Nothing inside a code span is interpreted, neither Markdown nor HTML: no escapes needed.
    return fence + " " + flat + " " + fence;
  }
}
