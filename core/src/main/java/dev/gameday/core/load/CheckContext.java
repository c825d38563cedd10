package dev.gameday.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the semantic checks share: the tree, the findings collected so far, which pointers hold
 * secret values, and helpers that read a value and report a clear finding when it is wrong. The
 * helpers tolerate wrong types (the schema reports those), so every check can run on any tree.
 */
final class CheckContext {
  private final JsonNode root;
  private final Set<String> secretPointers;
  private final List<Finding> findings = new ArrayList<>();

  CheckContext(JsonNode root, Set<String> secretPointers) {
    this.root = root;
    this.secretPointers = secretPointers;
  }

  JsonNode at(String pointer) {
    return root.at(pointer);
  }

  List<Finding> findings() {
    return List.copyOf(findings);
  }

  void report(Finding f) {
    findings.add(f);
  }

  void report(String pointer, String message) {
    findings.add(Finding.at(pointer, message));
  }

  void report(String pointer, String message, String hint) {
    findings.add(Finding.at(pointer, message, hint));
  }

  /** The value quoted for a message, or a neutral phrase when it came from the environment. */
  String shown(String pointer) {
    if (secretPointers.contains(pointer)) {
      return "the value from the environment";
    }
    JsonNode n = at(pointer);
    String s = n.isTextual() ? n.asText() : n.toString();
    return "`" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "`";
  }

  boolean isSecret(String pointer) {
    return secretPointers.contains(pointer);
  }

  Optional<String> text(String pointer) {
    JsonNode n = at(pointer);
    return n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
  }

  /** The duration at pointer (reported when malformed, negative, or zero unless allowed). */
  Optional<Duration> duration(String pointer, boolean zeroAllowed) {
    JsonNode n = at(pointer);
    String where = Pointers.display(pointer);
    if (n.isNumber()) {
      report(pointer, where + " needs a unit: " + shown(pointer) + " is a bare number", Durations.FORMS);
      return Optional.empty();
    }
    if (!n.isTextual()) {
      return Optional.empty();
    }
    Optional<Duration> d = Durations.parse(n.asText());
    if (d.isEmpty()) {
      report(pointer, where + " is not a duration: " + shown(pointer), Durations.FORMS);
      return Optional.empty();
    }
    if (d.get().isZero() && !zeroAllowed) {
      report(pointer, where + " must be longer than zero");
      return Optional.empty();
    }
    return d;
  }

  /** The duration at pointer without reporting anything (for checks that combine durations). */
  Optional<Duration> quietDuration(String pointer) {
    JsonNode n = at(pointer);
    return n.isTextual() ? Durations.parse(n.asText()) : Optional.empty();
  }

  /** A ratio 0..1 at pointer, reported when outside. */
  void ratio(String pointer) {
    JsonNode n = at(pointer);
    if (n.isNumber() && !(n.asDouble() >= 0 && n.asDouble() <= 1)) {
      report(pointer, Pointers.display(pointer) + " is a ratio and must lie between 0 and 1, not " + shown(pointer),
          "write 0.95 for 95%");
    }
  }

  /** An absolute URL with one of the schemes at pointer, reported when not. */
  void absoluteUrl(String pointer, List<String> schemes) {
    Optional<String> text = text(pointer);
    if (text.isEmpty()) {
      return;
    }
    String where = Pointers.display(pointer);
    String allowed = String.join(" or ", schemes.stream().map(s -> s + "://").toList());
    try {
      URI uri = new URI(text.get());
      if (!uri.isAbsolute() || uri.getHost() == null) {
        report(pointer, where + " must be an absolute " + allowed + " URL, not " + shown(pointer),
            "write the full URL, e.g. " + schemes.getFirst() + "://host.example.com/health");
      } else if (!schemes.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))) {
        report(pointer, where + " must use " + allowed + ", not " + uri.getScheme() + "://");
      }
    } catch (URISyntaxException e) {
      report(pointer, where + " is not a valid URL: " + (isSecret(pointer) ? "(value from the environment)" : e.getReason()
          + " at index " + e.getIndex()));
    }
  }

  /** Names present at a map pointer among the candidates. */
  List<String> presentKeys(String pointer, List<String> candidates) {
    JsonNode n = at(pointer);
    return candidates.stream().filter(n::has).toList();
  }
}
