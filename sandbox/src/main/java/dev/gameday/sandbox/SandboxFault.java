package dev.gameday.sandbox;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A fault for the next {@code count} ARM calls that match {@code "<METHOD> <path regex>"}
 * ({@code *} for any method; the regex is searched in the path without the query string).
 *
 * @param match e.g. {@code POST powerOff$} or {@code * ^/subscriptions/} (method, space, path regex)
 * @param mode what those calls get
 * @param count how many calls it applies to
 * @param retryAfterSeconds Retry-After of a throttle (429)
 * @param hangSeconds how long a hang holds the call before dropping the connection
 */
public record SandboxFault(String match, Mode mode, int count, int retryAfterSeconds, int hangSeconds) {

  /** What a matching call gets. */
  public enum Mode {
    /** 429 TooManyRequests with Retry-After. */
    THROTTLE,
    /** 500 InternalServerError. */
    ERROR,
    /** No answer for {@code hangSeconds}, then the connection is dropped. */
    HANG,
    /** The connection is closed without an answer. */
    RESET;

    public static Mode parse(String text) {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
  }

  public SandboxFault {
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(mode, "mode");
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1");
    }
    if (retryAfterSeconds < 0 || hangSeconds < 0) {
      throw new IllegalArgumentException("retryAfterSeconds and hangSeconds must be >= 0");
    }
    String[] parts = match.trim().split("\\s+", 2);
    if (parts.length != 2) {
      throw new IllegalArgumentException("match must be '<METHOD> <path regex>', was '" + match + "'");
    }
    try {
      Pattern.compile(parts[1]);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("match has a bad path regex: " + e.getMessage(), e);
    }
  }

  public static SandboxFault throttle(String match, int count, int retryAfterSeconds) {
    return new SandboxFault(match, Mode.THROTTLE, count, retryAfterSeconds, 0);
  }

  public static SandboxFault error(String match, int count) {
    return new SandboxFault(match, Mode.ERROR, count, 0, 0);
  }

  public static SandboxFault hang(String match, int count, int hangSeconds) {
    return new SandboxFault(match, Mode.HANG, count, 0, hangSeconds);
  }

  public static SandboxFault reset(String match, int count) {
    return new SandboxFault(match, Mode.RESET, count, 0, 0);
  }

  public String method() {
    return match.trim().split("\\s+", 2)[0];
  }

  public Pattern pathPattern() {
    return Pattern.compile(match.trim().split("\\s+", 2)[1]);
  }
}
