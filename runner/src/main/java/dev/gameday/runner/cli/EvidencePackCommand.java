package dev.gameday.runner.cli;

import dev.gameday.reports.pack.EvidencePack;
import dev.gameday.runner.engine.RunHead;
import dev.gameday.runner.engine.RunRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gameday evidence pack --experiment NAME --from DATE --to DATE OUT.zip}: one zip of every
 * finished run of an experiment that started in the period (UTC days, both ends included).
 */
@Command(name = "pack", mixinStandardHelpOptions = true,
    description = {"Gather every finished run of an experiment that started between --from and --to",
        "(UTC dates, both included) into OUT.zip: each run directory as recorded, index.html and",
        "index.pdf (verdict, RTO, controls, verified or not per drill) and a README on verifying",
        "it offline. Exit 0 when every packed run verifies, 1 when one does not (it is still",
        "packed, and the index says so), 2 when no run matches."})
final class EvidencePackCommand implements Callable<Integer> {
  @Option(names = "--experiment", required = true, paramLabel = "NAME",
      description = "The experiment's metadata.name.")
  String experiment;

  @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day (UTC), e.g. 2026-01-01.")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day (UTC), included.")
  LocalDate to;

  @Option(names = "--runs-dir", defaultValue = "${GAMEDAY_RUNS_DIR:-gameday-runs}",
      description = "Where the runs are (default ${DEFAULT-VALUE}).")
  Path runsDir;

  @Parameters(paramLabel = "OUT.zip", description = "The pack to write.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (to.isBefore(from)) {
      throw new GamedayException(ExitCodes.INVALID, "--to " + to + " is before --from " + from);
    }
    Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<Path> runs = new RunRegistry(runsDir).list().stream()
        .filter(r -> r.experimentName().equals(experiment) && r.finished())
        .filter(r -> !r.started().isBefore(start) && r.started().isBefore(end))
        .sorted(Comparator.comparing(RunHead::started))
        .map(RunHead::dir).toList();
    if (runs.isEmpty()) {
      throw new GamedayException(ExitCodes.INVALID, "no finished run of '" + experiment
          + "' started between " + from + " and " + to + " in " + runsDir);
    }
    List<EvidencePack.Drill> drills = new EvidencePack(VersionProvider.version())
        .write(experiment, from + " to " + to, runs, out);
    PrintWriter o = spec.commandLine().getOut();
    for (EvidencePack.Drill d : drills) {
      o.println(d.dir() + ": " + d.verdict() + ", " + (d.verified() ? "verified"
          : "DOES NOT VERIFY: " + String.join("; ", d.problems())));
    }
    o.println("evidence pack: " + out + " (" + drills.size() + " run(s))");
    o.flush();
    return drills.stream().allMatch(EvidencePack.Drill::verified) ? ExitCodes.OK
        : ExitCodes.VERIFICATION_FAILED;
  }
}
