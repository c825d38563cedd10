package dev.gameday.runner.engine;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.port.Fault;
import dev.gameday.core.port.FaultException;
import dev.gameday.core.port.RunClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fault that records calls and fails where a test tells it to, like a real one would. */
final class FakeFault implements Fault {
  final String step;
  final RunClock clock;
  final List<String> calls;
  boolean failInject;
  int revertFailures;
  Runnable duringInject = () -> {};
  /** Set: the fault records its changes, and rollback primes it with these. */
  boolean records;
  List<TimelineEvent.ChangeRecorded> primed;

  FakeFault(String step, RunClock clock, List<String> calls) {
    this.step = step;
    this.clock = clock;
    this.calls = calls;
  }

  @Override
  public String step() {
    return step;
  }

  @Override
  public List<String> resources() {
    return List.of("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/" + step);
  }

  @Override
  public List<String> plannedCalls() {
    return List.of("POST .../" + step + "/powerOff");
  }

  @Override
  public void inject(EventListener events) throws FaultException {
    calls.add("inject " + step);
    events.on(new TimelineEvent.FaultRequested(clock.stamp(), step, "vm.powerOff", resources(), "fake"));
    duringInject.run();
    if (failInject) {
      throw new FaultException(step, resources().get(0), "409 Conflict: the VM is being updated");
    }
  }

  @Override
  public void awaitEffective(EventListener events, Instant deadline) {
    calls.add("effective " + step);
    events.on(new TimelineEvent.FaultEffective(clock.stamp(), step, resources().get(0), "PowerState/stopped"));
  }

  @Override
  public void revert(EventListener events, Instant deadline) throws FaultException {
    calls.add("revert " + step);
    events.on(new TimelineEvent.RevertRequested(clock.stamp(), step, resources()));
    if (revertFailures > 0) {
      revertFailures--;
      throw new FaultException(step, resources().get(0), "500 Internal Server Error",
          manualRevertCommand(), null);
    }
  }

  @Override
  public boolean recordsChanges() {
    return records;
  }

  @Override
  public void restoreFrom(List<TimelineEvent.ChangeRecorded> changes) {
    primed = List.copyOf(changes);
    calls.add("restoreFrom " + step + " " + changes.stream()
        .map(TimelineEvent.ChangeRecorded::resource).toList());
  }

  @Override
  public void awaitRestored(EventListener events, Instant deadline) {
    calls.add("restored " + step);
    if (primed != null) {
      primed.forEach(c -> events.on(new TimelineEvent.ChangeRestored(clock.stamp(), step,
          c.resource(), c.change(), "PowerState/running")));
    }
    events.on(new TimelineEvent.PlatformRestored(clock.stamp(), step, resources().get(0), "PowerState/running"));
  }

  @Override
  public String manualRevertCommand() {
    return "az vm start --ids " + resources().get(0);
  }
}
