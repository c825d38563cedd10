package dev.gameday.probes.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs of a bench's command line, with defaults (every bench reads these). */
public record BenchArgs(Map<String, String> values) {

  /** Reads {@code --name value} pairs; a name without a value, or a bare word, is refused. */
  public static BenchArgs parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got: " + args[i]);
      }
      values.put(args[i].substring(2), args[++i]);
    }
    return new BenchArgs(Map.copyOf(values));
  }

  public int integer(String name, int fallback) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
  }

  public long number(String name, long fallback) {
    return values.containsKey(name) ? Long.parseLong(values.get(name)) : fallback;
  }

  /** The value of {@code --name}, which must be given. */
  public String required(String name, String what) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException("--" + name + " " + what + " is required");
    }
    return values.get(name);
  }

  public String text(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }
}
