package dev.gameday.reports.pack;

import dev.gameday.core.journal.JournalFormat;
import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.Durations;
import dev.gameday.reports.analysis.FigureKind;
import dev.gameday.reports.analysis.RecoveryGapAnalyzer;
import dev.gameday.reports.evidence.EvidencedControls;
import dev.gameday.reports.evidence.Verification;
import dev.gameday.reports.evidence.Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An evidence pack: one zip an auditor can file, holding every run directory of an experiment in
 * a date range as it is (journal, experiment copy, reports, evidence records and signatures), an
 * index (index.html and index.pdf) listing each drill with its verdict, the worst user-visible
 * outage against its RTO, the controls it speaks to and whether it verified, and a README on
 * verifying it offline. Runs are packed as found; a run that does not verify is still packed, and
 * the index says so.
 */
public final class EvidencePack {
  private final String toolVersion;

  public EvidencePack(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  /** One drill as the index lists it. */
  public record Drill(String dir, String runId, Instant started, String verdict, String rto,
      String worstOutage, String rpo, String worstRpo, List<String> controls, boolean verified,
      List<String> problems) {
    public Drill {
      controls = List.copyOf(controls);
      problems = List.copyOf(problems);
    }
  }

  /** Writes {@code out} from {@code runDirs} (oldest first); returns the drills it lists. */
  public List<Drill> write(String experiment, String period, List<Path> runDirs, Path out)
      throws IOException {
    List<Drill> drills = new ArrayList<>();
    for (Path dir : runDirs) {
      drills.add(drill(dir));
    }
    Instant now = Instant.now();
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      PackIndex index = new PackIndex(toolVersion, experiment, period, drills);
      put(zip, "README.md", PackIndex.readme(experiment).getBytes(
          StandardCharsets.UTF_8), now);
      put(zip, "index.html", index.html().getBytes(StandardCharsets.UTF_8), now);
      put(zip, "index.pdf", index.pdf(), now);
      for (Path dir : runDirs) {
        addRun(zip, dir);
      }
    }
    return drills;
  }

  private static Drill drill(Path dir) throws IOException {
    Path journal = dir.resolve(JournalFormat.FILE_NAME);
    Analysis a = new RecoveryGapAnalyzer().analyze(journal);
    List<String> controls = EvidencedControls.of(journal, a).ids();
    Verification v = Verifier.verify(dir);
    return new Drill(dir.getFileName().toString(), a.run().runId(),
        a.run().started().orElse(Instant.EPOCH), a.overallVerdict().name(), limit(a, "rto"),
        worst(a, FigureKind.USER_VISIBLE_OUTAGE), limit(a, "rpo"), worst(a, FigureKind.RPO),
        controls, v.passed(), v.problems());
  }

  /** The objective's limit, or "none" when the experiment set none. */
  private static String limit(Analysis a, String objective) {
    return a.objectives().stream().filter(o -> o.kind().key().equals(objective))
        .map(o -> o.limit().human()).findFirst().orElse("none");
  }

  /** The largest measured figure of that kind over the steps ("n/a" without steps or figures). */
  private static String worst(Analysis a, FigureKind kind) {
    return a.steps().stream().map(s -> s.value(kind)).flatMap(Optional::stream)
        .max(java.time.Duration::compareTo).map(Durations::human)
        .orElse(a.steps().stream().anyMatch(s -> s.figure(kind).isPresent()) ? "none" : "n/a");
  }

  private static void addRun(ZipOutputStream zip, Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString()
          .endsWith(".tmp")).sorted().toList();
    }
    for (Path f : files) {
      put(zip, "runs/" + dir.getFileName() + "/" + f.getFileName(), Files.readAllBytes(f),
          Files.getLastModifiedTime(f).toInstant());
    }
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes, Instant time)
      throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setLastModifiedTime(FileTime.from(time));
    zip.putNextEntry(e);
    zip.write(bytes);
    zip.closeEntry();
  }
}
