package dev.gameday.runner.cli;

import dev.gameday.core.model.Window;
import dev.gameday.core.window.Opening;
import dev.gameday.core.window.WindowPlanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gameday windows FILE}: the next maintenance windows of an experiment. */
@Command(name = "windows", mixinStandardHelpOptions = true,
    description = "List the next maintenance windows of an experiment, in its time zone.",
    footerHeading = "%nExamples:%n",
    footer = {"  gameday windows experiments/vm-poweroff.yaml --count 3"})
final class WindowsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "Experiment file.")
  Path file;

  @Option(names = "--count", defaultValue = "5", description = "How many windows (default ${DEFAULT-VALUE}).")
  int count;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Window window = ExperimentFiles.loadOrFail(file, spec.commandLine().getErr()).experiment().window();
    WindowPlanner planner = new WindowPlanner(window);
    Instant now = Instant.now();
    planner.current(now).ifPresent(o -> out.println("open now: " + line(o) + " (" 
        + o.remaining(now).toMinutes() + " min left before the revert margin)"));
    List<Opening> next = planner.next(now, count);
    if (next.isEmpty()) {
      out.println("no further window opens" + (window.freeze().isEmpty() ? "" : " (freeze periods considered)"));
    }
    next.forEach(o -> out.println(line(o)));
    out.flush();
    return ExitCodes.OK;
  }

  static String line(Opening o) {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm xxx");
    return f.format(o.start()) + "  to  " + f.format(o.end()) + "  (" + o.start().getZone() + ")";
  }
}
