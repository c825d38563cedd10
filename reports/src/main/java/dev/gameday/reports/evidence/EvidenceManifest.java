package dev.gameday.reports.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.core.digest.Sha256;
import dev.gameday.core.journal.ChainReport;
import dev.gameday.core.journal.JournalChain;
import dev.gameday.core.journal.JournalFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes evidence.json, what an auditor needs to trust a run directory: the SHA-256 of the
 * journal, the experiment (the file given and its copy {@code experiment.yaml} in the run
 * directory, if the runner put one there) and every report file, and for the journal its line
 * count and the SHA-256 of its last line (the end of its hash chain, which vouches for every line
 * above it); the tool version; the git commit of the experiment's repository; the operator as the journal names them (never a
 * token); the UTC start and end; the targets. {@link Verifier} checks a run directory against it.
 */
public final class EvidenceManifest {
  public static final String FILE_NAME = "evidence.json";
  public static final String EXPERIMENT_COPY = "experiment.yaml";
  /** Files of a run directory that the manifest covers when present, in this order. */
  public static final List<String> RUN_FILES = List.of(JournalFormat.FILE_NAME, EXPERIMENT_COPY,
      "report.html", "report.md", "report.json", "junit.xml", "report.pdf");
  static final int VERSION = 1;

  private static final Duration GIT_TIMEOUT = Duration.ofSeconds(5);
  static final ObjectMapper MAPPER = JournalFormat.mapper().copy()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private EvidenceManifest() {}

  /**
   * Writes an unsigned {@code runDir/evidence.json}, replacing one that is there (tests and
   * tools; the runner writes signed records with {@link EvidenceRecords}).
   */
  public static Path write(Path runDir, Path experimentFile, String toolVersion)
      throws IOException {
    Path out = runDir.resolve(FILE_NAME);
    Files.writeString(out, MAPPER.writeValueAsString(build(runDir, experimentFile, toolVersion))
        + "\n", StandardCharsets.UTF_8);
    return out;
  }

  /**
   * The manifest of {@code runDir} as it is now; {@code experimentFile} may be null or absent.
   *
   * @throws BrokenJournalException when the journal's hash chain is broken: evidence is never
   *     recorded over a journal that was changed
   */
  static ObjectNode build(Path runDir, Path experimentFile, String toolVersion)
      throws IOException {
    ObjectMapper mapper = MAPPER;
    Path journal = runDir.resolve(JournalFormat.FILE_NAME);
    RunFacts facts = Files.isRegularFile(journal) ? RunFacts.read(journal)
        : new RunFacts(Optional.empty(), Optional.empty(), Optional.empty());
    ObjectNode root = mapper.createObjectNode();
    root.put("evidenceVersion", VERSION);
    root.put("tool", "gameday");
    root.put("toolVersion", toolVersion);
    ObjectNode run = root.putObject("run");
    facts.started().ifPresent(s -> {
      run.put("runId", s.path("runId").asText());
      run.put("experimentName", s.path("experimentName").asText());
      run.put("toolVersion", s.path("toolVersion").asText());
      run.set("operator", s.path("operator").isObject() ? s.path("operator")
          : mapper.createObjectNode());
      run.put("startedUtc", s.path("at").path("utc").asText());
    });
    facts.finished().ifPresentOrElse(f -> {
      run.put("finishedUtc", f.path("at").path("utc").asText());
      run.put("outcome", f.path("outcome").asText());
    }, () -> run.putNull("finishedUtc"));
    run.set("targets", facts.targets().map(t -> t.path("targets"))
        .orElse(mapper.createObjectNode()));
    facts.audit().ifPresent(a -> root.set("audit", mapper.valueToTree(a)));
    ObjectNode experiment = root.putObject("experiment");
    if (experimentFile != null) {
      experiment.put("path", experimentFile.toString());
      if (Files.isRegularFile(experimentFile)) {
        experiment.put("sha256", Sha256.of(experimentFile));
      } else {
        experiment.putNull("sha256");
      }
      Optional<String> commit = new GitCommit(GIT_TIMEOUT).of(
          experimentFile.toAbsolutePath().getParent());
      if (commit.isPresent()) {
        experiment.put("gitCommit", commit.get());
      }
    }
    facts.started().map(s -> s.path("experimentSha256").asText()).filter(s -> !s.isEmpty())
        .ifPresent(s -> experiment.put("sha256InJournal", s));
    ArrayNode files = root.putArray("files");
    for (String name : RUN_FILES) {
      Path f = runDir.resolve(name);
      if (Files.isRegularFile(f)) {
        ObjectNode entry = files.addObject();
        entry.put("path", name);
        entry.put("bytes", Files.size(f));
        entry.put("sha256", Sha256.of(f));
        if (name.equals(JournalFormat.FILE_NAME)) {
          ChainReport chain = new JournalChain().walk(f, Set.of());
          entry.put("formatVersion", chain.version());
          entry.put("lines", chain.lines());
          entry.put("lastLineSha256", head(chain));
        }
      }
    }
    return root;
  }

  private static String head(ChainReport chain) {
    return switch (chain) {
      case ChainReport.Intact c -> c.head();
      case ChainReport.Truncated c -> c.head();
      case ChainReport.Unchained c -> c.head();
      case ChainReport.Broken c -> throw new BrokenJournalException(c.message());
    };
  }

  static List<JsonNode> entries(JsonNode root) {
    List<JsonNode> out = new ArrayList<>();
    root.path("files").forEach(out::add);
    return out;
  }
}
