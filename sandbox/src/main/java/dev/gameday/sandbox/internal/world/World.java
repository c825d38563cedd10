package dev.gameday.sandbox.internal.world;

import dev.gameday.sandbox.internal.time.SimClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated Azure resources. Not thread-safe: callers hold the world's monitor
 * ({@code synchronized (world)}) around every read and change.
 */
public final class World {

  /** A resource group. */
  public record ResourceGroup(String name, String location, Map<String, String> tags) {
  }

  private final WorldConfig config;
  private final SimClock clock;
  private final Delays delays;
  private final Ids ids;
  private final Operations operations;
  private final Instant origin;
  private final Map<String, ResourceGroup> resourceGroups = new LinkedHashMap<>();
  private final Map<String, VirtualNetwork> vnets = new LinkedHashMap<>();
  private final Map<String, NetworkSecurityGroup> nsgs = new LinkedHashMap<>();
  private final Map<String, VirtualMachine> vms = new LinkedHashMap<>();
  private final Map<String, Vault> vaults = new LinkedHashMap<>();
  private Grant grant;
  private int resourceGraphPageSize = 100;

  World(WorldConfig config, SimClock clock, Delays delays, Ids ids) {
    this.config = config;
    this.clock = clock;
    this.delays = delays;
    this.ids = ids;
    this.operations = new Operations(ids);
    this.origin = clock.now();
    this.grant = (config.identity().actions() == null ? Grant.shippedRole()
        : new Grant(config.identity().actions())).plus(config.identity().addActions());
  }

  /** The RBAC actions the caller holds on every resource group. */
  public Grant grant() {
    return grant;
  }

  /** Rows in a Resource Graph answer without {@code $top}. */
  public int resourceGraphPageSize() {
    return resourceGraphPageSize;
  }

  /** A knob: Resource Graph answers pages of {@code rows} rows (until the world is reset). */
  public void resourceGraphPageSize(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("page size must be >= 1");
    }
    this.resourceGraphPageSize = rows;
  }

  /** Replaces the caller's actions (a knob; a reset of the world restores the world's grant). */
  public void grant(Grant grant) {
    this.grant = grant;
  }

  /** Builds the world described by {@code config}, starting now. */
  public static World create(WorldConfig config, SimClock clock, Delays delays, long seed) {
    return WorldBuilder.build(new World(config, clock, delays, new Ids(seed)));
  }

  public WorldConfig config() {
    return config;
  }

  public String subscriptionId() {
    return config.subscriptionId();
  }

  public String tenantId() {
    return config.tenantId();
  }

  public Instant now() {
    return clock.now();
  }

  public Instant origin() {
    return origin;
  }

  public Delays delays() {
    return delays;
  }

  public Ids ids() {
    return ids;
  }

  public Operations operations() {
    return operations;
  }

  public ResourceName name(String resourceGroup, String type, String name) {
    return new ResourceName(subscriptionId(), resourceGroup, type, name);
  }

  void add(ResourceGroup rg) {
    resourceGroups.put(rg.name().toLowerCase(Locale.ROOT), rg);
  }

  void add(VirtualNetwork vnet) {
    vnets.put(vnet.id().key(), vnet);
  }

  void add(NetworkSecurityGroup nsg) {
    nsgs.put(nsg.id().key(), nsg);
  }

  void add(VirtualMachine vm) {
    vms.put(vm.id().key(), vm);
  }

  void add(Vault vault) {
    vaults.put(vault.id().key(), vault);
  }

  public Optional<ResourceGroup> resourceGroup(String name) {
    return Optional.ofNullable(resourceGroups.get(name.toLowerCase(Locale.ROOT)));
  }

  public List<ResourceGroup> resourceGroups() {
    return List.copyOf(resourceGroups.values());
  }

  public Optional<VirtualMachine> vm(String rg, String name) {
    return Optional.ofNullable(vms.get(ResourceName.key(rg, name)));
  }

  public List<VirtualMachine> vms() {
    return List.copyOf(vms.values());
  }

  public Optional<VirtualNetwork> vnet(String rg, String name) {
    return Optional.ofNullable(vnets.get(ResourceName.key(rg, name)));
  }

  public List<VirtualNetwork> vnets() {
    return List.copyOf(vnets.values());
  }

  public Optional<NetworkSecurityGroup> nsg(String rg, String name) {
    return Optional.ofNullable(nsgs.get(ResourceName.key(rg, name)));
  }

  public List<NetworkSecurityGroup> nsgs() {
    return List.copyOf(nsgs.values());
  }

  public Optional<Vault> vault(String rg, String name) {
    return Optional.ofNullable(vaults.get(ResourceName.key(rg, name)));
  }

  public List<Vault> vaults() {
    return List.copyOf(vaults.values());
  }

  /** Finds a vnet by its ARM id (case-insensitive). */
  public Optional<VirtualNetwork> vnetById(String id) {
    return vnets.values().stream().filter(v -> v.id().id().equalsIgnoreCase(trimSlash(id))).findFirst();
  }

  /** VMs whose NIC is in the given subnet. */
  public List<VirtualMachine> vmsIn(VirtualNetwork vnet, VirtualNetwork.Subnet subnet) {
    List<VirtualMachine> in = new ArrayList<>();
    for (VirtualMachine vm : vms.values()) {
      if (vm.vnet().key().equals(vnet.id().key()) && vm.subnetName().equalsIgnoreCase(subnet.name())) {
        in.add(vm);
      }
    }
    return in;
  }

  /** Whether a new TCP connection from {@code sourceIp} to {@code destination:port} passes every NSG on its way. */
  public NsgEvaluator.Verdict connect(int sourceIp, int destinationIp, int port, Instant at) {
    SecurityRule.Flow flow = new SecurityRule.Flow("Tcp", sourceIp, 49152, destinationIp, port);
    Optional<VirtualNetwork> sourceNet = vnetOf(sourceIp);
    Optional<VirtualNetwork> destinationNet = vnetOf(destinationIp);
    List<Cidr> space = new ArrayList<>();
    sourceNet.ifPresent(v -> space.addAll(v.addressSpace()));
    destinationNet.ifPresent(v -> space.addAll(v.addressSpace()));
    Cidr.Space vnetSpace = new Cidr.Space(space);
    Optional<NetworkSecurityGroup> out = sourceNet.flatMap(v -> nsgOf(v, sourceIp));
    if (out.isPresent()) {
      NsgEvaluator.Verdict v = NsgEvaluator.evaluate(out.get().id().name(), out.get().rulesInForce(at), "Outbound",
          flow, vnetSpace);
      if (!v.allowed()) {
        return v;
      }
    }
    Optional<NetworkSecurityGroup> in = destinationNet.flatMap(v -> nsgOf(v, destinationIp));
    if (in.isPresent()) {
      return NsgEvaluator.evaluate(in.get().id().name(), in.get().rulesInForce(at), "Inbound", flow, vnetSpace);
    }
    return new NsgEvaluator.Verdict(true, null, null);
  }

  /** The NSG guarding the subnet {@code ip} is in, if any. */
  public Optional<NetworkSecurityGroup> nsgFor(int ip) {
    return vnetOf(ip).flatMap(v -> nsgOf(v, ip));
  }

  private Optional<VirtualNetwork> vnetOf(int ip) {
    return vnets.values().stream().filter(v -> v.subnetOf(ip).isPresent()).findFirst();
  }

  private Optional<NetworkSecurityGroup> nsgOf(VirtualNetwork vnet, int ip) {
    return vnet.subnetOf(ip).map(VirtualNetwork.Subnet::nsg).map(n -> nsgs.get(n.key()));
  }

  private static String trimSlash(String id) {
    return id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
  }
}
