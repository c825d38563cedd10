package dev.gameday.reports.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One of Azure's instants (the fault in force, the platform restored) with how well it is
 * known. Gameday sees Azure's state only when it looks: the change happened after the last
 * look that still saw the resource as it was ({@code lastSeenBefore}; when no such look is
 * journaled, the request that asked for the change) and before the first look that saw it
 * changed ({@code firstSeenAfter}). Where Azure states the instant itself (a Site Recovery job's
 * start or end, the time of an instance view's provisioning status) and that instant lies
 * within the bracket, it is the instant ({@code source} AZURE, {@code basis} names it);
 * otherwise the instant is {@code firstSeenAfter} ({@code source} POLL). {@code resource} is the
 * resource whose change it is (for several, the first in force, the last restored).
 */
public record PlatformInstant(String resource, Instant at, Source source, String basis,
    Optional<Instant> lastSeenBefore, Instant firstSeenAfter) {

  /** Where the instant comes from. */
  public enum Source {
    /** Azure's own account of the instant, within the bracket of Gameday's looks. */
    AZURE,
    /** The first look that saw the change; the change happened within the bracket. */
    POLL
  }

  public PlatformInstant {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(lastSeenBefore, "lastSeenBefore");
    Objects.requireNonNull(firstSeenAfter, "firstSeenAfter");
  }

  /**
   * The instant of a change seen at {@code firstSeenAfter}: Azure's {@code stated} instant if it
   * lies within the bracket (a stated time outside it is about another change, or off by clock
   * skew, and is not used), else the look itself.
   */
  static PlatformInstant of(String resource, Optional<Instant> lastSeenBefore,
      Instant firstSeenAfter, Optional<Instant> stated, String statedBasis) {
    Optional<Instant> lower = lastSeenBefore.filter(b -> !b.isAfter(firstSeenAfter));
    if (stated.isPresent() && !stated.get().isAfter(firstSeenAfter)
        && lower.map(b -> !stated.get().isBefore(b)).orElse(true)) {
      return new PlatformInstant(resource, stated.get(), Source.AZURE, statedBasis, lower, firstSeenAfter);
    }
    return new PlatformInstant(resource, firstSeenAfter, Source.POLL, "the first look that saw it", lower,
        firstSeenAfter);
  }

  /** How wide the bracket of Gameday's looks is; empty when no lower bound is known. */
  public Optional<Duration> width() {
    return lastSeenBefore.map(b -> Duration.between(b, firstSeenAfter));
  }
}
