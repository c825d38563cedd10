package dev.gameday.runner.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gameday completion}: a bash/zsh completion script generated from the commands. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = "Print a bash/zsh completion script for gameday.",
    footerHeading = "%nExamples:%n",
    footer = {"  source <(gameday completion)"})
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(AutoComplete.bash("gameday", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
