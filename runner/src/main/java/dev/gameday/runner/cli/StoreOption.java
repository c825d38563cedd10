package dev.gameday.runner.cli;

import picocli.CommandLine.Option;

/** Which run store the command uses besides the local runs folder, if any. */
final class StoreOption {
  @Option(names = "--store", paramLabel = "URL", defaultValue = "${env:GAMEDAY_STORE}",
      description = "A run store shared across hosts: https://ACCOUNT.blob.core.windows.net/"
          + "CONTAINER (Azure Blob Storage; DefaultAzureCredential, or the connection string in"
          + " GAMEDAY_STORE_CONNECTION_STRING for the emulator) or file:///PATH (a shared folder)."
          + " Env GAMEDAY_STORE. Default: none, the runs folder alone.")
  String url;

  boolean given() {
    return url != null && !url.isBlank();
  }
}
