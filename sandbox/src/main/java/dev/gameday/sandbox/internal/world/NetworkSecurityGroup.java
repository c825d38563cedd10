package dev.gameday.sandbox.internal.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An NSG and the history of its rules. Each change is a version with the instant it was asked
 * for and the instant it is in force (provisioned); ARM views and traffic both read the version
 * that applies at a given instant.
 */
public final class NetworkSecurityGroup {

  /** One change of one rule; {@code rule} null means deleted. */
  public record Version(Instant submittedAt, Instant effectiveAt, SecurityRule rule) {
  }

  /**
   * A rule as ARM shows it now; {@code provisioningState} is one of the Network
   * {@code ProvisioningState} values ({@code Succeeded}, {@code Updating}, {@code Deleting},
   * {@code Failed}: {@code network/resource-manager/Microsoft.Network/stable/2025-03-01/common.json}):
   * a rule whose DELETE was accepted is {@code Deleting} until the delete takes effect.
   */
  public record RuleView(SecurityRule rule, String provisioningState) {
  }

  private final ResourceName id;
  private final String location;
  private final Map<String, String> tags;
  private final Map<String, List<Version>> history = new LinkedHashMap<>();
  private final List<String> subnetIds = new ArrayList<>();
  private final String resourceGuid;
  private boolean flushConnection;
  private Instant nsgUpdatedUntil = Instant.EPOCH;
  private int writes;

  public NetworkSecurityGroup(ResourceName id, String location, Map<String, String> tags, boolean flushConnection,
      String resourceGuid) {
    this.id = id;
    this.location = location;
    this.tags = new LinkedHashMap<>(tags);
    this.flushConnection = flushConnection;
    this.resourceGuid = resourceGuid;
  }

  public ResourceName id() {
    return id;
  }

  public String location() {
    return location;
  }

  public Map<String, String> tags() {
    return tags;
  }

  public String resourceGuid() {
    return resourceGuid;
  }

  public boolean flushConnection() {
    return flushConnection;
  }

  public void flushConnection(boolean on) {
    this.flushConnection = on;
    writes++;
  }

  /**
   * ARM's {@code etag} of the NSG (and of its rules): a weak tag that changes with every write
   * (rule PUT or DELETE, NSG PUT or PATCH), as the {@code W/"guid"} form of the Network examples.
   */
  public String etag() {
    return "W/\"" + java.util.UUID.nameUUIDFromBytes((resourceGuid + ":" + writes)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\"";
  }

  /** Counts a write that changes the etag (tags, or a PUT that changed nothing else). */
  public void written() {
    writes++;
  }

  public List<String> subnetIds() {
    return subnetIds;
  }

  public void markUpdating(Instant until) {
    if (until.isAfter(nsgUpdatedUntil)) {
      nsgUpdatedUntil = until;
    }
  }

  /** Records a rule change; {@code rule} null deletes. */
  public void change(String name, SecurityRule rule, Instant submittedAt, Instant effectiveAt) {
    history.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
        .add(new Version(submittedAt, effectiveAt, rule));
    writes++;
  }

  /** Every rule's changes in the order they were asked for, by lower-case rule name. */
  public Map<String, List<Version>> history() {
    Map<String, List<Version>> copy = new LinkedHashMap<>();
    history.forEach((name, versions) -> copy.put(name, List.copyOf(versions)));
    return copy;
  }

  public Optional<RuleView> rule(String name, Instant now) {
    List<Version> versions = history.get(name.toLowerCase(java.util.Locale.ROOT));
    return versions == null ? Optional.empty() : view(versions, now);
  }

  public List<RuleView> rules(Instant now) {
    List<RuleView> views = new ArrayList<>();
    for (List<Version> versions : history.values()) {
      view(versions, now).ifPresent(views::add);
    }
    return views;
  }

  private static Optional<RuleView> view(List<Version> versions, Instant now) {
    Version latest = null;
    Version previous = null;
    for (Version v : versions) {
      if (!v.submittedAt().isAfter(now)) {
        previous = latest;
        latest = v;
      }
    }
    if (latest == null) {
      return Optional.empty();
    }
    boolean pending = now.isBefore(latest.effectiveAt());
    if (latest.rule() == null) {
      return pending && previous != null && previous.rule() != null
          ? Optional.of(new RuleView(previous.rule(), "Deleting"))
          : Optional.empty();
    }
    return Optional.of(new RuleView(latest.rule(), pending ? "Updating" : "Succeeded"));
  }

  /** Rules in force for traffic at {@code at}. */
  public List<SecurityRule> rulesInForce(Instant at) {
    List<SecurityRule> rules = new ArrayList<>();
    for (List<Version> versions : history.values()) {
      SecurityRule inForce = null;
      for (Version v : versions) {
        if (!v.effectiveAt().isAfter(at)) {
          inForce = v.rule();
        }
      }
      if (inForce != null) {
        rules.add(inForce);
      }
    }
    return rules;
  }

  /** Whether any rule change came into force in {@code (after, upTo]}. */
  public boolean changedBetween(Instant after, Instant upTo) {
    return history.values().stream().flatMap(List::stream)
        .anyMatch(v -> v.effectiveAt().isAfter(after) && !v.effectiveAt().isAfter(upTo));
  }

  public String provisioningState(Instant now) {
    boolean pending = now.isBefore(nsgUpdatedUntil) || history.values().stream().flatMap(List::stream)
        .anyMatch(v -> !v.submittedAt().isAfter(now) && now.isBefore(v.effectiveAt()));
    return pending ? "Updating" : "Succeeded";
  }
}
