package dev.gameday.sandbox.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.sandbox.internal.shop.Shop;
import dev.gameday.sandbox.internal.time.SimClock;
import dev.gameday.sandbox.internal.world.Delays;
import dev.gameday.sandbox.internal.world.SiteRecovery;
import dev.gameday.sandbox.internal.world.VmPower;
import dev.gameday.sandbox.internal.world.World;
import dev.gameday.sandbox.internal.world.WorldConfig;

/**
 * One run of a world and its shop. A reset replaces the whole simulation. Every read or change
 * holds the world's monitor: {@code synchronized (sim.world())}.
 */
public record Simulation(World world, VmPower vmPower, SiteRecovery siteRecovery, Shop shop) {

  public static Simulation create(WorldConfig config, SimClock clock, Delays delays, long seed) {
    World world = World.create(config, clock, delays, seed);
    return new Simulation(world, new VmPower(world), new SiteRecovery(world), Shop.create(world));
  }

  /** JSON dump of the world for {@code GET /_sandbox/state}. */
  public ObjectNode state() {
    synchronized (world) {
      return StateDump.of(this);
    }
  }
}
