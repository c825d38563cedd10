package dev.gameday.runner.cli;

import dev.gameday.core.load.ExperimentLoader;
import dev.gameday.core.load.LoadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gameday validate FILE...}: checks experiments without contacting Azure. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check experiment files against the format and its rules, without contacting Azure. "
        + "Every problem is printed as FILE:LINE:COLUMN: message (in GitHub Actions also as an "
        + "::error annotation on that line). Exit 0 when all are valid, 2 otherwise.",
    footerHeading = "%nExamples:%n",
    footer = {"  gameday validate experiments/*.yaml"})
final class ValidateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Experiment files (YAML).")
  List<Path> files;

  @Spec CommandSpec spec;

  /** The environment (in GitHub Actions, problems are also annotations). */
  java.util.function.Function<String, String> env = System::getenv;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ExperimentLoader loader = ExperimentFiles.loader();
    int invalid = 0;
    boolean annotate = GitHubAnnotations.active(env);
    for (Path file : files) {
      switch (loader.load(file)) {
        case LoadResult.Loaded loaded -> out.println(file + ": valid (" + loaded.experiment().name()
            + ", " + loaded.experiment().faults().size() + " step(s))");
        case LoadResult.Invalid bad -> {
          invalid++;
          bad.problems().forEach(p -> err.println(p.format()));
          if (annotate) {
            bad.problems().forEach(p -> out.println(GitHubAnnotations.error(p)));
          }
          err.println(file + ": invalid, " + ExperimentFiles.count(bad));
        }
      }
    }
    out.flush();
    err.flush();
    return invalid == 0 ? ExitCodes.OK : ExitCodes.INVALID;
  }
}
