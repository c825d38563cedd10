package dev.gameday.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Exclusive hold of the resources a run changes (VMs, NSGs, recovery plans), so that two runs —
 * from any runs directory on the host, or anywhere sharing the store — never change the same
 * resource. Taken for all resources at once or not at all. A hold whose process died stays
 * recorded until its run is rolled back (its faults may still be in force).
 */
public interface TargetLease {

  /** Who holds a resource: the run, where its journal is, and its process. */
  record Holder(String runId, String runDir, long pid, String host, Instant since) {
    public String describe() {
      return "run " + runId + " (" + runDir + ", pid " + pid + " on " + host + ")";
    }
  }

  /** A resource is held by another run; {@code live} says whether that run's process runs. */
  final class Refused extends Exception {
    private final String resource;
    private final Holder holder;
    private final boolean live;

    public Refused(String resource, Holder holder, boolean live) {
      super(resource + " is held by " + holder.describe() + (live ? ", which is running"
          : ", which is not running but did not finish reverting: run 'gameday rollback "
              + holder.runDir() + "' first"));
      this.resource = resource;
      this.holder = holder;
      this.live = live;
    }

    public String resource() {
      return resource;
    }

    public Holder holder() {
      return holder;
    }

    public boolean live() {
      return live;
    }
  }

  /** One recorded hold: {@code live} while its holder still renews it (its process runs). */
  record Hold(String resource, Holder holder, boolean live) {}

  /** The resources one run holds. */
  interface Held extends AutoCloseable {
    /**
     * Holds this acquisition took over from runs that never released them (a crashed runner
     * whose lease expired): their faults may still be in force until they are rolled back.
     */
    default List<Hold> tookOver() {
      return List.of();
    }

    /** Every change is undone: the resources are free for the next run. */
    void release();

    /**
     * Lets go of the process's locks. Unless {@link #release} was called, the resources stay
     * recorded as held by this run (a revert did not complete), and other runs are refused.
     */
    @Override
    void close();
  }

  /**
   * Takes every resource for {@code holder}, or none. A resource recorded as held by
   * {@code holder.runId()} itself (a rollback of that run) is taken over.
   *
   * @param takeOverDead also take resources recorded for a run whose process is gone (the
   *     operator's {@code --force}); a running holder is never overridden
   */
  Held acquire(Set<String> resources, Holder holder, boolean takeOverDead) throws Refused;

  /**
   * Every hold recorded by a run that has not released it (a run that is going, or one that died
   * before its every change was undone). Leases that cannot tell say nothing.
   */
  default List<Hold> holds() {
    return List.of();
  }

  /**
   * Frees every resource recorded as held by {@code runId}: its rollback confirmed every change
   * undone (possibly from another process or host than the run's).
   */
  default void releaseAll(String runId) {}

  /** No locking at all (tests of the engine alone). */
  TargetLease NONE = (resources, holder, force) -> new Held() {
    @Override
    public void release() {}

    @Override
    public void close() {}
  };
}
