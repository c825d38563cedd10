package dev.gameday.core.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a good probe answer looks like. Every check that is present must pass; an absent check
 * is not applied. {@code status} defaults to 200–399. {@code promValue} judges the body as a
 * Prometheus instant-query answer, which is how a {@code prometheus:} probe stays an HTTP probe.
 */
public record Expectation(
    List<StatusRange> status,
    Optional<Duration> latencyBelow,
    Optional<String> bodyContains,
    Optional<String> bodyMatches,
    Optional<JsonPointerEquals> jsonPointer,
    List<String> headerPresent,
    Optional<PromValue> promValue) {

  public Expectation {
    status = status.isEmpty() ? List.of(new StatusRange(200, 399)) : List.copyOf(status);
    headerPresent = List.copyOf(headerPresent);
    Objects.requireNonNull(promValue, "promValue");
  }

  public static Expectation defaults() {
    return new Expectation(List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), List.of(), Optional.empty());
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

  /**
   * Every value a PromQL instant query returns (each series of a vector, or the scalar) must
   * compare to {@code threshold} as {@code comparison} says.
   */
  public record PromValue(Comparison comparison, double threshold) {
    public PromValue {
      Objects.requireNonNull(comparison, "comparison");
      if (!Double.isFinite(threshold)) {
        throw new IllegalArgumentException("threshold must be a finite number");
      }
    }

    /** The bound as reasons and plans show it: {@code < 0.02}. */
    public String describe() {
      return comparison.symbol() + " "
          + BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString();
    }

    /** How a value must compare to the threshold to be good, and the YAML key that says so. */
    public enum Comparison {
      BELOW("below", "<"), AT_MOST("atMost", "<="), ABOVE("above", ">"),
      AT_LEAST("atLeast", ">=");

      private final String yamlName;
      private final String symbol;

      Comparison(String yamlName, String symbol) {
        this.yamlName = yamlName;
        this.symbol = symbol;
      }

      /** False for NaN whatever the threshold: a ratio of no traffic proves nothing. */
      public boolean holds(double value, double threshold) {
        return switch (this) {
          case BELOW -> value < threshold;
          case AT_MOST -> value <= threshold;
          case ABOVE -> value > threshold;
          case AT_LEAST -> value >= threshold;
        };
      }

      public String yamlName() {
        return yamlName;
      }

      public String symbol() {
        return symbol;
      }
    }
  }
}
