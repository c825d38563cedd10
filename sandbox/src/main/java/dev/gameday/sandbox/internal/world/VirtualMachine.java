package dev.gameday.sandbox.internal.world;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An emulated VM: identity, network placement and its power-state timeline. */
public final class VirtualMachine {

  private final ResourceName id;
  private final String location;
  private final String size;
  private final String zone;
  private final String vmId;
  private final ResourceName subnetVnet;
  private final String subnetName;
  private final int privateIp;
  private final Map<String, String> tags;
  private final Instant timeCreated;
  private final PowerStateMachine power;
  private String pendingOperationId;

  public VirtualMachine(ResourceName id, String location, String size, String zone, String vmId,
      ResourceName subnetVnet, String subnetName, int privateIp, Map<String, String> tags, Instant timeCreated,
      PowerStateMachine power) {
    this.id = id;
    this.location = location;
    this.size = size;
    this.zone = zone;
    this.vmId = vmId;
    this.subnetVnet = subnetVnet;
    this.subnetName = subnetName;
    this.privateIp = privateIp;
    this.tags = new LinkedHashMap<>(tags);
    this.timeCreated = timeCreated;
    this.power = power;
  }

  public ResourceName id() {
    return id;
  }

  public String name() {
    return id.name();
  }

  public String location() {
    return location;
  }

  public String size() {
    return size;
  }

  public String zone() {
    return zone;
  }

  public String vmId() {
    return vmId;
  }

  /** The virtual network the VM's NIC is in. */
  public ResourceName vnet() {
    return subnetVnet;
  }

  public String subnetName() {
    return subnetName;
  }

  public String subnetId() {
    return subnetVnet.id() + "/subnets/" + subnetName;
  }

  public int privateIp() {
    return privateIp;
  }

  public Map<String, String> tags() {
    return tags;
  }

  public Instant timeCreated() {
    return timeCreated;
  }

  public PowerStateMachine power() {
    return power;
  }

  public String pendingOperationId() {
    return pendingOperationId;
  }

  public void pendingOperationId(String operationId) {
    this.pendingOperationId = operationId;
  }

  public ResourceName nic() {
    return new ResourceName(id.subscription(), id.resourceGroup(), "Microsoft.Network/networkInterfaces",
        id.name() + "-nic");
  }

  /** Running for at least {@code after} at {@code t}. */
  public boolean runningFor(Instant t, Duration after) {
    Instant since = power.runningSince(t);
    return since != null && !t.isBefore(since.plus(after));
  }
}
