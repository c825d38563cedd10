package dev.gameday.runner.cli;

import dev.gameday.azure.AzureOptions;
import dev.gameday.azure.AzurePlatform;
import dev.gameday.core.model.AzureSettings;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.port.ApplicationMonitor;
import dev.gameday.core.port.Platform;
import dev.gameday.core.port.RunClock;
import dev.gameday.probes.HttpProbeMonitor;
import dev.gameday.reports.ReportWriter;
import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.CheckStatus;
import dev.gameday.reports.analysis.ObjectiveResult;
import dev.gameday.reports.analysis.RecoveryGapAnalyzer;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.reports.evidence.BrokenJournalException;
import dev.gameday.reports.evidence.EvidenceManifest;
import dev.gameday.reports.evidence.JournalCheck;
import dev.gameday.reports.history.History;
import dev.gameday.runner.engine.Judge;
import dev.gameday.runner.engine.RunHead;
import dev.gameday.runner.engine.RunRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import dev.gameday.core.model.ReportOptions.Format;
import java.util.ArrayList;
import java.util.Set;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place the modules are wired together: the Azure platform, the probes, the report
 * analysis as the run's judge, and the report writers. Commands ask this class; nothing else
 * constructs adapters.
 */
final class Wiring {
  /** Custom endpoints (the local sandbox) answer in milliseconds: look at them more often. */
  static final Duration LOCAL_POLL = Duration.ofMillis(200);

  private Wiring() {}

  static Platform platform(Experiment e, RunClock clock) {
    AzureOptions options = AzureOptions.defaults();
    if (e.azure().cloud() == AzureSettings.Cloud.CUSTOM) {
      options = options.withPollInterval(LOCAL_POLL);
    }
    return new AzurePlatform(e.azure(), e.safety(), clock, options);
  }

  static ApplicationMonitor monitor(Experiment e, RunClock clock) {
    return new HttpProbeMonitor(e.steadyState(), e.abort().whenSteadyStateBreachedFor(),
        HttpProbeMonitor.defaultClient(), clock);
  }

  /** The run's verdict on its objectives, from the report analysis of its journal. */
  static Judge judge() {
    return journal -> {
      try {
        Analysis a = new RecoveryGapAnalyzer().analyze(journal);
        String missed = a.objectives().stream().filter(o -> o.status() == CheckStatus.MISSED)
            .map(Wiring::objective).collect(Collectors.joining("; "));
        return new Judge.Verdict(a.objectivesMet(), missed.isEmpty()
            ? "every objective met (" + a.objectives().size() + " judged)"
            : "objectives missed: " + missed);
      } catch (IOException | RuntimeException e) {
        return new Judge.Verdict(false, "the journal could not be analyzed: " + e.getMessage());
      }
    };
  }

  private static String objective(ObjectiveResult o) {
    return o.kind() + " (limit " + o.limit().human() + ", owner " + o.owner() + ")";
  }

  /**
   * Writes the experiment's report formats and the evidence manifest into the run directory,
   * comparing with earlier runs of the same experiment. A report failure is reported, never
   * thrown: the run's outcome stands.
   */
  static List<Path> writeReports(Path runDir, Experiment e, Path experimentFile, PrintWriter err) {
    try {
      return renderReports(runDir, e.name(), e.report().formats(), experimentFile);
    } catch (IOException | RuntimeException ex) {
      err.println("gameday: the reports could not be written: " + ex);
      err.flush();
      return List.of();
    }
  }

  /**
   * The reports in {@code formats} (all when empty), then the evidence manifest over them; never
   * from a journal whose hash chain is broken.
   */
  static List<Path> renderReports(Path runDir, String experimentName, Set<Format> formats,
      Path experimentFile) throws IOException {
    try {
      JournalCheck.requireIntact(runDir.resolve(JournalFormat.FILE_NAME));
    } catch (BrokenJournalException e) {
      throw new GamedayException(ExitCodes.VERIFICATION_FAILED, e.getMessage()
          + "\nrefusing to render reports or record evidence from a journal that was changed");
    }
    List<Path> written = new ArrayList<>(new ReportWriter(VersionProvider.version()).write(runDir,
        formats, previousRuns(runDir, experimentName)));
    written.add(EvidenceManifest.write(runDir, experimentFile, VersionProvider.version()));
    return written;
  }

  /** Earlier finished runs of the same experiment, beside this one. */
  static List<Path> previousRuns(Path runDir, String experimentName) {
    Path root = runDir.toAbsolutePath().getParent();
    return new RunRegistry(root).list().stream()
        .filter(r -> r.experimentName().equals(experimentName) && r.finished())
        .map(RunHead::dir)
        .filter(d -> !d.toAbsolutePath().equals(runDir.toAbsolutePath()))
        .toList();
  }

  static History history(Path runsRoot, String experiment) throws IOException {
    return History.load(runsRoot, experiment);
  }
}
