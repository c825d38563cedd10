package dev.gameday.core.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a good probe answer looks like. Every check that is present must pass; an absent check
 * is not applied. {@code status} defaults to 200–399.
 */
public record Expectation(
    List<StatusRange> status,
    Optional<Duration> latencyBelow,
    Optional<String> bodyContains,
    Optional<String> bodyMatches,
    Optional<JsonPointerEquals> jsonPointer,
    List<String> headerPresent) {

  public Expectation {
    status = status.isEmpty() ? List.of(new StatusRange(200, 399)) : List.copyOf(status);
    headerPresent = List.copyOf(headerPresent);
  }

  public static Expectation defaults() {
    return new Expectation(List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), List.of());
  }

  public boolean statusOk(int code) {
    return status.stream().anyMatch(r -> r.contains(code));
  }

  /** An inclusive range of HTTP status codes; a single code is a range of one. */
  public record StatusRange(int from, int to) {
    public StatusRange {
      if (from < 100 || to > 599 || from > to) {
        throw new IllegalArgumentException("status range must lie in 100-599: " + from + "-" + to);
      }
    }

    public boolean contains(int code) {
      return code >= from && code <= to;
    }

    @Override
    public String toString() {
      return from == to ? Integer.toString(from) : from + "-" + to;
    }
  }

  /** The JSON value at {@code pointer} (RFC 6901) must equal {@code equals} (compared as text). */
  public record JsonPointerEquals(String pointer, String equals) {
    public JsonPointerEquals {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(equals, "equals");
    }
  }
}
