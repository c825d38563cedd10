package dev.gameday.reports;

import dev.gameday.core.journal.JournalFormat;
import dev.gameday.core.model.ReportOptions.Format;
import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.RecoveryGapAnalyzer;
import dev.gameday.reports.history.History;
import dev.gameday.reports.render.HtmlReport;
import dev.gameday.reports.render.JsonReport;
import dev.gameday.reports.render.JunitXmlReport;
import dev.gameday.reports.render.MarkdownReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a run's reports into its run directory from {@code runDir/journal.jsonl}: report.html,
 * report.md, report.json and junit.xml, as asked. The journal is read once, streaming; a damaged
 * journal still gives reports, with banners saying what is missing. Files are written to a
 * temporary name first and moved into place.
 */
public final class ReportWriter {
  private final String toolVersion;

  public ReportWriter(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  /** The file name each format is written to. */
  public static String fileName(Format format) {
    return switch (format) {
      case html -> "report.html";
      case md -> "report.md";
      case json -> "report.json";
      case junit -> "junit.xml";
    };
  }

  public List<Path> write(Path runDir, Set<Format> formats) throws IOException {
    return write(runDir, formats, List.of());
  }

  /**
   * Analyzes the run and writes the {@code formats} (all when empty); {@code previousRuns} are
   * run directories of earlier runs of the same experiment, compared in the HTML and Markdown.
   * Returns the files written.
   */
  public List<Path> write(Path runDir, Set<Format> formats, List<Path> previousRuns)
      throws IOException {
    Analysis analysis = new RecoveryGapAnalyzer().analyze(runDir.resolve(JournalFormat.FILE_NAME));
    Optional<History> history = previousRuns.isEmpty() ? Optional.empty()
        : Optional.of(History.of(previousRuns).plus(runDir, analysis));
    return write(runDir, analysis, formats, history);
  }

  /** Writes the reports of an analysis already made. */
  public List<Path> write(Path runDir, Analysis analysis, Set<Format> formats,
      Optional<History> history) throws IOException {
    Set<Format> wanted = formats.isEmpty() ? EnumSet.allOf(Format.class) : EnumSet.copyOf(formats);
    List<Path> written = new ArrayList<>();
    for (Format f : wanted) {
      String text = switch (f) {
        case html -> new HtmlReport(toolVersion).render(analysis, history);
        case md -> new MarkdownReport().render(analysis, history);
        case json -> new JsonReport(toolVersion).render(analysis);
        case junit -> new JunitXmlReport().render(analysis);
      };
      written.add(writeAtomically(runDir.resolve(fileName(f)), text));
    }
    return written;
  }

  private static Path writeAtomically(Path target, String text) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }
}
