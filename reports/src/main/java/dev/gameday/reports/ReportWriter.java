package dev.gameday.reports;

import dev.gameday.core.digest.Sha256;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.core.model.ReportOptions.Format;
import dev.gameday.core.port.EvidenceSigner;
import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.RecoveryGapAnalyzer;
import dev.gameday.reports.evidence.EvidenceManifest;
import dev.gameday.reports.evidence.EvidencedControls;
import dev.gameday.reports.evidence.sign.PublicKeys;
import dev.gameday.reports.history.History;
import dev.gameday.reports.render.HtmlReport;
import dev.gameday.reports.render.JsonReport;
import dev.gameday.reports.render.JunitXmlReport;
import dev.gameday.reports.render.MarkdownReport;
import dev.gameday.reports.render.PdfReport;
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
 * report.md, report.json, junit.xml and report.pdf, as asked. The journal is read once, streaming; a damaged
 * journal still gives reports, with banners saying what is missing. Files are written to a
 * temporary name first and moved into place.
 */
public final class ReportWriter {
  private final String toolVersion;
  private final Optional<EvidenceSigner.Key> signingKey;

  public ReportWriter(String toolVersion) {
    this(toolVersion, Optional.empty());
  }

  /** {@code signingKey}: the key that will sign the evidence, named on the PDF's last page. */
  public ReportWriter(String toolVersion, Optional<EvidenceSigner.Key> signingKey) {
    this.toolVersion = toolVersion;
    this.signingKey = signingKey;
  }

  /** The file name each format is written to. */
  public static String fileName(Format format) {
    return switch (format) {
      case html -> "report.html";
      case md -> "report.md";
      case json -> "report.json";
      case junit -> "junit.xml";
      case pdf -> "report.pdf";
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
    EvidencedControls controls = EvidencedControls.of(runDir.resolve(JournalFormat.FILE_NAME),
        analysis);
    // EnumSet order: the PDF comes last, so its evidence page lists the other reports' hashes.
    for (Format f : wanted) {
      byte[] bytes = switch (f) {
        case html -> utf8(new HtmlReport(toolVersion).render(analysis, history,
            Optional.of(controls)));
        case md -> utf8(new MarkdownReport().render(analysis, history));
        case json -> utf8(new JsonReport(toolVersion).render(analysis, Optional.of(controls)));
        case junit -> utf8(new JunitXmlReport().render(analysis));
        case pdf -> new PdfReport(toolVersion).render(analysis, evidencePage(runDir, controls));
      };
      written.add(writeAtomically(runDir.resolve(fileName(f)), bytes));
    }
    return written;
  }

  /** The PDF's audit pages: what the run evidences, and every run file but the PDF itself. */
  private PdfReport.EvidencePage evidencePage(Path runDir, EvidencedControls controls)
      throws IOException {
    List<PdfReport.FileHash> files = new ArrayList<>();
    for (String name : EvidenceManifest.RUN_FILES) {
      Path f = runDir.resolve(name);
      if (!name.equals(fileName(Format.pdf)) && Files.isRegularFile(f)) {
        files.add(new PdfReport.FileHash(name, Files.size(f), Sha256.of(f)));
      }
    }
    return new PdfReport.EvidencePage(controls, files, signingKey.map(k -> new PdfReport.SigningKey(
        k.kind(), k.id(), k.algorithm(), PublicKeys.fingerprint(k.publicKey()))));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Path writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }
}
