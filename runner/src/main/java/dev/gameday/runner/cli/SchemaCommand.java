package dev.gameday.runner.cli;

import dev.gameday.core.load.ExperimentSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gameday schema}: prints the JSON Schema of the experiment format. */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Print the JSON Schema of the experiment format (for editors and other tools).",
    footerHeading = "%nExamples:%n",
    footer = {"  gameday schema > experiment-v1.schema.json"})
final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(ExperimentSchema.text());
    return ExitCodes.OK;
  }
}
