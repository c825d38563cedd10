package dev.gameday.sandbox;

import java.nio.file.Path;

/**
 * How to start a {@link Sandbox}. Immutable; build with {@link #defaults()} and the {@code with*}
 * methods.
 *
 * @param armPort ARM HTTPS port on 127.0.0.1; 0 picks a free port
 * @param shopBasePort first shop port (front door, then primary, secondary, drTest); 0 picks free ports
 * @param speed every world duration is divided by this factor (20 = twenty times faster)
 * @param worldFile world YAML; null = the default world shipped with the sandbox
 * @param stateDir where {@code ca.pem} and {@code sandbox.json} are written; null = a temporary
 *     directory deleted on close
 * @param seed seed of every random choice; 0 = the world file's {@code seed}
 */
public record SandboxConfig(int armPort, int shopBasePort, double speed, Path worldFile, Path stateDir, long seed) {

  public SandboxConfig {
    if (armPort < 0 || armPort > 65535) {
      throw new IllegalArgumentException("armPort must be 0..65535, was " + armPort);
    }
    if (shopBasePort < 0 || shopBasePort > 65535 - 3) {
      throw new IllegalArgumentException("shopBasePort must be 0..65532, was " + shopBasePort);
    }
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number, was " + speed);
    }
  }

  /** Free ports, speed 1, the default world, a temporary state directory, the world's seed. */
  public static SandboxConfig defaults() {
    return new SandboxConfig(0, 0, 1.0, null, null, 0L);
  }


  public SandboxConfig withArmPort(int port) {
    return new SandboxConfig(port, shopBasePort, speed, worldFile, stateDir, seed);
  }

  public SandboxConfig withShopBasePort(int port) {
    return new SandboxConfig(armPort, port, speed, worldFile, stateDir, seed);
  }

  public SandboxConfig withSpeed(double factor) {
    return new SandboxConfig(armPort, shopBasePort, factor, worldFile, stateDir, seed);
  }

  public SandboxConfig withWorldFile(Path file) {
    return new SandboxConfig(armPort, shopBasePort, speed, file, stateDir, seed);
  }

  public SandboxConfig withStateDir(Path dir) {
    return new SandboxConfig(armPort, shopBasePort, speed, worldFile, dir, seed);
  }

  public SandboxConfig withSeed(long newSeed) {
    return new SandboxConfig(armPort, shopBasePort, speed, worldFile, stateDir, newSeed);
  }
}
