package dev.gameday.core.load;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} and {@code ${env:NAME:-default}} in a scalar string with values from
 * the environment. As in the shell, {@code :-} also applies when the variable is set but empty.
 * {@code $${} writes a literal {@code ${}. Values taken from the environment are secrets.
 */
final class EnvInterpolator {

  private static final String OPEN = "${env:";
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Function<String, String> env;

  EnvInterpolator(Function<String, String> env) {
    this.env = Objects.requireNonNull(env, "env");
  }

  /** The result of interpolating one string. */
  record Result(
      String value,
      boolean hadPlaceholder,
      Set<String> secretValues,
      List<String> missing,
      Optional<String> syntaxError) {

    boolean usedEnvValue() {
      return !secretValues.isEmpty();
    }
  }

  Result interpolate(String text) {
    if (!text.contains("${")) {
      return new Result(text, false, Set.of(), List.of(), Optional.empty());
    }
    StringBuilder out = new StringBuilder(text.length());
    Set<String> secrets = new LinkedHashSet<>();
    List<String> missing = new ArrayList<>();
    boolean had = false;
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
        continue;
      }
      if (!text.startsWith(OPEN, i)) {
        out.append(text.charAt(i++));
        continue;
      }
      had = true;
      int close = text.indexOf('}', i);
      if (close < 0) {
        return syntax("`${env:` without a closing `}`");
      }
      String inner = text.substring(i + OPEN.length(), close);
      int sep = inner.indexOf(":-");
      String name = sep < 0 ? inner : inner.substring(0, sep);
      Optional<String> fallback = sep < 0 ? Optional.empty() : Optional.of(inner.substring(sep + 2));
      if (!NAME.matcher(name).matches()) {
        return syntax("`${env:" + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
            + "}` does not name an environment variable (letters, digits and _)");
      }
      String value = env.apply(name);
      boolean present = value != null && !(fallback.isPresent() && value.isEmpty());
      if (present) {
        out.append(value);
        if (!value.isEmpty()) {
          secrets.add(value);
        }
      } else if (fallback.isPresent()) {
        out.append(fallback.get());
      } else {
        missing.add(name);
      }
      i = close + 1;
    }
    return new Result(out.toString(), had, Set.copyOf(secrets), List.copyOf(missing), Optional.empty());
  }

  private static Result syntax(String message) {
    return new Result("", true, Set.of(), List.of(), Optional.of(message));
  }
}
