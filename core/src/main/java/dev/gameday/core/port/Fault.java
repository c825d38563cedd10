package dev.gameday.core.port;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import java.time.Instant;
import java.util.List;

/**
 * One fault step bound to its resolved resources. The run engine calls, in order:
 * {@link #inject}, {@link #awaitEffective}, (hold), {@link #revert}, {@link #awaitRestored}. Every
 * method reports what the platform did as events to the listener it is given, and throws
 * {@link FaultException} when it cannot do its part. {@link #revert} must be idempotent and safe
 * to call whether or not {@link #inject} ran or succeeded: after a crash, rollback builds the same
 * fault from the journal, hands it the changes the journal recorded ({@link #restoreFrom}) and
 * calls revert and {@link #awaitRestored} alone.
 */
public interface Fault {

  /** The step name. */
  String step();

  /** The resource IDs this fault acts on. */
  List<String> resources();

  /**
   * Every resource this step may change, for the run's lock: the VMs, the NSG (not only the
   * rule: restoring a flush rewrites the whole NSG), the recovery plan. May ask the platform
   * (an NSG found through its subnet).
   */
  default List<String> touches() {
    return resources();
  }

  /** Dry run: the ARM calls this fault would make, one line each, for {@code gameday plan}. */
  List<String> plannedCalls();

  /** Sends the fault request(s) and returns once Azure accepted them. */
  void inject(EventListener events) throws FaultException;

  /** Blocks until the platform confirms the fault, or throws once {@code deadline} passes. */
  void awaitEffective(EventListener events, Instant deadline) throws FaultException;

  /**
   * Undoes the fault, retrying until {@code deadline}. Finding nothing to undo is success. On
   * failure the exception's {@link FaultException#manualCommand()} says how to finish by hand.
   */
  void revert(EventListener events, Instant deadline) throws FaultException;

  /** Blocks until the platform reports the resources restored, or throws at {@code deadline}. */
  void awaitRestored(EventListener events, Instant deadline) throws FaultException;

  /** The command that reverts this fault by hand ({@code az ...}), for when all else failed. */
  String manualRevertCommand();

  /**
   * Whether this fault journals each change as a {@code change.recorded} event before making
   * it, and confirms each restore with {@code change.restored}. Such a fault reverts exactly what
   * it recorded: nothing recorded, nothing to revert.
   */
  default boolean recordsChanges() {
    return false;
  }

  /**
   * For rollback after a crash: the changes the journal shows this fault made whose restore was
   * not confirmed. {@link #revert} then restores exactly these, from the record alone (never from
   * what it finds in the cloud). Ignored by faults that do not {@link #recordsChanges()}.
   */
  default void restoreFrom(List<TimelineEvent.ChangeRecorded> changes) {}
}
