package dev.gameday.sandbox.internal.world;

import java.util.Locale;

/** A VM's {@code PowerState/...} instance-view status. */
public enum PowerState {
  STARTING, RUNNING, STOPPING, STOPPED, DEALLOCATING, DEALLOCATED;

  public String code() {
    return "PowerState/" + name().toLowerCase(Locale.ROOT);
  }

  public String displayStatus() {
    return "VM " + name().toLowerCase(Locale.ROOT);
  }

  public boolean transitional() {
    return this == STARTING || this == STOPPING || this == DEALLOCATING;
  }

  public static PowerState parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
