package dev.gameday.sandbox.internal.world;

import dev.gameday.sandbox.internal.arm.ArmException;

/** {@code *}, a port, or {@code low-high}. */
public record PortRange(int low, int high) {

  public static PortRange parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.equals("*")) {
      return new PortRange(0, 65535);
    }
    try {
      int dash = t.indexOf('-');
      int low = Integer.parseInt(dash < 0 ? t : t.substring(0, dash).trim());
      int high = dash < 0 ? low : Integer.parseInt(t.substring(dash + 1).trim());
      if (low < 0 || high > 65535 || low > high) {
        throw new NumberFormatException();
      }
      return new PortRange(low, high);
    } catch (NumberFormatException e) {
      throw ArmException.badRequest("SecurityRuleInvalidPortRange",
          "Security rule has invalid Port range. Value provided: " + text
              + ". Value should be an integer OR integer range with '-' delimiter. Valid range 0-65535.");
    }
  }

  public boolean contains(int port) {
    return port >= low && port <= high;
  }
}
