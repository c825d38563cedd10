package dev.gameday.runner.cli;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which key signs a run's evidence: a PEM file or a Key Vault key (at most one). */
final class SigningOptions {
  @Option(names = "--sign-key", paramLabel = "PRIVATE.pem",
      defaultValue = "${env:GAMEDAY_SIGN_KEY}",
      description = "Sign evidence.json with this PEM private key (ECDSA P-256 or Ed25519);"
          + " env GAMEDAY_SIGN_KEY.")
  Path pemKey;

  @Option(names = "--sign-key-vault", paramLabel = "KEY_URL",
      defaultValue = "${env:GAMEDAY_SIGN_KEY_VAULT}",
      description = "Sign evidence.json with this Azure Key Vault key"
          + " (https://VAULT.vault.azure.net/keys/NAME[/VERSION], EC P-256) using the experiment's"
          + " Azure credential; the private key stays in the vault. Env GAMEDAY_SIGN_KEY_VAULT.")
  URI vaultKey;
}
