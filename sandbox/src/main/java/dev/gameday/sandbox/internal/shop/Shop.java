package dev.gameday.sandbox.internal.shop;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.sandbox.internal.world.RecoveryPlan;
import dev.gameday.sandbox.internal.world.VirtualMachine;
import dev.gameday.sandbox.internal.world.World;
import dev.gameday.sandbox.internal.world.WorldConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample two-region shop over a world: one app per backend VM, a load balancer per region,
 * a drTest load balancer over the test-failover replicas, and the front door.
 */
public final class Shop {

  public static final String FRONT_DOOR = "frontDoor";
  public static final String PRIMARY = "primary";
  public static final String SECONDARY = "secondary";
  public static final String DR_TEST = "drTest";

  private final Map<String, Endpoint> endpoints;
  private final LoadBalancer primary;
  private final LoadBalancer secondary;
  private final LoadBalancer drTest;
  private final FrontDoor frontDoor;

  private Shop(World world) {
    WorldConfig.Shop config = world.config().shop();
    Instant origin = world.origin();
    String[] planRef = config.recoveryPlan().split("/");
    if (planRef.length != 3) {
      throw new IllegalArgumentException("world: shop.recoveryPlan must be 'resourceGroup/vault/plan'");
    }
    RecoveryPlan plan = world.vault(planRef[0], planRef[1]).flatMap(v -> v.plan(planRef[2]))
        .orElseThrow(() -> new IllegalArgumentException("world: unknown recovery plan " + config.recoveryPlan()));
    primary = regional(world, config.primary(), origin);
    secondary = regional(world, config.secondary(), origin);
    Map<VirtualMachine, WebApp> replicas = new HashMap<>();
    drTest = new LoadBalancer(config.drTest().loadBalancer(), plan.recoveryLocation(),
        () -> plan.testReplicas().stream()
            .map(vm -> replicas.computeIfAbsent(vm, v -> new WebApp(world, v, config.drTest().database())))
            .toList(),
        world.delays(), origin);
    frontDoor = new FrontDoor(plan, primary, secondary, world.delays().dnsTtl());
    endpoints = Map.of(FRONT_DOOR, frontDoor, PRIMARY, primary, SECONDARY, secondary, DR_TEST, drTest);
  }

  public static Shop create(World world) {
    return new Shop(world);
  }

  private static LoadBalancer regional(World world, WorldConfig.ShopRegion region, Instant origin) {
    List<WebApp> apps = new ArrayList<>();
    for (String ref : region.backends()) {
      String[] parts = ref.split("/");
      if (parts.length != 2) {
        throw new IllegalArgumentException("world: shop backend must be 'resourceGroup/vm': " + ref);
      }
      VirtualMachine vm = world.vm(parts[0], parts[1])
          .orElseThrow(() -> new IllegalArgumentException("world: unknown shop backend " + ref));
      apps.add(new WebApp(world, vm, region.database()));
    }
    List<WebApp> fixed = List.copyOf(apps);
    String location = region.location() != null ? region.location()
        : fixed.isEmpty() ? "unknown" : fixed.get(0).vm().location();
    return new LoadBalancer(region.loadBalancer(), location, () -> fixed, world.delays(), origin);
  }

  /** Endpoint by key: frontDoor, primary, secondary or drTest. */
  public Endpoint endpoint(String key) {
    Endpoint e = endpoints.get(key);
    if (e == null) {
      throw new IllegalArgumentException("no shop endpoint " + key);
    }
    return e;
  }

  /** The shop's part of the state dump. */
  public ObjectNode state(Instant now) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("frontDoorOrigin", frontDoor.active(now).name());
    for (LoadBalancer lb : List.of(primary, secondary, drTest)) {
      ObjectNode l = node.putObject(lb.name());
      l.put("location", lb.location());
      ObjectNode rotation = l.putObject("inRotation");
      lb.rotation(now).forEach(rotation::put);
    }
    return node;
  }
}
