package dev.gameday.reports.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.core.journal.ChainReport;
import dev.gameday.core.journal.JournalChain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a journal against itself (its hash chain) and against what an evidence record says of
 * it (how many lines it had and the SHA-256 of the last one). Because every line carries the hash
 * of the line before, the last line's hash vouches for every line above it: lines appended since
 * the record, lines cut from the end and an edited line are each told apart and located.
 */
public final class JournalCheck {
  private JournalCheck() {}

  /** What an evidence record says of the journal: its line count and its last line's SHA-256. */
  public record Recorded(long lines, String lastLineSha256) {
    /** The facts of a manifest's journal entry; null for a manifest from before the chain. */
    static Recorded of(JsonNode journalEntry) {
      return journalEntry.hasNonNull("lines") && journalEntry.hasNonNull("lastLineSha256")
          ? new Recorded(journalEntry.path("lines").asLong(),
              journalEntry.path("lastLineSha256").asText())
          : null;
    }
  }

  /**
   * Refuses a journal whose chain is broken, before anything is rendered or recorded from it.
   *
   * @throws BrokenJournalException naming the first line that breaks the chain
   */
  public static void requireIntact(Path journal) throws IOException {
    if (new JournalChain().walk(journal, Set.of()) instanceof ChainReport.Broken b) {
      throw new BrokenJournalException(b.message());
    }
  }

  /** The chain alone: a break is a problem; truncation, torn lines and version 1 are notes. */
  public static Verification of(ChainReport report, String file) {
    return switch (report) {
      case ChainReport.Intact r -> new Verification(List.of(), r.notes());
      case ChainReport.Unchained r -> new Verification(List.of(), List.of(file + ": format version "
          + r.version() + " has no hash chain; only the SHA-256 recorded in the evidence protects it"));
      case ChainReport.Truncated r -> new Verification(List.of(), List.of(r.message()));
      case ChainReport.Broken r -> new Verification(List.of(r.message()), List.of());
    };
  }

  /**
   * The journal against the records that describe it, with the chain walked once: one problem
   * per mismatch, each naming the file and line.
   */
  public static Verification check(Path journal, List<Named> records) throws IOException {
    Set<Long> marks = new HashSet<>();
    records.forEach(r -> marks.add(r.recorded().lines()));
    ChainReport report = new JournalChain().walk(journal, marks);
    String file = journal.getFileName().toString();
    List<String> out = new ArrayList<>();
    for (Named r : records) {
      long lines = r.recorded().lines();
      String now = report.checkpoints().get(lines);
      if (report.lines() < lines) {
        out.add(file + ": ends at line " + report.lines() + ", but " + r.name() + " recorded "
            + lines + " lines: the last " + (lines - report.lines()) + " line(s) were removed");
      } else if (!r.recorded().lastLineSha256().equals(now)) {
        out.add(file + ":" + lines + ": differs from the line " + r.name() + " recorded there"
            + " (its SHA-256 was " + r.recorded().lastLineSha256() + ", now " + now + ")"
            + (report instanceof ChainReport.Unchained ? "" : ": this line or one above it was changed"));
      } else if (report.lines() > lines && r.latest()) {
        out.add(file + ": lines " + (lines + 1) + "–" + report.lines() + " were appended after "
            + r.name() + " was written (the " + lines + " lines it recorded are unchanged)");
      }
    }
    return of(report, file).plus(new Verification(out, List.of()));
  }

  /**
   * One record's view of the journal, with the record's file name for messages. Lines appended
   * after a record are a problem only for the latest one; a later record covers them otherwise.
   */
  public record Named(String name, Recorded recorded, boolean latest) {}
}
