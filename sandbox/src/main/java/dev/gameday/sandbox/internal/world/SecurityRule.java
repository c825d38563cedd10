package dev.gameday.sandbox.internal.world;

import dev.gameday.sandbox.internal.arm.ArmException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated NSG security rule. Prefixes and ports keep the form they were given in (singular
 * or plural), as ARM does, so a GET returns what was PUT.
 */
public record SecurityRule(String name, String description, String protocol, String access, String direction,
    int priority, Field sources, Field sourcePorts, Field destinations, Field destinationPorts) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?");

  /** A list of values that ARM renders as {@code xxx} when {@code singular}, else {@code xxxs}. */
  public record Field(List<String> values, boolean singular) {
    public Field {
      values = List.copyOf(values);
    }
  }

  /** Validates a rule like ARM does and throws its 400 errors. */
  public static SecurityRule validate(String name, WorldConfig.Rule in) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw ArmException.badRequest("InvalidResourceName", "Resource name " + name + " is invalid. The name can be up"
          + " to 80 characters long. It must begin with a word character, and it must end with a word character or"
          + " with '_'. The name may contain word characters or '.', '-', '_'.");
    }
    String protocol = oneOf(name, "protocol", in.protocol(), List.of("Tcp", "Udp", "Icmp", "Esp", "Ah", "*"),
        "SecurityRuleInvalidProtocol");
    String access = oneOf(name, "access", in.access(), List.of("Allow", "Deny"), "SecurityRuleInvalidAccess");
    String direction = oneOf(name, "direction", in.direction(), List.of("Inbound", "Outbound"),
        "SecurityRuleInvalidDirection");
    if (in.priority() == null) {
      throw ArmException.badRequest("SecurityRuleParameterPriorityMissing",
          "Security rule " + name + " does not have a value for the required property 'priority'.");
    }
    if (in.priority() < 100 || in.priority() > 4096) {
      throw ArmException.badRequest("SecurityRuleInvalidPriority", "Security rule has invalid Priority. Value provided: "
          + in.priority() + " Allowed range 100-4096.");
    }
    Field sources = field(name, "sourceAddressPrefix", in.sourceAddressPrefix(), in.sourceAddressPrefixes(),
        "SecurityRuleInvalidAddressPrefix");
    Field destinations = field(name, "destinationAddressPrefix", in.destinationAddressPrefix(),
        in.destinationAddressPrefixes(), "SecurityRuleInvalidAddressPrefix");
    Field sourcePorts = field(name, "sourcePortRange", in.sourcePortRange(), in.sourcePortRanges(),
        "SecurityRuleInvalidPortRange");
    Field destinationPorts = field(name, "destinationPortRange", in.destinationPortRange(),
        in.destinationPortRanges(), "SecurityRuleInvalidPortRange");
    sources.values().forEach(AddressPrefix::parse);
    destinations.values().forEach(AddressPrefix::parse);
    sourcePorts.values().forEach(PortRange::parse);
    destinationPorts.values().forEach(PortRange::parse);
    return new SecurityRule(name, in.description(), protocol, access, direction, in.priority(),
        sources, sourcePorts, destinations, destinationPorts);
  }

  private static String oneOf(String rule, String property, String value, List<String> allowed, String code) {
    if (value == null || value.isBlank()) {
      throw ArmException.badRequest(code, "Security rule " + rule + " does not have a value for the required property '"
          + property + "'.");
    }
    return allowed.stream().filter(a -> a.equalsIgnoreCase(value.trim())).findFirst()
        .orElseThrow(() -> ArmException.badRequest(code, "Security rule has invalid " + property + ". Value provided: "
            + value + ". Allowed values: " + String.join(", ", allowed) + "."));
  }

  private static Field field(String rule, String singular, String one, List<String> many, String code) {
    boolean hasOne = one != null && !one.isBlank();
    boolean hasMany = many != null && !many.isEmpty();
    if (hasOne && hasMany) {
      throw ArmException.badRequest("SecurityRuleParameterContainsUnsupportedValue", "Security rule " + rule
          + " has both '" + singular + "' and '" + singular + "es' or '" + singular + "s'; specify only one.");
    }
    if (!hasOne && !hasMany) {
      throw ArmException.badRequest(code, "Security rule " + rule + " does not have a value for the required property '"
          + singular + "'.");
    }
    return hasOne ? new Field(List.of(one.trim()), true) : new Field(many, false);
  }

  public boolean allows() {
    return access.equals("Allow");
  }

  /** Whether this rule matches a flow in its direction. */
  public boolean matches(Flow flow, Cidr.Space vnetSpace) {
    return (protocol.equals("*") || protocol.equalsIgnoreCase(flow.protocol()))
        && sources.values().stream().map(AddressPrefix::parse).anyMatch(p -> p.matches(flow.sourceIp(), vnetSpace))
        && destinations.values().stream().map(AddressPrefix::parse)
            .anyMatch(p -> p.matches(flow.destinationIp(), vnetSpace))
        && sourcePorts.values().stream().map(PortRange::parse).anyMatch(r -> r.contains(flow.sourcePort()))
        && destinationPorts.values().stream().map(PortRange::parse).anyMatch(r -> r.contains(flow.destinationPort()));
  }

  public String key() {
    return name.toLowerCase(Locale.ROOT);
  }

  /** A connection attempt. */
  public record Flow(String protocol, int sourceIp, int sourcePort, int destinationIp, int destinationPort) {
  }

  /** The default rules every NSG has, below all custom rules. */
  public static List<SecurityRule> defaults() {
    return List.of(
        fixed("AllowVnetInBound", "Allow inbound traffic from all VMs in VNET", "Allow", "Inbound", 65000,
            "VirtualNetwork", "VirtualNetwork"),
        fixed("AllowAzureLoadBalancerInBound", "Allow inbound traffic from azure load balancer", "Allow", "Inbound",
            65001, "AzureLoadBalancer", "*"),
        fixed("DenyAllInBound", "Deny all inbound traffic", "Deny", "Inbound", 65500, "*", "*"),
        fixed("AllowVnetOutBound", "Allow outbound traffic from all VMs to all VMs in VNET", "Allow", "Outbound",
            65000, "VirtualNetwork", "VirtualNetwork"),
        fixed("AllowInternetOutBound", "Allow outbound traffic from all VMs to Internet", "Allow", "Outbound", 65001,
            "*", "Internet"),
        fixed("DenyAllOutBound", "Deny all outbound traffic", "Deny", "Outbound", 65500, "*", "*"));
  }

  private static SecurityRule fixed(String name, String description, String access, String direction, int priority,
      String source, String destination) {
    return new SecurityRule(name, description, "*", access, direction, priority,
        new Field(List.of(source), true), new Field(List.of("*"), true),
        new Field(List.of(destination), true), new Field(List.of("*"), true));
  }
}
