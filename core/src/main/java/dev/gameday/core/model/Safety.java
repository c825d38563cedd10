package dev.gameday.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Guards checked before anything is written to Azure: every target must carry the opt-in tag,
 * no more than {@code maxTargets} resources in all, only the allowed subscriptions and resource
 * groups (empty = no restriction beyond the experiment's own), and optionally a permission check.
 */
public record Safety(
    Map<String, String> requireTag,
    int maxTargets,
    List<String> allowedSubscriptions,
    List<String> allowedResourceGroups,
    boolean checkPermissions) {

  public static final Map<String, String> DEFAULT_TAG = Map.of("chaos", "allowed");
  public static final int DEFAULT_MAX_TARGETS = 5;

  public Safety {
    requireTag = Map.copyOf(requireTag);
    if (maxTargets < 1) {
      throw new IllegalArgumentException("maxTargets must be at least 1");
    }
    allowedSubscriptions = List.copyOf(allowedSubscriptions);
    allowedResourceGroups = List.copyOf(allowedResourceGroups);
  }

  public static Safety defaults() {
    return new Safety(DEFAULT_TAG, DEFAULT_MAX_TARGETS, List.of(), List.of(), true);
  }

}
