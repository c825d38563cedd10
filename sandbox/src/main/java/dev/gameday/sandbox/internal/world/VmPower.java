package dev.gameday.sandbox.internal.world;

import dev.gameday.sandbox.internal.arm.ArmException;
import java.time.Duration;
import java.time.Instant;

/** The VM power actions: each plans a transition on the VM's timeline and returns its operation. */
public final class VmPower {

  private final World world;

  public VmPower(World world) {
    this.world = world;
  }

  public Operations.Operation powerOff(VirtualMachine vm, boolean skipShutdown) {
    Instant now = world.now();
    PowerState state = vm.power().at(now);
    if (state == PowerState.STOPPED || state == PowerState.DEALLOCATED || state == PowerState.DEALLOCATING) {
      return finish(vm, "PowerOff", now, now);
    }
    if (state == PowerState.STOPPING) {
      return finish(vm, "PowerOff", now, nextChange(vm, now));
    }
    Duration d = world.delays().powerOff(skipShutdown);
    vm.power().schedule(now, PowerState.STOPPING, now.plus(d), PowerState.STOPPED);
    return finish(vm, "PowerOff", now, now.plus(d));
  }

  public Operations.Operation deallocate(VirtualMachine vm, boolean hibernate) {
    if (hibernate) {
      throw ArmException.conflict("OperationNotAllowed", "Hibernation is not enabled on the virtual machine '"
          + vm.name() + "'. Enable hibernation (additionalCapabilities.hibernationEnabled) to hibernate it.");
    }
    Instant now = world.now();
    PowerState state = vm.power().at(now);
    if (state == PowerState.DEALLOCATED) {
      return finish(vm, "Deallocate", now, now);
    }
    if (state == PowerState.DEALLOCATING) {
      return finish(vm, "Deallocate", now, nextChange(vm, now));
    }
    Duration d = world.delays().deallocate();
    vm.power().schedule(now, PowerState.DEALLOCATING, now.plus(d), PowerState.DEALLOCATED);
    return finish(vm, "Deallocate", now, now.plus(d));
  }

  public Operations.Operation start(VirtualMachine vm) {
    Instant now = world.now();
    PowerState state = vm.power().at(now);
    if (state == PowerState.RUNNING) {
      return finish(vm, "Start", now, now);
    }
    if (state == PowerState.STARTING) {
      return finish(vm, "Start", now, nextChange(vm, now));
    }
    Duration d = world.delays().start();
    vm.power().schedule(now, PowerState.STARTING, now.plus(d), PowerState.RUNNING);
    return finish(vm, "Start", now, now.plus(d));
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
