package dev.gameday.core.model;

import java.util.Map;
import java.util.Objects;

/** Who owns the experiment and what it is called; {@code name} is a DNS-label-like slug. */
public record Metadata(String name, String title, String owner, Map<String, String> labels) {
  public Metadata {
    Objects.requireNonNull(name, "name");
    title = title == null ? name : title;
    owner = owner == null ? "" : owner;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
