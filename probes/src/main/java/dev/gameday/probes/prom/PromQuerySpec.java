package dev.gameday.probes.prom;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A PromQL instant query whose value must stay within a bound: every series the query returns
 * must compare to {@code threshold} as {@code comparison} says. {@code prometheus} is the base
 * URL (the query goes to {@code <prometheus>/api/v1/query}).
 */
public record PromQuerySpec(String name, URI prometheus, String query, Comparison comparison,
    double threshold, Duration timeout) {

  public PromQuerySpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prometheus, "prometheus");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** How a value must compare to the threshold to be good. */
  public enum Comparison {
    BELOW("<"), AT_MOST("<="), ABOVE(">"), AT_LEAST(">=");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    public boolean holds(double value, double threshold) {
      return switch (this) {
        case BELOW -> value < threshold;
        case AT_MOST -> value <= threshold;
        case ABOVE -> value > threshold;
        case AT_LEAST -> value >= threshold;
      };
    }

    public String symbol() {
      return symbol;
    }
  }
}
