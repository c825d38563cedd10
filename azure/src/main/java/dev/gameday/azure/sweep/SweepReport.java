package dev.gameday.azure.sweep;

import java.util.List;

/** What {@link LeftoverSweeper} found and did, one entry per leftover. */
public record SweepReport(List<Entry> entries) {
  public SweepReport {
    entries = List.copyOf(entries);
  }

  /**
   * What happened to one rule: removed, already gone, found (dry run), failed, or left alone
   * (not Gameday's, its run is running, or not expired; the detail says which).
   */
  public enum Outcome { REMOVED, ALREADY_GONE, FOUND, FAILED, LEFT_ALONE }

  /** One leftover: its resource ID, its description (run and expiry), the outcome. */
  public record Entry(String resourceId, String description, Outcome outcome, String detail) {}

  public boolean failed() {
    return entries.stream().anyMatch(e -> e.outcome() == Outcome.FAILED);
  }
}
