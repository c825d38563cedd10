package dev.gameday.sandbox;

import dev.gameday.sandbox.internal.Simulation;
import dev.gameday.sandbox.internal.arm.Faults;
import dev.gameday.sandbox.internal.world.Grant;
import dev.gameday.sandbox.internal.world.JobHalt;
import dev.gameday.sandbox.internal.world.SiteRecovery;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import dev.gameday.sandbox.internal.arm.Entra;

/**
 * Test knobs of a running sandbox, the Java side of {@code /_sandbox/*}: make the next N ARM
 * calls that match {@code "<METHOD> <path regex>"} answer 429 with Retry-After, 500, hang, or drop
 * the connection; dump or reset the world.
 */
public final class SandboxKnobs {

  private final Faults faults;
  private final Supplier<Simulation> simulation;
  private final Runnable reset;

  private final Entra entra;

  SandboxKnobs(Faults faults, Entra entra, Supplier<Simulation> simulation, Runnable reset) {
    this.faults = faults;
    this.entra = entra;
    this.simulation = simulation;
    this.reset = reset;
  }

  /**
   * The Entra ID stand-in: access tokens issued from now on live {@code lifetime} (ARM refuses
   * them afterwards); its counters say how many tokens and federated assertions it saw.
   */
  public Entra entra() {
    return entra;
  }

  /** Adds a fault; faults are tried in the order they were added. */
  public SandboxKnobs inject(SandboxFault fault) {
    faults.add(fault);
    return this;
  }

  /** The next {@code count} matching calls get 429 TooManyRequests with {@code Retry-After: retryAfterSeconds}. */
  public SandboxKnobs throttleNext(int count, String match, int retryAfterSeconds) {
    return inject(SandboxFault.throttle(match, count, retryAfterSeconds));
  }

  /** The next {@code count} matching calls get 500 InternalServerError. */
  public SandboxKnobs failNext(int count, String match) {
    return inject(SandboxFault.error(match, count));
  }

  /** The next {@code count} matching calls get no answer for {@code hang}, then the connection drops. */
  public SandboxKnobs hangNext(int count, String match, Duration hang) {
    return inject(SandboxFault.hang(match, count, (int) Math.max(0, hang.toSeconds())));
  }

  /** The next {@code count} matching calls have their connection closed without an answer. */
  public SandboxKnobs resetNext(int count, String match) {
    return inject(SandboxFault.reset(match, count));
  }

  /**
   * The next Site Recovery job of {@code operation} (Azure's allowed-operation name:
   * {@code TestFailover}, {@code TestFailoverCleanup}, {@code PlannedFailover},
   * {@code UnplannedFailover}, {@code Commit}, {@code CancelFailover}) stops at the start of its
   * task {@code task} as {@code Suspended} (last task only; released by the next action, e.g.
   * a test failover's cleanup), {@code Failed} or {@code Cancelled}.
   *
   * @throws IllegalArgumentException for an unknown operation, task or state
   */
  public SandboxKnobs haltNextJob(String operation, String task, String state) {
    Simulation sim = simulation.get();
    synchronized (sim.world()) {
      sim.siteRecovery().haltNext(new SiteRecovery.PlannedHalt(operation, task, JobHalt.State.parse(state)));
    }
    return this;
  }

  /**
   * The caller now holds exactly {@code actions} on every resource group (as a role's
   * {@code Actions}; wildcards allowed), until the world is reset.
   */
  public SandboxKnobs grantOnly(List<String> actions) {
    Simulation sim = simulation.get();
    synchronized (sim.world()) {
      sim.world().grant(new Grant(actions));
    }
    return this;
  }

  /** The caller loses one action of what it holds (e.g. of the shipped role), until a reset. */
  public SandboxKnobs revoke(String action) {
    Simulation sim = simulation.get();
    synchronized (sim.world()) {
      sim.world().grant(sim.world().grant().without(action));
    }
    return this;
  }

  /** Resource Graph answers without {@code $top} hold {@code rows} rows a page, until a reset. */
  public SandboxKnobs resourceGraphPageSize(int rows) {
    Simulation sim = simulation.get();
    synchronized (sim.world()) {
      sim.world().resourceGraphPageSize(rows);
    }
    return this;
  }

  /** Faults still pending (with their original counts). */
  public List<SandboxFault> pendingFaults() {
    return faults.pending().stream().map(Faults.Pending::fault).toList();
  }

  public SandboxKnobs clearFaults() {
    faults.clear();
    return this;
  }

  /** The world as JSON (same as {@code GET /_sandbox/state}). */
  public String state() {
    return simulation.get().state().toPrettyString();
  }

  /** Puts the world back to its initial state, starting now, and clears the faults. */
  public void resetWorld() {
    reset.run();
  }
}
