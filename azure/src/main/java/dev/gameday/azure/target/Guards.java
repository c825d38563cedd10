package dev.gameday.azure.target;

import dev.gameday.azure.arm.ResourceId;
import dev.gameday.core.model.Safety;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The safety guards checked before anything is written: every target carries the opt-in tag,
 * no more than {@code maxTargets} resources in all, and every resource lies in an allowed
 * subscription (the experiment's own when none are listed) and an allowed resource group.
 * All problems are reported at once.
 */
public final class Guards {
  private final Safety safety;
  private final String subscription;

  public Guards(Safety safety, String experimentSubscription) {
    this.safety = safety;
    this.subscription = experimentSubscription;
  }

  /** Checks the resolved targets; throws {@link GuardViolation} listing every problem. */
  public void check(Map<String, List<ResolvedResource>> targets) throws GuardViolation {
    List<String> problems = new ArrayList<>();
    Set<String> all = new LinkedHashSet<>();
    for (var t : targets.entrySet()) {
      for (ResolvedResource r : t.getValue()) {
        all.add(r.id().toLowerCase(Locale.ROOT));
        if (!TargetResolver.hasTags(r.tags(), safety.requireTag())) {
          problems.add("target '" + t.getKey() + "': " + r.id() + " lacks the opt-in tag "
              + tagText() + " - tag it (az resource tag --ids " + r.id() + " --is-incremental"
              + " --tags " + tagArgs() + ") or leave it out");
        }
        scopeProblem("target '" + t.getKey() + "'", r.id()).ifPresent(problems::add);
      }
    }
    if (all.size() > safety.maxTargets()) {
      problems.add(all.size() + " resources selected but safety.maxTargets is "
          + safety.maxTargets() + " - narrow the targets (pick: {count: N}) or raise maxTargets");
    }
    if (!problems.isEmpty()) {
      throw new GuardViolation(problems);
    }
  }

  /** Checks that one resource (an NSG, a vault) lies in the allowed scopes. */
  public void checkScope(String what, String resourceId) throws GuardViolation {
    var p = scopeProblem(what, resourceId);
    if (p.isPresent()) {
      throw new GuardViolation(List.of(p.get()));
    }
  }

  private java.util.Optional<String> scopeProblem(String what, String resourceId) {
    ResourceId id;
    try {
      id = ResourceId.parse(resourceId);
    } catch (IllegalArgumentException e) {
      return java.util.Optional.of(what + ": " + e.getMessage());
    }
    List<String> subs = safety.allowedSubscriptions().isEmpty() ? List.of(subscription)
        : safety.allowedSubscriptions();
    if (subs.stream().noneMatch(s -> s.equalsIgnoreCase(id.subscription()))) {
      return java.util.Optional.of(what + ": " + resourceId + " is in subscription "
          + id.subscription() + ", not in " + (safety.allowedSubscriptions().isEmpty()
          ? "the experiment's subscription " + subscription
          : "safety.allowedSubscriptions " + subs) + " - add it there or drop the resource");
    }
    if (!safety.allowedResourceGroups().isEmpty() && safety.allowedResourceGroups().stream()
        .noneMatch(g -> g.equalsIgnoreCase(id.resourceGroup()))) {
      return java.util.Optional.of(what + ": " + resourceId + " is in resource group "
          + id.resourceGroup() + ", not in safety.allowedResourceGroups "
          + safety.allowedResourceGroups() + " - add it there or drop the resource");
    }
    return java.util.Optional.empty();
  }

  private String tagText() {
    return safety.requireTag().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .sorted().reduce((a, b) -> a + ", " + b).orElse("");
  }

  private String tagArgs() {
    return safety.requireTag().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .sorted().reduce((a, b) -> a + " " + b).orElse("");
  }
}
