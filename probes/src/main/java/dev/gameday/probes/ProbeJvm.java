package dev.gameday.probes;

/**
 * JVM settings the probes are measured with. Call {@link #configure()} first thing in
 * {@code main}, before any virtual thread blocks on a socket: the JDK reads them once, when its
 * I/O poller starts.
 *
 * <p>{@code jdk.pollerMode=1} makes the JDK wait for socket readiness on its own platform
 * threads. Since JDK 22 the Linux default (mode 2) runs those waits as virtual threads on the
 * same few carrier threads as the probes' requests, so when the carriers are busy a response
 * that has arrived is noticed late and its probe reads as slow. On 2 cores at 10,000 requests a
 * second the probe bench measured mode 1 at no missed tick and a lag p99 of about 4 ms, against
 * hundreds of missed ticks and 22 ms with the default (docs/probes.md). A value the user already
 * set (with {@code -Djdk.pollerMode=...}) is kept. The property is the JDK's own and not a
 * supported interface: a JDK that does not know it ignores it.
 */
public final class ProbeJvm {
  /** The JDK's system property choosing how virtual threads wait for socket readiness. */
  public static final String POLLER_MODE = "jdk.pollerMode";
  /** Platform poller threads ("SYSTEM_THREADS" in the JDK's sources). */
  static final String PLATFORM_POLLERS = "1";

  private ProbeJvm() {}

  /** Sets the poller mode to platform pollers unless it is set already. */
  public static void configure() {
    if (System.getProperty(POLLER_MODE) == null) {
      System.setProperty(POLLER_MODE, PLATFORM_POLLERS);
    }
  }
}
