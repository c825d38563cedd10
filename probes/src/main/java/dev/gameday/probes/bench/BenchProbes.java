package dev.gameday.probes.bench;

import dev.gameday.core.model.Expectation;
import dev.gameday.core.model.HttpRequestSpec;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.model.Tolerance;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Probe specs for the bench: plain GETs with default expectations. */
public final class BenchProbes {
  private BenchProbes() {}

  public static ProbeSpec get(String name, String url, Duration every, Tolerance tolerance) {
    HttpRequestSpec http = new HttpRequestSpec("GET", URI.create(url), Map.of(), Set.of(),
        Optional.empty(), Duration.ofSeconds(2), HttpRequestSpec.Tls.defaults(), true,
        HttpRequestSpec.Redirects.defaults(),
        HttpRequestSpec.DEFAULT_MAX_BODY_BYTES);
    return new ProbeSpec(name, http, every, Expectation.defaults(), tolerance,
        ProbeSpec.Mode.CONTINUOUS);
  }
}
