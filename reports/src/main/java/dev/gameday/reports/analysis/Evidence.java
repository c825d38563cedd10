package dev.gameday.reports.analysis;

import java.time.Instant;
import java.util.Objects;

/**
 * One piece of evidence behind a figure: the journal line ({@code seq}) that carries it, when it
 * happened, what kind of event it is ({@code kind}, the journal type name) and what it says
 * ({@code detail}: resource, ARM correlation id, Site Recovery job and task, probe outcome...).
 */
public record Evidence(long seq, Instant at, String kind, String detail) {
  public Evidence {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }
}
