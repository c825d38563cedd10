package dev.gameday.runner.cli;

import dev.gameday.core.model.Experiment;
import dev.gameday.probes.HttpProbeMonitor;
import dev.gameday.probes.metrics.MetricsServer;
import dev.gameday.probes.metrics.PushgatewayPusher;
import dev.gameday.runner.engine.RunResult;
import dev.gameday.reports.analysis.Analysis;
import dev.gameday.runner.metrics.ReportMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A run's Prometheus metrics: one registry whose every series carries the {@code experiment}
 * label, the /metrics server the options ask for (up from the start, kept for
 * {@code --metrics-linger} after the run so a scrape sees the final figures), the report's
 * figures and verdict added once the reports are written, and the Pushgateway push.
 */
final class RunMetrics implements AutoCloseable {
  private final MetricsOptions options;
  private final Experiment experiment;
  private final PrometheusMeterRegistry registry;
  private final MetricsServer server;

  private RunMetrics(MetricsOptions options, Experiment experiment,
      PrometheusMeterRegistry registry, MetricsServer server) {
    this.options = options;
    this.experiment = experiment;
    this.registry = registry;
    this.server = server;
  }

  /** The registry, and the server if one is asked for (a port in use is exit 2). */
  static RunMetrics start(MetricsOptions options, Experiment experiment) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("experiment", experiment.name());
    MetricsServer server = null;
    var address = options.address();
    if (address.isPresent()) {
      try {
        server = MetricsServer.start(registry, address.get());
      } catch (IOException e) {
        throw new GamedayException(ExitCodes.INVALID, "metrics cannot be served on " + address.get()
            + ": " + e.getMessage() + " (choose another port)");
      }
    }
    return new RunMetrics(options, experiment, registry, server);
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Where /metrics is served, for the console. */
  Optional<String> url() {
    if (server == null) {
      return Optional.empty();
    }
    String host = options.bind != null ? options.bind.substring(0, options.bind.lastIndexOf(':'))
        : "127.0.0.1";
    return Optional.of("http://" + host + ":" + server.port() + "/metrics");
  }

  /**
   * The finished run's figures and verdict as gauges, then the push; a push failure is reported,
   * never thrown.
   */
  void finished(Path runDir, String runId, RunResult result, Optional<Analysis> analysis,
      PrintWriter err) {
    ReportMetrics.register(registry, new ReportMetrics.Run(runId,
        VersionProvider.version(), result.outcome().name(), result.exitCode(),
        result.revertFailures().size(), Optional.ofNullable(experiment.metadata().owner()),
        Instant.now(), analysis, Wiring.applicationGapStreak(runDir, experiment)));
    if (options.pushgateway != null) {
      try {
        new PushgatewayPusher(HttpProbeMonitor.defaultClient(), registry, options.pushgateway,
            experiment.name()).push();
      } catch (RuntimeException e) {
        err.println("gameday: metrics push to " + options.pushgateway + " failed: " + e.getMessage());
      }
    }
  }

  /** Keeps /metrics up for {@code --metrics-linger}, saying so, then stops it. */
  @Override
  public void close() {
    if (server == null) {
      return;
    }
    try {
      if (!options.linger.isZero()) {
        PrintStream out = System.err;
        out.println("gameday: " + url().orElseThrow() + " stays up for " + options.linger
            + " so Prometheus can scrape the final figures (--metrics-linger)");
        out.flush();
        Thread.sleep(options.linger);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
    }
  }
}
