package dev.gameday.sandbox.internal.world;

import java.util.Random;
import java.util.UUID;

/** Seeded identifiers and jitter: the same seed and the same calls give the same values. */
public final class Ids {

  private final Random random;
  private final long seed;

  public Ids(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  public synchronized String uuid() {
    return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
        (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
  }

  /** A stable id for a named thing, independent of call order. */
  public String stableUuid(String name) {
    return UUID.nameUUIDFromBytes((seed + ":" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
  }

  /** A factor in {@code [1 - spread, 1 + spread]}. */
  public synchronized double jitter(double spread) {
    return spread == 0 ? 1.0 : 1.0 + (random.nextDouble() * 2 - 1) * spread;
  }
}
