package dev.gameday.runner.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code run}'s metrics options: where /metrics is served, for how long, and the Pushgateway. */
final class MetricsOptions {
  @Option(names = "--metrics-port", description = "Serve Prometheus metrics on 127.0.0.1:PORT/metrics during the run.")
  Integer port;

  @Option(names = "--metrics-bind", paramLabel = "HOST:PORT", description = "Serve Prometheus "
      + "metrics on this address instead, e.g. 0.0.0.0:9464 in a pod that Prometheus scrapes.")
  String bind;

  @Option(names = "--metrics-linger", defaultValue = "PT1M", description = "How long /metrics "
      + "stays up after the run, so a scrape sees the final figures (default ${DEFAULT-VALUE}).")
  Duration linger;

  @Option(names = "--pushgateway", description = "Push metrics to this Prometheus Pushgateway URL at the end (CI).")
  String pushgateway;

  /** The address to serve on, if any; a malformed one is a usage error (exit 2). */
  Optional<InetSocketAddress> address() {
    if (port != null && bind != null) {
      throw new GamedayException(ExitCodes.INVALID, "give either --metrics-port or --metrics-bind, not both");
    }
    if (linger.isNegative()) {
      throw new GamedayException(ExitCodes.INVALID, "--metrics-linger must not be negative");
    }
    if (port != null) {
      return Optional.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }
    if (bind == null) {
      return Optional.empty();
    }
    int colon = bind.lastIndexOf(':');
    try {
      int p = Integer.parseInt(bind.substring(colon + 1));
      String host = bind.substring(0, Math.max(colon, 0)).replace("[", "").replace("]", "");
      if (colon <= 0 || p < 0 || p > 65535) {
        throw new NumberFormatException();
      }
      return Optional.of(new InetSocketAddress(InetAddress.getByName(host), p));
    } catch (NumberFormatException | UnknownHostException e) {
      throw new GamedayException(ExitCodes.INVALID, "--metrics-bind " + bind
          + ": write HOST:PORT, e.g. 0.0.0.0:9464 or 127.0.0.1:0");
    }
  }
}
