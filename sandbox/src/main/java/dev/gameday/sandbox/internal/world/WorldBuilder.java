package dev.gameday.sandbox.internal.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link WorldConfig} into live resources; rejects dangling references. */
final class WorldBuilder {

  static final String VM_TYPE = "Microsoft.Compute/virtualMachines";
  static final String VNET_TYPE = "Microsoft.Network/virtualNetworks";
  static final String NSG_TYPE = "Microsoft.Network/networkSecurityGroups";
  static final String VAULT_TYPE = "Microsoft.RecoveryServices/vaults";

  private WorldBuilder() {
  }

  static World build(World world) {
    WorldConfig config = world.config();
    Instant origin = world.origin();
    Instant created = origin.minusSeconds(86_400 * 30);
    for (WorldConfig.ResourceGroup rg : config.resourceGroups()) {
      world.add(new World.ResourceGroup(rg.name(), rg.location(), rg.tags()));
      for (WorldConfig.NetworkSecurityGroup n : rg.networkSecurityGroups()) {
        ResourceName id = world.name(rg.name(), NSG_TYPE, n.name());
        NetworkSecurityGroup nsg = new NetworkSecurityGroup(id, rg.location(), n.tags(), n.flushConnection(),
            world.ids().stableUuid(id.id()));
        for (WorldConfig.Rule r : n.securityRules()) {
          nsg.change(r.name(), SecurityRule.validate(r.name(), r), Instant.EPOCH, Instant.EPOCH);
        }
        world.add(nsg);
      }
      for (WorldConfig.VirtualNetwork v : rg.virtualNetworks()) {
        ResourceName id = world.name(rg.name(), VNET_TYPE, v.name());
        List<VirtualNetwork.Subnet> subnets = new ArrayList<>();
        for (WorldConfig.Subnet s : v.subnets()) {
          ResourceName nsg = null;
          if (s.networkSecurityGroup() != null) {
            NetworkSecurityGroup found = world.nsg(rg.name(), s.networkSecurityGroup()).orElseThrow(() ->
                new IllegalArgumentException("world: subnet " + v.name() + "/" + s.name() + " names unknown NSG "
                    + s.networkSecurityGroup() + " in " + rg.name()));
            nsg = found.id();
            found.subnetIds().add(id.id() + "/subnets/" + s.name());
          }
          subnets.add(new VirtualNetwork.Subnet(s.name(), Cidr.parse(s.addressPrefix()), nsg));
        }
        world.add(new VirtualNetwork(id, rg.location(), v.addressPrefixes().stream().map(Cidr::parse).toList(),
            subnets));
      }
      for (WorldConfig.VirtualMachine v : rg.virtualMachines()) {
        String[] parts = v.subnet().split("/");
        if (parts.length != 2) {
          throw new IllegalArgumentException("world: VM " + v.name() + " subnet must be 'vnet/subnet': " + v.subnet());
        }
        VirtualNetwork vnet = world.vnet(rg.name(), parts[0]).orElseThrow(() ->
            new IllegalArgumentException("world: VM " + v.name() + " names unknown vnet " + parts[0]));
        vnet.subnet(parts[1]).orElseThrow(() ->
            new IllegalArgumentException("world: VM " + v.name() + " names unknown subnet " + v.subnet()));
        ResourceName id = world.name(rg.name(), VM_TYPE, v.name());
        world.add(new VirtualMachine(id, rg.location(), v.size(), v.zone(), world.ids().stableUuid(id.id()),
            vnet.id(), parts[1], Ipv4.parse(v.privateIpAddress()), v.tags(), created,
            new PowerStateMachine(PowerState.parse(v.powerState()))));
      }
    }
    for (WorldConfig.ResourceGroup rg : config.resourceGroups()) {
      for (WorldConfig.Vault v : rg.recoveryServicesVaults()) {
        Vault vault = new Vault(world.name(rg.name(), VAULT_TYPE, v.name()), rg.location());
        for (WorldConfig.RecoveryPlan p : v.recoveryPlans()) {
          List<RecoveryPlan.Pair> pairs = new ArrayList<>();
          String planId = vault.id().id() + "/replicationRecoveryPlans/" + p.name();
          for (WorldConfig.ProtectedItem item : p.protectedItems()) {
            VirtualMachine source = vmRef(world, item.source());
            pairs.add(new RecoveryPlan.Pair(source, vmRef(world, item.target()),
                world.ids().stableUuid(planId + "/" + source.id().id())));
          }
          String primary = p.primaryLocation() != null ? p.primaryLocation() : pairs.isEmpty() ? rg.location()
              : pairs.get(0).source().location();
          String recovery = p.recoveryLocation() != null ? p.recoveryLocation() : pairs.isEmpty() ? rg.location()
              : pairs.get(0).target().location();
          vault.add(new RecoveryPlan(vault.id(), p.name(), primary, recovery, pairs));
        }
        world.add(vault);
      }
    }
    return world;
  }

  /** Resolves {@code resourceGroup/vm}. */
  static VirtualMachine vmRef(World world, String ref) {
    String[] parts = ref.split("/");
    if (parts.length != 2) {
      throw new IllegalArgumentException("world: VM reference must be 'resourceGroup/vm': " + ref);
    }
    return world.vm(parts[0], parts[1]).orElseThrow(() -> new IllegalArgumentException("world: unknown VM " + ref));
  }
}
