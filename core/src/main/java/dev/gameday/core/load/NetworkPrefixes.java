package dev.gameday.core.load;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an NSG rule accepts as a source or destination: {@code *}, an IPv4 or IPv6 address or CIDR
 * prefix, or an Azure service tag (optionally regional, e.g. {@code AzureCloud.westeurope}).
 */
final class NetworkPrefixes {

  /** Service tags NSG rules accept (the common ones; regional forms add {@code .region}). */
  static final List<String> SERVICE_TAGS = List.of(
      "VirtualNetwork", "Internet", "AzureLoadBalancer", "AzureCloud", "Sql", "SqlManagement", "Storage",
      "AzureMonitor", "AzureActiveDirectory", "AzureKeyVault", "EventHub", "ServiceBus", "AppService",
      "AppServiceManagement", "AzureCosmosDB", "AzureTrafficManager", "AzureFrontDoor.Backend",
      "AzureFrontDoor.Frontend", "AzureFrontDoor.FirstParty", "ApiManagement", "AzureContainerRegistry",
      "AzureBackup", "AzureSiteRecovery", "AzureDevOps", "GatewayManager", "AzureBastion", "AzureDatabricks",
      "MicrosoftContainerRegistry", "AzureKubernetesService", "AzureResourceManager", "AzureMachineLearning",
      "AzureArcInfrastructure", "BatchNodeManagement", "DataFactory", "PowerBI", "AzureUpdateDelivery",
      "GuestAndHybridManagement", "LogicApps", "AzureSignalR", "AzureEventGrid", "AzureDigitalTwins");

  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
  private static final Pattern REGION = Pattern.compile("[A-Za-z0-9]+");

  private NetworkPrefixes() {}

  /** Why the text is not a valid prefix, or empty when it is one. */
  static Optional<String> problem(String text) {
    if (text.equals("*") || isServiceTag(text)) {
      return Optional.empty();
    }
    if (!text.matches("[0-9A-Fa-f:./]+")) {
      return Optional.of("not a CIDR prefix, IP address or known service tag");
    }
    String[] parts = text.split("/", -1);
    if (parts.length > 2) {
      return Optional.of("a CIDR prefix has one /");
    }
    boolean v6 = parts[0].contains(":");
    if (!(v6 ? ipv6(parts[0]) : ipv4(parts[0]))) {
      return Optional.of("not a valid " + (v6 ? "IPv6" : "IPv4") + " address");
    }
    if (parts.length == 2) {
      int max = v6 ? 128 : 32;
      if (!parts[1].matches("\\d{1,3}") || Integer.parseInt(parts[1]) > max) {
        return Optional.of("prefix length must be 0-" + max);
      }
    }
    return Optional.empty();
  }

  static boolean isServiceTag(String text) {
    for (String tag : SERVICE_TAGS) {
      if (text.equals(tag)) {
        return true;
      }
      if (text.startsWith(tag + ".") && REGION.matcher(text.substring(tag.length() + 1)).matches()) {
        return true;
      }
    }
    return false;
  }

  static boolean ipv4(String s) {
    var m = IPV4.matcher(s);
    if (!m.matches()) {
      return false;
    }
    for (int i = 1; i <= 4; i++) {
      if (Integer.parseInt(m.group(i)) > 255) {
        return false;
      }
    }
    return true;
  }

  static boolean ipv6(String s) {
    String body = s;
    int lastColon = s.lastIndexOf(':');
    String tail = s.substring(lastColon + 1);
    if (tail.contains(".")) {
      if (!ipv4(tail)) {
        return false;
      }
      body = s.substring(0, lastColon + 1) + "0:0";
    }
    int compress = body.indexOf("::");
    if (compress >= 0) {
      if (body.indexOf("::", compress + 1) >= 0) {
        return false;
      }
      String[] halves = body.split("::", -1);
      return count(halves[0]) + count(halves[1]) <= 7 && valid(halves[0]) && valid(halves[1]);
    }
    return valid(body) && count(body) == 8;
  }

  private static int count(String part) {
    return part.isEmpty() ? 0 : part.split(":", -1).length;
  }

  private static boolean valid(String part) {
    if (part.isEmpty()) {
      return true;
    }
    for (String g : part.split(":", -1)) {
      if (!HEX_GROUP.matcher(g).matches()) {
        return false;
      }
    }
    return true;
  }
}
