package dev.gameday.azure.fault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of the NSG rules Gameday creates: {@code gameday-<runId>-<step>}, made to fit ARM's
 * rules (1-80 characters of letters, digits, '_', '.', '-'; starting with a letter or digit;
 * ending with a letter, digit or '_'). A name cut short ends in a hash of the whole name so two
 * long names stay apart. {@link #PREFIX} is how {@code gameday sweep} recognises leftovers.
 */
public final class RuleNames {
  public static final String PREFIX = "gameday-";
  static final int MAX = 80;

  private RuleNames() {}

  public static String of(String runId, String step) {
    String raw = PREFIX + runId + "-" + step;
    String clean = raw.replaceAll("[^A-Za-z0-9_.-]", "-");
    if (clean.length() > MAX) {
      clean = clean.substring(0, MAX - 9) + "-" + hash(raw);
    }
    return trimEnd(clean);
  }

  private static String trimEnd(String s) {
    String t = s;
    while (!t.isEmpty() && (t.endsWith("-") || t.endsWith("."))) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
