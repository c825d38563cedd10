package dev.gameday.sandbox.internal.shop;

import dev.gameday.sandbox.internal.world.Delays;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A regional load balancer: health probes every interval from its start; a backend leaves
 * rotation after {@code unhealthyThreshold} failed probes in a row and comes back after
 * {@code healthyThreshold} good ones. New connections go round-robin to backends it believes
 * healthy, so users see errors from a dead backend until the probe notices. Probes are replayed
 * lazily up to the instant of each request, which keeps timings exact and needs no timer.
 */
final class LoadBalancer implements Endpoint {

  private static final long MAX_REPLAYED_PROBES = 10_000;

  /** What the load balancer believes about one backend. */
  private static final class Belief {
    boolean up;
    int streak;
  }

  private final String name;
  private final String location;
  private final Supplier<List<WebApp>> backends;
  private final Delays delays;
  private final Map<String, Belief> beliefs = new HashMap<>();
  private Instant lastProbe;
  private long next;

  LoadBalancer(String name, String location, Supplier<List<WebApp>> backends, Delays delays, Instant origin) {
    this.name = name;
    this.location = location;
    this.backends = backends;
    this.delays = delays;
    this.lastProbe = origin;
    for (WebApp app : backends.get()) {
      beliefs.computeIfAbsent(app.name(), k -> new Belief()).up = app.probeHealthy(origin);
    }
  }

  String name() {
    return name;
  }

  @Override
  public Reply handle(String method, String path, Instant now) {
    List<WebApp> healthy = healthyBackends(now);
    if (healthy.isEmpty()) {
      return Reply.text(503, "503 Service Unavailable: " + name + " has no healthy backend")
          .withHeader("X-Load-Balancer", name);
    }
    WebApp app = healthy.get((int) (next++ % healthy.size()));
    Optional<Reply> reply = app.serve(path, now);
    return reply.orElseGet(() -> Reply.text(502, "502 Bad Gateway: backend " + app.name()
            + " did not answer (connection refused or timed out)"))
        .withHeader("X-Load-Balancer", name)
        .withHeader("X-Backend", app.name());
  }

  /** Backends in rotation at {@code now}, after replaying the probes due until then. */
  List<WebApp> healthyBackends(Instant now) {
    replayProbes(now);
    List<WebApp> healthy = new ArrayList<>();
    for (WebApp app : backends.get()) {
      Belief b = beliefs.get(app.name());
      if (b != null && b.up) {
        healthy.add(app);
      }
    }
    return healthy;
  }

  private void replayProbes(Instant now) {
    Duration interval = delays.probeInterval();
    long due = Duration.between(lastProbe, now).toNanos() / interval.toNanos();
    if (due > MAX_REPLAYED_PROBES) {
      lastProbe = lastProbe.plus(interval.multipliedBy(due - MAX_REPLAYED_PROBES));
    }
    while (!lastProbe.plus(interval).isAfter(now)) {
      lastProbe = lastProbe.plus(interval);
      for (WebApp app : backends.get()) {
        probe(app, lastProbe);
      }
    }
  }

  private void probe(WebApp app, Instant at) {
    Belief b = beliefs.computeIfAbsent(app.name(), k -> new Belief());
    boolean ok = app.probeHealthy(at);
    if (ok == b.up) {
      b.streak = 0;
      return;
    }
    b.streak++;
    if (b.streak >= (b.up ? delays.unhealthyThreshold() : delays.healthyThreshold())) {
      b.up = ok;
      b.streak = 0;
    }
  }

  /** For the state dump: backend name to "in rotation". */
  Map<String, Boolean> rotation(Instant now) {
    replayProbes(now);
    Map<String, Boolean> out = new java.util.LinkedHashMap<>();
    for (WebApp app : backends.get()) {
      Belief b = beliefs.get(app.name());
      out.put(app.name(), b != null && b.up);
    }
    return out;
  }

  String location() {
    return location;
  }
}
