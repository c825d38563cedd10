package dev.gameday.runner.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which key signs a run's evidence. */
final class SigningOptions {
  @Option(names = "--sign-key", paramLabel = "PRIVATE.pem",
      defaultValue = "${env:GAMEDAY_SIGN_KEY}",
      description = "Sign evidence.json with this PEM private key (ECDSA P-256 or Ed25519);"
          + " env GAMEDAY_SIGN_KEY.")
  Path pemKey;

}
