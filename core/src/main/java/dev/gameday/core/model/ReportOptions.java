package dev.gameday.core.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which report files a run writes, and whether every probe sample is journaled or only the
 * failures plus per-second aggregates.
 */
public record ReportOptions(Set<Format> formats, SampleRecording samples) {
  public ReportOptions {
    formats = formats.isEmpty() ? Set.copyOf(EnumSet.allOf(Format.class)) : Set.copyOf(formats);
    Objects.requireNonNull(samples, "samples");
  }

  public static ReportOptions defaults() {
    return new ReportOptions(Set.of(), SampleRecording.all);
  }

  public enum Format { html, md, json, junit, pdf }

  public enum SampleRecording { all, failures }
}
