package dev.gameday.reports.scan;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes short UTF-8 strings that repeat (probe names, outcomes, reasons) once, then hands out
 * the same String: a fixed-size table indexed by the bytes' hash; a collision just decodes anew.
 */
final class StringCache {
  private final byte[][] keys;
  private final String[] values;
  private final int mask;

  StringCache(int size) {
    int n = Integer.highestOneBit(Math.max(16, size));
    keys = new byte[n][];
    values = new String[n];
    mask = n - 1;
  }

  String get(byte[] b, int from, int to) {
    int len = to - from;
    if (len == 0) {
      return "";
    }
    int h = 1;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    int slot = (h ^ (h >>> 16)) & mask;
    byte[] k = keys[slot];
    if (k != null && k.length == len && Arrays.equals(k, 0, len, b, from, to)) {
      return values[slot];
    }
    String s = new String(b, from, len, StandardCharsets.UTF_8);
    if (len <= 256) {
      keys[slot] = Arrays.copyOfRange(b, from, to);
      values[slot] = s;
    }
    return s;
  }
}
