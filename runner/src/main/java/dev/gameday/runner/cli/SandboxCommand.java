package dev.gameday.runner.cli;

import dev.gameday.sandbox.SandboxMain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gameday sandbox}: starts the local Azure (an HTTPS ARM emulator) and the sample shop,
 * and runs until stopped (Ctrl-C or SIGTERM).
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
    description = "Start the local Azure sandbox (HTTPS ARM emulator on 127.0.0.1) and the sample "
        + "two-region shop; print the ARM endpoint, the CA file, the shop URLs and the "
        + "environment the runner needs. Runs until Ctrl-C or SIGTERM. See docs/sandbox.md.",
    footerHeading = "%nExamples:%n",
    footer = {"  gameday sandbox --speed 10"})
final class SandboxCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8443", description = "ARM port (default ${DEFAULT-VALUE}; 0 = a free port). The shop takes the ports after it.")
  int port;

  @Option(names = "--shop-port", description = "First shop port (front door, primary, secondary, drTest follow); default: the ARM port + 1, 0 = free ports.")
  Integer shopPort;

  @Option(names = "--speed", defaultValue = "1", description = "Time factor: 20 plays every platform and shop delay 20 times faster (default ${DEFAULT-VALUE}).")
  double speed;

  @Option(names = "--world", description = "World file (YAML); default: the built-in two-region shop.")
  Path world;

  @Option(names = "--state-dir", defaultValue = ".gameday-sandbox", description = "Where the CA file, sandbox.json and the pid file go (default ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(names = "--seed", defaultValue = "1", description = "Seed for any randomness in the world (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--speed",
        Double.toString(speed), "--state-dir", stateDir.toString(), "--seed", Long.toString(seed)));
    if (shopPort != null) {
      args.addAll(List.of("--shop-port", Integer.toString(shopPort)));
    }
    if (world != null) {
      args.addAll(List.of("--world", world.toString()));
    }
    SandboxMain.main(args.toArray(String[]::new));
    return ExitCodes.OK;
  }
}
