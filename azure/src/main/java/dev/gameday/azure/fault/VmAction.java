package dev.gameday.azure.fault;

import java.util.Set;

/**
 * The VM faults: the ARM action each posts, its query, and the power states that show it is in
 * force. Revert of all three is {@code start} when the VM is not running.
 */
public enum VmAction {
  POWER_OFF("vm.powerOff", "powerOff", "skipShutdown", Set.of("stopped", "deallocated"),
      Set.of("stopping", "stopped", "deallocating", "deallocated")),
  DEALLOCATE("vm.deallocate", "deallocate", "hibernate", Set.of("deallocated"),
      Set.of("deallocating", "deallocated")),
  RESTART("vm.restart", "restart", null, Set.of(), Set.of());

  private final String kind;
  private final String action;
  private final String flag;
  private final Set<String> effective;
  private final Set<String> underway;

  VmAction(String kind, String action, String flag, Set<String> effective, Set<String> underway) {
    this.kind = kind;
    this.action = action;
    this.flag = flag;
    this.effective = effective;
    this.underway = underway;
  }

  public String kind() {
    return kind;
  }

  /** The path segment posted: {@code powerOff}, {@code deallocate}, {@code restart}. */
  public String action() {
    return action;
  }

  /** The boolean query flag ({@code skipShutdown}, {@code hibernate}), if the action has one. */
  public String flag() {
    return flag;
  }

  /**
   * Whether a VM in {@code powerState} shows the fault in force. A restart is in force as soon
   * as the VM has left {@code running}.
   */
  public boolean effectiveIn(String powerState) {
    return this == RESTART ? !powerState.equals("running") : effective.contains(powerState);
  }

  /** Whether the VM is already on its way to (or in) the fault state, so no request is needed. */
  public boolean underwayIn(String powerState) {
    return underway.contains(powerState);
  }
}
