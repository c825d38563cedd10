package dev.gameday.azure.sweep;

import com.azure.resourcemanager.network.fluent.NetworkSecurityGroupsClient;
import com.azure.resourcemanager.network.fluent.models.NetworkSecurityGroupInner;
import com.azure.resourcemanager.network.fluent.models.SecurityRuleInner;
import dev.gameday.azure.arm.ApiVersions;
import dev.gameday.azure.arm.ArmClient;
import dev.gameday.azure.arm.ArmException;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.arm.ArmResponse;
import dev.gameday.azure.fault.RuleNames;
import dev.gameday.azure.sweep.SweepReport.Entry;
import dev.gameday.azure.sweep.SweepReport.Outcome;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the NSG rules Gameday left behind in a subscription (optionally one resource group) and
 * removes them (or only lists them in a dry run). Backs {@code gameday sweep}. A rule is removed
 * only when all of these hold: its name is exactly {@code gameday-<run id>-<step>} with a run id
 * as Gameday makes them, its description is the one Gameday writes naming the same run, that run
 * is not running, and the expiry in the description has passed. Any other rule whose name starts
 * with {@code gameday-} in any case (a customer's {@code GameDay-Allow-Monitoring}) is reported
 * and left alone. The NSGs are listed with azure-resourcemanager-network's typed client (a read
 * whose timing does not matter); each rule is deleted with a direct call, whose status and
 * correlation id the report shows.
 */
public final class LeftoverSweeper {
  /** {@code gameday-20261128t020000z-3f2a-<step>}: the run id is the UTC start and 4 hex digits. */
  static final Pattern NAME = Pattern.compile(
      Pattern.quote(RuleNames.PREFIX) + "(\\d{8}t\\d{6}z-[0-9a-f]{4})-[A-Za-z0-9_.-]+");
  /** The description {@code NsgDenyFault} writes: {@code gameday run <id>; expires <instant>; ...}. */
  static final Pattern MARKER = Pattern.compile(
      "^gameday run (\\S+); expires (\\S+); remove with 'gameday sweep'");

  private final ArmClient arm;

  public LeftoverSweeper(ArmClient arm) {
    this.arm = arm;
  }

  static ArmRequest listRequest(String subscription, Optional<String> resourceGroup) {
    return ArmRequest.get("/subscriptions/" + subscription
        + resourceGroup.map(g -> "/resourceGroups/" + g).orElse("")
        + "/providers/Microsoft.Network/networkSecurityGroups", ApiVersions.NETWORK);
  }

  /**
   * Sweeps; with {@code dryRun} nothing is deleted and every removable leftover is
   * {@code FOUND}.
   *
   * @param runIsLive whether the run with this id is running (its rules are left alone)
   * @param now the instant compared with each rule's expiry
   */
  public SweepReport sweep(String subscription, Optional<String> resourceGroup, boolean dryRun,
      Predicate<String> runIsLive, Instant now) {
    List<Entry> out = new ArrayList<>();
    NetworkSecurityGroupsClient nsgs = arm.services(subscription).network()
        .getNetworkSecurityGroups();
    for (NetworkSecurityGroupInner nsg : arm.pages(listRequest(subscription, resourceGroup),
        resourceGroup.map(nsgs::listByResourceGroupAsync).orElseGet(nsgs::listAsync))) {
      for (SecurityRuleInner rule : Optional.ofNullable(nsg.securityRules()).orElse(List.of())) {
        String name = Optional.ofNullable(rule.name()).orElse("");
        if (!name.toLowerCase(Locale.ROOT).startsWith(RuleNames.PREFIX)) {
          continue;
        }
        String id = Optional.ofNullable(rule.id()).orElse(nsg.id() + "/securityRules/" + name);
        String description = Optional.ofNullable(rule.description()).orElse("");
        out.add(judge(id, name, description, dryRun, runIsLive, now));
      }
    }
    return new SweepReport(out);
  }

  private Entry judge(String id, String name, String description, boolean dryRun,
      Predicate<String> runIsLive, Instant now) {
    Matcher n = NAME.matcher(name);
    Matcher d = MARKER.matcher(description);
    if (!n.matches() || !d.find() || !d.group(1).equals(n.group(1))) {
      return new Entry(id, description, Outcome.LEFT_ALONE,
          "not created by Gameday: the name or the description is not the one Gameday writes");
    }
    String runId = n.group(1);
    if (runIsLive.test(runId)) {
      return new Entry(id, description, Outcome.LEFT_ALONE, "run " + runId + " is running");
    }
    Instant expires;
    try {
      expires = Instant.parse(d.group(2));
    } catch (DateTimeParseException e) {
      return new Entry(id, description, Outcome.LEFT_ALONE, "its expiry cannot be read");
    }
    if (now.isBefore(expires)) {
      return new Entry(id, description, Outcome.LEFT_ALONE, "not expired until " + expires);
    }
    return dryRun ? new Entry(id, description, Outcome.FOUND, "dry run: not removed")
        : remove(id, description);
  }

  private Entry remove(String id, String description) {
    try {
      Optional<ArmResponse> r = arm.find(ArmRequest.delete(id, ApiVersions.NETWORK));
      return r.isEmpty() ? new Entry(id, description, Outcome.ALREADY_GONE, "404")
          : new Entry(id, description, Outcome.REMOVED, "HTTP " + r.get().status()
              + r.get().correlationId().map(c -> ", correlation " + c).orElse(""));
    } catch (ArmException e) {
      return new Entry(id, description, Outcome.FAILED, e.getMessage());
    }
  }
}
