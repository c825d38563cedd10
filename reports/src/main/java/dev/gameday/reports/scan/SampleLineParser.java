package dev.gameday.reports.scan;

import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.journal.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads a {@code probe.sample} line straight from its UTF-8 bytes when it has exactly the shape
 * {@code JournalWriter} writes (fields in record order, no escapes in names). Anything else
 * returns null, and the caller falls back to Jackson, so this is only a shortcut, never a second
 * definition of the format. Repeated strings (probe names, outcomes, reasons) come from a small
 * cache instead of being decoded every time.
 */
final class SampleLineParser {
  private static final byte[] HEAD = ascii("{\"seq\":");
  private static final byte[] PREV = ascii(",\"prev\":\"");
  private static final int PREV_HEX = 64;
  private static final byte[] TYPE = ascii(",\"type\":\"probe.sample\",\"at\":{\"utc\":\"");
  private static final byte[] MONO = ascii("\",\"mono\":");
  private static final byte[] PROBE = ascii("},\"probe\":\"");
  private static final byte[] SCHEDULED = ascii("\",\"scheduled\":");
  private static final byte[] STARTED = ascii(",\"started\":");
  private static final byte[] ENDED = ascii(",\"ended\":");
  private static final byte[] STATUS = ascii(",\"status\":");
  private static final byte[] OUTCOME = ascii(",\"outcome\":\"");
  private static final byte[] REASON = ascii("\",\"reason\":\"");
  private static final byte[] TAIL = ascii("\"}");

  private final StringCache strings = new StringCache(4096);
  private final byte[] lastDate = new byte[10];
  private long lastEpochDay = Long.MIN_VALUE;

  private byte[] b;
  private int pos;
  private int end;

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** The entry for the line {@code buf[from, to)}, or null if it is not a plain sample line. */
  JournalEntry parse(byte[] buf, int from, int to) {
    b = buf;
    pos = from;
    end = to;
    while (end > pos && (b[end - 1] == '\r' || b[end - 1] == ' ')) {
      end--;
    }
    if (!expect(HEAD)) {
      return null;
    }
    long seq = number();
    if (seq < 0 || !skipPrev() || !expect(TYPE)) {
      return null;
    }
    int utcFrom = pos;
    int utcTo = until();
    if (utcTo < 0) {
      return null;
    }
    Instant utc = instant(utcFrom, utcTo);
    if (utc == null || !expect(MONO)) {
      return null;
    }
    long mono = signed();
    if (mono == Long.MIN_VALUE || !expect(PROBE)) {
      return null;
    }
    int probeFrom = pos;
    int probeTo = until();
    if (probeTo < 0 || !expect(SCHEDULED)) {
      return null;
    }
    long scheduled = signed();
    if (scheduled == Long.MIN_VALUE || !expect(STARTED)) {
      return null;
    }
    long started = signed();
    if (started == Long.MIN_VALUE || !expect(ENDED)) {
      return null;
    }
    long ended = signed();
    if (ended == Long.MIN_VALUE || !expect(STATUS)) {
      return null;
    }
    long status = number();
    if (status < 0 || status > Integer.MAX_VALUE || !expect(OUTCOME)) {
      return null;
    }
    int outcomeFrom = pos;
    int outcomeTo = until();
    if (outcomeTo < 0 || !expect(REASON)) {
      return null;
    }
    int reasonFrom = pos;
    int reasonTo = until();
    if (reasonTo < 0 || !expect(TAIL) || pos != end) {
      return null;
    }
    Outcome outcome = outcome(strings.get(b, outcomeFrom, outcomeTo));
    if (outcome == null) {
      return null;
    }
    return new JournalEntry(seq, new ProbeSample(new Stamp(utc, mono),
        strings.get(b, probeFrom, probeTo), scheduled, started, ended, (int) status, outcome,
        strings.get(b, reasonFrom, reasonTo)));
  }

  private static Outcome outcome(String s) {
    for (Outcome o : Outcome.values()) {
      if (o.name().equals(s)) {
        return o;
      }
    }
    return null;
  }

  /** Skips the chain hash of a version-2 line ({@code ,"prev":"<64 hex>"}), if there is one. */
  private boolean skipPrev() {
    if (!expect(PREV)) {
      return true;
    }
    if (end - pos < PREV_HEX + 1 || b[pos + PREV_HEX] != '"') {
      return false;
    }
    pos += PREV_HEX + 1;
    return true;
  }

  private boolean expect(byte[] token) {
    if (end - pos < token.length) {
      return false;
    }
    for (int i = 0; i < token.length; i++) {
      if (b[pos + i] != token[i]) {
        return false;
      }
    }
    pos += token.length;
    return true;
  }

  /** Moves past a plain string's closing quote; -1 if it has an escape or control byte. */
  private int until() {
    int i = pos;
    while (i < end) {
      byte c = b[i];
      if (c == '"') {
        int stop = i;
        pos = i;
        return stop;
      }
      if (c == '\\' || (c >= 0 && c < 0x20)) {
        return -1;
      }
      i++;
    }
    return -1;
  }

  private long number() {
    int start = pos;
    long v = 0;
    while (pos < end && b[pos] >= '0' && b[pos] <= '9' && pos - start < 18) {
      v = v * 10 + (b[pos] - '0');
      pos++;
    }
    return pos == start ? -1 : v;
  }

  private long signed() {
    boolean neg = pos < end && b[pos] == '-';
    if (neg) {
      pos++;
    }
    long v = number();
    return v < 0 ? Long.MIN_VALUE : neg ? -v : v;
  }

  private Instant instant(int from, int to) {
    int n = to - from;
    if (n < 20 || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T'
        || b[from + 13] != ':' || b[from + 16] != ':' || b[to - 1] != 'Z') {
      return null;
    }
    long epochDay;
    if (lastEpochDay != Long.MIN_VALUE && sameDate(from)) {
      epochDay = lastEpochDay;
    } else {
      int year = digits(from, from + 4);
      int month = digits(from + 5, from + 7);
      int day = digits(from + 8, from + 10);
      if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
        return null;
      }
      try {
        epochDay = LocalDate.of(year, month, day).toEpochDay();
      } catch (java.time.DateTimeException e) {
        return null;
      }
      System.arraycopy(b, from, lastDate, 0, 10);
      lastEpochDay = epochDay;
    }
    int hour = digits(from + 11, from + 13);
    int minute = digits(from + 14, from + 16);
    int second = digits(from + 17, from + 19);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      int digits = n - 21;
      if (b[from + 19] != '.' || digits < 1 || digits > 9) {
        return null;
      }
      nanos = digits(from + 20, to - 1);
      if (nanos < 0) {
        return null;
      }
      for (int i = digits; i < 9; i++) {
        nanos *= 10;
      }
    } else if (b[from + 19] != 'Z') {
      return null;
    }
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, nanos);
  }

  private boolean sameDate(int from) {
    for (int i = 0; i < 10; i++) {
      if (b[from + i] != lastDate[i]) {
        return false;
      }
    }
    return true;
  }

  private int digits(int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
