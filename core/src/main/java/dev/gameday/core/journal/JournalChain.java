package dev.gameday.core.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.digest.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a journal's hash chain (format version 2): every event line starts with
 * {@code {"seq":N,"prev":"<SHA-256 of the line before, without its newline>"}, and the sequence
 * numbers count up by one. The first line that does not follow the one before it is named, with
 * what most likely happened to it. A last line cut short is truncation (a crash), not a break; so
 * is a line cut short that rollback continued after.
 */
public final class JournalChain {
  private static final byte[] SEQ = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PREV = ",\"prev\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final int HEX = 64;

  private final ObjectMapper mapper = new ObjectMapper();

  /** Walks {@code file}, remembering the hash of each line numbered in {@code checkpoints}. */
  public ChainReport walk(Path file, Set<Long> checkpoints) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new JournalReader.UnreadableJournalException(file + ": no journal here");
    }
    String name = file.getFileName().toString();
    Map<Long, String> marks = new HashMap<>();
    List<String> notes = new ArrayList<>();
    int version = 0;
    long lineNo = 0;
    long lastSeq = 0;
    String lastHash = null;
    String broken = null;
    long brokenAt = 0;
    String torn = null;
    try (LineSource in = new LineSource(Files.newInputStream(file))) {
      while (in.next()) {
        lineNo++;
        byte[] b = in.buffer();
        String hash = Sha256.hex(b, in.from(), in.to());
        if (checkpoints.contains(lineNo)) {
          marks.put(lineNo, hash);
        }
        if (lineNo == 1) {
          version = JournalReader.headerVersion(file, in.text());
        } else if (version >= 2 && broken == null) {
          Line line = Line.parse(b, in.from(), in.to());
          boolean complete = complete(b, in.from(), in.to(), in.terminated());
          if (!complete && !in.terminated()) {
            torn = name + ":" + lineNo + ": the last line is incomplete (the run was probably"
                + " killed while writing it); every line before it is intact";
          } else if (!complete) {
            notes.add(name + ":" + lineNo + ": an incomplete line (the run was killed while"
                + " writing it), continued after by rollback");
            if (line != null && !line.prev().equals(lastHash)) {
              broken = breakAt(name, lineNo, line, lastSeq);
              brokenAt = lineNo;
            }
          } else if (line == null) {
            broken = name + ":" + lineNo + ": the line carries no chain hash"
                + " (it was not written by Gameday: inserted or rewritten)";
            brokenAt = lineNo;
          } else if (line.seq() != lastSeq + 1 || !line.prev().equals(lastHash)) {
            broken = breakAt(name, lineNo, line, lastSeq);
            brokenAt = lineNo;
          } else {
            lastSeq = line.seq();
          }
        }
        lastHash = hash;
      }
    }
    if (lineNo == 0) {
      throw new JournalReader.UnreadableJournalException(file + ": the journal is empty");
    }
    if (broken != null) {
      return new ChainReport.Broken(version, lineNo, brokenAt, broken, Map.copyOf(marks));
    }
    if (version < 2) {
      return new ChainReport.Unchained(version, lineNo, lastHash, Map.copyOf(marks));
    }
    if (torn != null) {
      return new ChainReport.Truncated(version, lineNo, lastHash, torn, Map.copyOf(marks));
    }
    return new ChainReport.Intact(version, lineNo, lastHash, List.copyOf(notes), Map.copyOf(marks));
  }

  /** Names what happened where the chain breaks, from the sequence numbers around it. */
  private static String breakAt(String name, long lineNo, Line line, long lastSeq) {
    String where = name + ":" + lineNo + " (seq " + line.seq() + "): the hash chain breaks: ";
    if (line.seq() == lastSeq + 1) {
      return where + "line " + (lineNo - 1) + " was changed after it was written"
          + " (this line records a different SHA-256 for it)";
    }
    if (line.seq() <= lastSeq) {
      return where + "seq " + line.seq() + " comes after seq " + lastSeq
          + " (lines were reordered or duplicated)";
    }
    return where + "seq " + line.seq() + " comes after seq " + lastSeq + " (seq "
        + (lastSeq + 1) + (line.seq() - lastSeq > 2 ? "–" + (line.seq() - 1) : "")
        + " were removed or moved)";
  }

  /** A line is complete when it is one whole JSON object (checked fully only when in doubt). */
  private boolean complete(byte[] b, int from, int to, boolean terminated) {
    if (to == from || b[to - 1] != '}') {
      return false;
    }
    if (terminated) {
      return true;
    }
    try {
      return mapper.readTree(b, from, to - from).isObject();
    } catch (IOException e) {
      return false;
    }
  }

  /** The chain prefix of an event line: {@code {"seq":N,"prev":"<64 hex>"}. */
  private record Line(long seq, String prev) {
    static Line parse(byte[] b, int from, int to) {
      int p = from;
      if (!startsWith(b, p, to, SEQ)) {
        return null;
      }
      p += SEQ.length;
      long seq = 0;
      int digits = 0;
      while (p < to && b[p] >= '0' && b[p] <= '9' && digits < 18) {
        seq = seq * 10 + (b[p++] - '0');
        digits++;
      }
      if (digits == 0 || !startsWith(b, p, to, PREV)) {
        return null;
      }
      p += PREV.length;
      if (to - p < HEX + 1 || b[p + HEX] != '"') {
        return null;
      }
      for (int i = p; i < p + HEX; i++) {
        byte c = b[i];
        if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
          return null;
        }
      }
      return new Line(seq, new String(b, p, HEX, StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] b, int p, int to, byte[] token) {
      if (to - p < token.length) {
        return false;
      }
      for (int i = 0; i < token.length; i++) {
        if (b[p + i] != token[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
