package dev.gameday.azure.fault;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lower bound of a platform change, per resource: when the last look that still saw the
 * resource as it was started, or, before any such look, just before the request that asks for
 * the change was sent. The change happened after it; the first look that sees it changed gives
 * the upper bound. Together they are the bracket a report states for Azure's instant.
 */
final class LastSeen {
  private final Map<String, Instant> before = new ConcurrentHashMap<>();

  /** The request that changes {@code resource} is about to be sent. */
  void requesting(String resource, Instant at) {
    before.put(resource, at);
  }

  /** A look that started at {@code lookStarted} still saw {@code resource} unchanged. */
  void unchanged(String resource, Instant lookStarted) {
    before.merge(resource, lookStarted, (a, b) -> b.isAfter(a) ? b : a);
  }

  Optional<Instant> of(String resource) {
    return Optional.ofNullable(before.get(resource));
  }
}
