package dev.gameday.sandbox.internal.arm;

import dev.gameday.sandbox.internal.Simulation;
import dev.gameday.sandbox.internal.world.World;
import java.time.Instant;
import java.util.regex.Matcher;

/** A routed request: the request, its path match, and the simulation it runs against. */
public record ArmCall(ArmRequest request, Matcher match, Simulation sim) {

  public String group(String name) {
    return match.group(name);
  }

  public World world() {
    return sim.world();
  }

  public Instant now() {
    return sim.world().now();
  }

  /** Fails with 404 SubscriptionNotFound unless the path names the world's subscription. */
  public void requireSubscription() {
    String sub = group("sub");
    if (!sub.equalsIgnoreCase(world().subscriptionId())) {
      throw ArmException.notFound("SubscriptionNotFound", "The subscription '" + sub + "' could not be found.");
    }
  }

  /** Fails with 404 ResourceGroupNotFound unless the resource group exists. */
  public void requireResourceGroup() {
    requireSubscription();
    String rg = group("rg");
    if (world().resourceGroup(rg).isEmpty()) {
      throw ArmException.notFound("ResourceGroupNotFound", "Resource group '" + rg + "' could not be found.");
    }
  }
}
