package dev.gameday.core.redact;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The secret values a run resolved (values taken from the environment, the password of a URL,
 * the values of secret headers) and the one place text is scrubbed of them. Every sink that
 * writes text a person or a file will see — journal, reports, console, metrics, {@code plan} —
 * passes it through {@link #scrub}. Immutable and thread-safe.
 *
 * <p>Values shorter than {@link #MIN_LENGTH} are not scrubbed: replacing every "on" or "1" would
 * mangle the text and protect nothing. Each value is also scrubbed in its URL-encoded form, the
 * way it appears in a query string or a redirect's Location.
 */
public final class Secrets {
  /** What a secret is replaced by. */
  public static final String MASK = "***";
  /** Shorter values are not scrubbed. */
  public static final int MIN_LENGTH = 4;

  private static final Secrets NONE = new Secrets(List.of());

  /** Longest first, so that a secret containing another is masked whole. */
  private final List<String> forms;

  private Secrets(List<String> forms) {
    this.forms = forms;
  }

  /** No secrets: {@link #scrub} returns its argument. */
  public static Secrets none() {
    return NONE;
  }

  /** The given values (shorter ones than {@link #MIN_LENGTH} are ignored). */
  public static Secrets of(Collection<String> values) {
    Set<String> forms = new LinkedHashSet<>();
    for (String v : values) {
      if (v != null && v.length() >= MIN_LENGTH) {
        forms.add(v);
        forms.add(URLEncoder.encode(v, StandardCharsets.UTF_8));
        forms.add(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
      }
    }
    return forms.isEmpty() ? NONE : new Secrets(forms.stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s)).toList());
  }

  /** These secrets and {@code other}'s. */
  public Secrets and(Secrets other) {
    if (other.forms.isEmpty()) {
      return this;
    }
    Set<String> all = new LinkedHashSet<>(forms);
    all.addAll(other.forms);
    return of(all);
  }

  public boolean isEmpty() {
    return forms.isEmpty();
  }

  /** True when {@code text} holds any secret (in any of its forms). */
  public boolean foundIn(String text) {
    if (text == null) {
      return false;
    }
    for (String f : forms) {
      if (text.contains(f)) {
        return true;
      }
    }
    return false;
  }

  /** {@code text} with every secret replaced by {@link #MASK}; null stays null. */
  public String scrub(String text) {
    if (text == null || forms.isEmpty()) {
      return text;
    }
    String out = text;
    for (String f : forms) {
      if (out.contains(f)) {
        out = out.replace(f, MASK);
      }
    }
    return out;
  }

  /** How many values are known (never the values themselves). */
  @Override
  public String toString() {
    return "Secrets[" + forms.size() + " forms]";
  }
}
