package dev.gameday.azure.target;

import java.util.Map;

/** A resource a target matched, with the tags the guards check. */
public record ResolvedResource(String id, Map<String, String> tags) {
  public ResolvedResource {
    tags = Map.copyOf(tags);
  }
}
