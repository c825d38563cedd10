package dev.gameday.sandbox.internal.world;

import java.util.List;
import java.util.Optional;

/** An emulated virtual network; subnets may name an NSG (by its resource name). */
public record VirtualNetwork(ResourceName id, String location, List<Cidr> addressSpace, List<Subnet> subnets) {

  public VirtualNetwork {
    addressSpace = List.copyOf(addressSpace);
    subnets = List.copyOf(subnets);
  }

  /** A subnet; {@code nsg} null when none is associated. */
  public record Subnet(String name, Cidr prefix, ResourceName nsg) {
  }

  public Cidr.Space space() {
    return new Cidr.Space(addressSpace);
  }

  public Optional<Subnet> subnet(String name) {
    return subnets.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
  }

  public Optional<Subnet> subnetOf(int ip) {
    return subnets.stream().filter(s -> s.prefix().contains(ip)).findFirst();
  }

  public String subnetId(Subnet subnet) {
    return id.id() + "/subnets/" + subnet.name();
  }
}
