package dev.gameday.sandbox.internal.world;

import dev.gameday.sandbox.internal.arm.ArmException;
import java.util.Locale;
import java.util.Set;

/** An NSG address prefix: {@code *}, a service tag, an IPv4 address or an IPv4 CIDR block. */
public sealed interface AddressPrefix {

  /** Address of the Azure platform that sends load-balancer health probes. */
  int AZURE_LOAD_BALANCER = Ipv4.parse("168.63.129.16");

  Set<String> KNOWN_TAGS = Set.of("virtualnetwork", "internet", "azureloadbalancer", "azurecloud", "sql",
      "storage", "azureactivedirectory", "azuremonitor", "azuretrafficmanager", "azurefrontdoor.backend",
      "azurefrontdoor.frontend", "gatewaymanager", "azurekeyvault", "eventhub", "servicebus", "azurebackup",
      "azuresiterecovery", "appservice", "azurecosmosdb", "guestandhybridmanagement");

  /** Whether {@code ip} falls in this prefix; {@code vnetSpace} defines the VirtualNetwork tag. */
  boolean matches(int ip, Cidr.Space vnetSpace);

  static AddressPrefix parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.equals("*") || t.equalsIgnoreCase("any")) {
      return new Any();
    }
    if (!t.isEmpty() && Character.isLetter(t.charAt(0))) {
      String lower = t.toLowerCase(Locale.ROOT);
      int dot = lower.indexOf('.');
      if (KNOWN_TAGS.contains(lower) || (dot > 0 && KNOWN_TAGS.contains(lower.substring(0, dot)))) {
        return new Tag(lower);
      }
      throw ArmException.badRequest("SecurityRuleInvalidAddressPrefix",
          "Security rule has invalid Address prefix. Value provided: " + text);
    }
    try {
      return new Block(Cidr.parse(t));
    } catch (IllegalArgumentException e) {
      throw ArmException.badRequest("SecurityRuleInvalidAddressPrefix",
          "Security rule has invalid Address prefix. Value provided: " + text);
    }
  }

  record Any() implements AddressPrefix {
    @Override
    public boolean matches(int ip, Cidr.Space vnetSpace) {
      return true;
    }
  }

  record Tag(String name) implements AddressPrefix {
    @Override
    public boolean matches(int ip, Cidr.Space vnetSpace) {
      return switch (name) {
        case "virtualnetwork" -> vnetSpace.contains(ip) || ip == AZURE_LOAD_BALANCER;
        case "internet" -> !vnetSpace.contains(ip) && ip != AZURE_LOAD_BALANCER;
        case "azureloadbalancer" -> ip == AZURE_LOAD_BALANCER;
        default -> false;
      };
    }
  }

  record Block(Cidr cidr) implements AddressPrefix {
    @Override
    public boolean matches(int ip, Cidr.Space vnetSpace) {
      return cidr.contains(ip);
    }
  }
}
