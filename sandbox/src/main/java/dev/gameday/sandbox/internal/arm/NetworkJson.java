package dev.gameday.sandbox.internal.arm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.sandbox.internal.world.Ipv4;
import dev.gameday.sandbox.internal.world.NetworkSecurityGroup;
import dev.gameday.sandbox.internal.world.SecurityRule;
import dev.gameday.sandbox.internal.world.VirtualMachine;
import dev.gameday.sandbox.internal.world.VirtualNetwork;
import dev.gameday.sandbox.internal.world.World;
import java.time.Instant;

/** Renders NSGs, rules, vnets, subnets and NICs as {@code Microsoft.Network} JSON. */
final class NetworkJson {

  private NetworkJson() {
  }

  static ObjectNode nsg(NetworkSecurityGroup nsg, Instant now) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", nsg.id().name());
    node.put("id", nsg.id().id());
    node.put("etag", nsg.etag());
    node.put("type", "Microsoft.Network/networkSecurityGroups");
    node.put("location", nsg.location());
    VmJson.tags(node, nsg.tags());
    ObjectNode p = node.putObject("properties");
    p.put("provisioningState", nsg.provisioningState(now));
    p.put("resourceGuid", nsg.resourceGuid());
    p.put("flushConnection", nsg.flushConnection());
    ArrayNode rules = p.putArray("securityRules");
    nsg.rules(now).forEach(r -> rules.add(rule(nsg, r.rule(), r.provisioningState(), false)));
    ArrayNode defaults = p.putArray("defaultSecurityRules");
    SecurityRule.defaults().forEach(r -> defaults.add(rule(nsg, r, "Succeeded", true)));
    ArrayNode subnets = p.putArray("subnets");
    nsg.subnetIds().forEach(id -> subnets.addObject().put("id", id));
    p.putArray("networkInterfaces");
    return node;
  }

  static ObjectNode rule(NetworkSecurityGroup nsg, SecurityRule rule, String provisioningState, boolean isDefault) {
    String kind = isDefault ? "defaultSecurityRules" : "securityRules";
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", rule.name());
    node.put("id", nsg.id().id() + "/" + kind + "/" + rule.name());
    node.put("etag", nsg.etag());
    node.put("type", "Microsoft.Network/networkSecurityGroups/" + kind);
    ObjectNode p = node.putObject("properties");
    p.put("provisioningState", provisioningState);
    if (rule.description() != null) {
      p.put("description", rule.description());
    }
    p.put("protocol", rule.protocol());
    field(p, "sourcePortRange", "sourcePortRanges", rule.sourcePorts());
    field(p, "destinationPortRange", "destinationPortRanges", rule.destinationPorts());
    field(p, "sourceAddressPrefix", "sourceAddressPrefixes", rule.sources());
    field(p, "destinationAddressPrefix", "destinationAddressPrefixes", rule.destinations());
    p.put("access", rule.access());
    p.put("priority", rule.priority());
    p.put("direction", rule.direction());
    return node;
  }

  private static void field(ObjectNode p, String singular, String plural, SecurityRule.Field field) {
    ArrayNode many = p.putArray(plural);
    if (field.singular()) {
      p.put(singular, field.values().get(0));
    } else {
      field.values().forEach(many::add);
    }
  }

  static ObjectNode vnet(VirtualNetwork vnet, World world) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", vnet.id().name());
    node.put("id", vnet.id().id());
    node.put("type", "Microsoft.Network/virtualNetworks");
    node.put("location", vnet.location());
    node.putObject("tags");
    ObjectNode p = node.putObject("properties");
    p.put("provisioningState", "Succeeded");
    p.put("resourceGuid", world.ids().stableUuid(vnet.id().id()));
    ArrayNode prefixes = p.putObject("addressSpace").putArray("addressPrefixes");
    vnet.addressSpace().forEach(c -> prefixes.add(c.toString()));
    ArrayNode subnets = p.putArray("subnets");
    vnet.subnets().forEach(s -> subnets.add(subnet(vnet, s, world)));
    p.putArray("virtualNetworkPeerings");
    p.put("enableDdosProtection", false);
    return node;
  }

  static ObjectNode subnet(VirtualNetwork vnet, VirtualNetwork.Subnet subnet, World world) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", subnet.name());
    node.put("id", vnet.subnetId(subnet));
    node.put("type", "Microsoft.Network/virtualNetworks/subnets");
    ObjectNode p = node.putObject("properties");
    p.put("provisioningState", "Succeeded");
    p.put("addressPrefix", subnet.prefix().toString());
    if (subnet.nsg() != null) {
      p.putObject("networkSecurityGroup").put("id", subnet.nsg().id());
    }
    ArrayNode ipConfigurations = p.putArray("ipConfigurations");
    world.vmsIn(vnet, subnet).forEach(vm -> ipConfigurations.addObject().put("id", vm.nic().id()
        + "/ipConfigurations/ipconfig1"));
    p.put("privateEndpointNetworkPolicies", "Disabled");
    p.put("privateLinkServiceNetworkPolicies", "Enabled");
    return node;
  }

  static ObjectNode nic(VirtualMachine vm, World world) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", vm.nic().name());
    node.put("id", vm.nic().id());
    node.put("type", "Microsoft.Network/networkInterfaces");
    node.put("location", vm.location());
    node.putObject("tags");
    ObjectNode p = node.putObject("properties");
    p.put("provisioningState", "Succeeded");
    p.put("resourceGuid", world.ids().stableUuid(vm.nic().id()));
    ObjectNode ip = p.putArray("ipConfigurations").addObject();
    ip.put("name", "ipconfig1");
    ip.put("id", vm.nic().id() + "/ipConfigurations/ipconfig1");
    ip.put("type", "Microsoft.Network/networkInterfaces/ipConfigurations");
    ObjectNode ipp = ip.putObject("properties");
    ipp.put("provisioningState", "Succeeded");
    ipp.put("privateIPAddress", Ipv4.format(vm.privateIp()));
    ipp.put("privateIPAllocationMethod", "Static");
    ipp.putObject("subnet").put("id", vm.subnetId());
    ipp.put("primary", true);
    ipp.put("privateIPAddressVersion", "IPv4");
    p.putObject("dnsSettings").putArray("dnsServers");
    p.put("macAddress", "00-0D-3A-" + String.format("%02X-%02X-%02X", (vm.privateIp() >>> 16) & 255,
        (vm.privateIp() >>> 8) & 255, vm.privateIp() & 255));
    p.put("enableAcceleratedNetworking", true);
    p.put("enableIPForwarding", false);
    p.put("primary", true);
    p.putObject("virtualMachine").put("id", vm.id().id());
    p.put("nicType", "Standard");
    return node;
  }
}
