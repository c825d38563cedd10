package dev.gameday.probes;

import dev.gameday.core.model.Expectation;
import dev.gameday.core.model.HttpRequestSpec;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.model.Tolerance;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds probe specs for tests with readable defaults (GET, 1 s timeout, default checks). */
public final class TestSpecs {
  private String name = "probe";
  private String method = "GET";
  private String url;
  private final Map<String, String> headers = new HashMap<>();
  private final Set<String> secret = new HashSet<>();
  private Optional<String> body = Optional.empty();
  private Duration timeout = Duration.ofSeconds(1);
  private HttpRequestSpec.Tls tls = HttpRequestSpec.Tls.defaults();
  private boolean followRedirects = true;
  private HttpRequestSpec.Redirects redirects = HttpRequestSpec.Redirects.defaults();
  private long maxBodyBytes = HttpRequestSpec.DEFAULT_MAX_BODY_BYTES;
  private Duration every = Duration.ofMillis(100);
  private Expectation expect = Expectation.defaults();
  private Tolerance tolerance = new Tolerance(0.0, Duration.ofSeconds(10), Optional.empty(), 3, 3);
  private ProbeSpec.Mode mode = ProbeSpec.Mode.CONTINUOUS;

  private TestSpecs(String url) {
    this.url = url;
  }

  public static TestSpecs probe(String url) {
    return new TestSpecs(url);
  }

  public TestSpecs name(String v) { name = v; return this; }
  public TestSpecs method(String v) { method = v; return this; }
  public TestSpecs header(String k, String v) { headers.put(k, v); return this; }
  public TestSpecs secretHeader(String k, String v) { headers.put(k, v); secret.add(k); return this; }
  public TestSpecs body(String v) { body = Optional.of(v); return this; }
  public TestSpecs timeout(Duration v) { timeout = v; return this; }
  public TestSpecs tls(Optional<Path> ca, Optional<Path> cert, Optional<Path> key, boolean insecure) {
    tls = new HttpRequestSpec.Tls(ca, cert, key, insecure);
    return this;
  }
  public TestSpecs noRedirects() { followRedirects = false; return this; }
  public TestSpecs redirects(HttpRequestSpec.Redirects v) { redirects = v; return this; }
  public TestSpecs maxBodyBytes(long v) { maxBodyBytes = v; return this; }
  public TestSpecs every(Duration v) { every = v; return this; }
  public TestSpecs expect(Expectation v) { expect = v; return this; }
  public TestSpecs tolerance(Tolerance v) { tolerance = v; return this; }
  public TestSpecs mode(ProbeSpec.Mode v) { mode = v; return this; }

  public HttpRequestSpec http() {
    return new HttpRequestSpec(method, URI.create(url), headers, secret, body, timeout, tls,
        followRedirects, redirects, maxBodyBytes);
  }

  public ProbeSpec build() {
    return new ProbeSpec(name, http(), every, expect, tolerance, mode);
  }

  /** An expectation with only the given pieces set. */
  public static Expectation expect(List<Expectation.StatusRange> status,
      Optional<Duration> latencyBelow, Optional<String> contains, Optional<String> matches,
      Optional<Expectation.JsonPointerEquals> json, List<String> headers) {
    return new Expectation(status, latencyBelow, contains, matches, json, headers,
        Optional.empty());
  }

  /** What the loader makes of a {@code prometheus:} bound: status 200 and the value check. */
  public static Expectation promValue(Expectation.PromValue.Comparison comparison,
      double threshold) {
    return new Expectation(List.of(new Expectation.StatusRange(200, 200)), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
        Optional.of(new Expectation.PromValue(comparison, threshold)));
  }
}
