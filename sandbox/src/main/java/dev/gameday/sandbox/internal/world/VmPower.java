package dev.gameday.sandbox.internal.world;

import dev.gameday.sandbox.internal.arm.ArmException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** The VM power actions: each plans a transition on the VM's timeline and returns its operation. */
public final class VmPower {

  private final World world;

  public VmPower(World world) {
    this.world = world;
  }

  public Operations.Operation powerOff(VirtualMachine vm, boolean skipShutdown) {
    return transition(vm, "PowerOff", EnumSet.of(PowerState.STOPPED, PowerState.DEALLOCATED,
        PowerState.DEALLOCATING), PowerState.STOPPING, world.delays().powerOff(skipShutdown),
        PowerState.STOPPED);
  }

  public Operations.Operation deallocate(VirtualMachine vm, boolean hibernate) {
    if (hibernate) {
      throw ArmException.conflict("OperationNotAllowed", "Hibernation is not enabled on the virtual machine '"
          + vm.name() + "'. Enable hibernation (additionalCapabilities.hibernationEnabled) to hibernate it.");
    }
    return transition(vm, "Deallocate", EnumSet.of(PowerState.DEALLOCATED),
        PowerState.DEALLOCATING, world.delays().deallocate(), PowerState.DEALLOCATED);
  }

  public Operations.Operation start(VirtualMachine vm) {
    return transition(vm, "Start", EnumSet.of(PowerState.RUNNING), PowerState.STARTING,
        world.delays().start(), PowerState.RUNNING);
  }

  /**
   * Moves the VM through {@code moving} to {@code target} over {@code duration}. Already there
   * ({@code done}): the operation ends at once; already on the way: it ends with that change.
   */
  private Operations.Operation transition(VirtualMachine vm, String name, Set<PowerState> done,
      PowerState moving, Duration duration, PowerState target) {
    Instant now = world.now();
    PowerState state = vm.power().at(now);
    if (done.contains(state)) {
      return finish(vm, name, now, now);
    }
    if (state == moving) {
      return finish(vm, name, now, nextChange(vm, now));
    }
    vm.power().schedule(now, moving, now.plus(duration), target);
    return finish(vm, name, now, now.plus(duration));
  }

  public Operations.Operation restart(VirtualMachine vm) {
    Instant now = world.now();
    PowerState state = vm.power().at(now);
    if (state == PowerState.DEALLOCATED || state == PowerState.DEALLOCATING) {
      throw ArmException.conflict("OperationNotAllowed", "Operation 'restart' is not allowed on VM '" + vm.name()
          + "' since the VM is deallocated or marked to be deallocated.");
    }
    Duration d = world.delays().restart();
    vm.power().schedule(now, PowerState.STARTING, now.plus(d), PowerState.RUNNING);
    return finish(vm, "Restart", now, now.plus(d));
  }

  private static Instant nextChange(VirtualMachine vm, Instant now) {
    return vm.power().segments().stream().map(PowerStateMachine.Segment::from).filter(f -> f.isAfter(now))
        .findFirst().orElse(now);
  }

  private Operations.Operation finish(VirtualMachine vm, String name, Instant now, Instant end) {
    if (vm.pendingOperationId() != null) {
      world.operations().preempt(vm.pendingOperationId(), now, name);
    }
    Operations.Operation op = world.operations().start(name, vm.location(), now, end);
    vm.pendingOperationId(op.id());
    return op;
  }
}
