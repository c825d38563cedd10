package dev.gameday.sandbox.internal.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The RBAC actions the sandbox's caller holds on every resource group: by default exactly
 * Gameday's shipped role ({@code scripts/azure/gameday-role.json}, packaged with the sandbox),
 * else the world's {@code identity.actions}, or what a knob set. Actions match as in Azure RBAC:
 * case-insensitive, {@code *} matches any run of characters.
 */
public record Grant(List<String> actions) {

  /** Where the sandbox jar carries the shipped role. */
  public static final String SHIPPED_ROLE = "/dev/gameday/sandbox/gameday-role.json";

  public Grant {
    actions = List.copyOf(Objects.requireNonNull(actions, "actions"));
  }

  /** The actions of Gameday's shipped role. */
  public static Grant shippedRole() {
    try (InputStream in = Grant.class.getResourceAsStream(SHIPPED_ROLE)) {
      JsonNode role = new ObjectMapper().readTree(Objects.requireNonNull(in, SHIPPED_ROLE));
      List<String> actions = new ArrayList<>();
      role.path("Actions").forEach(a -> actions.add(a.asText()));
      return new Grant(actions);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SHIPPED_ROLE, e);
    }
  }

  public boolean allows(String action) {
    return actions.stream().anyMatch(pattern -> matches(pattern, action));
  }

  static boolean matches(String pattern, String action) {
    String regex = java.util.Arrays.stream(pattern.toLowerCase(Locale.ROOT).split("\\*", -1))
        .map(java.util.regex.Pattern::quote).reduce((a, b) -> a + ".*" + b).orElse("");
    return action.toLowerCase(Locale.ROOT).matches(regex);
  }

  /** This grant with more actions. */
  public Grant plus(List<String> more) {
    List<String> all = new ArrayList<>(actions);
    all.addAll(more);
    return new Grant(all);
  }

  /** This grant without one action (for "an identity lacking X"). */
  public Grant without(String action) {
    return new Grant(actions.stream().filter(a -> !a.equalsIgnoreCase(action)).toList());
  }
}
