package dev.gameday.sandbox.internal.world;

import java.util.Locale;

/** A resource's subscription, resource group, provider type and name; renders its ARM id. */
public record ResourceName(String subscription, String resourceGroup, String type, String name) {

  /** {@code type} is e.g. {@code Microsoft.Compute/virtualMachines}. */
  public String id() {
    return "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup + "/providers/" + type + "/" + name;
  }

  /** Lower-case {@code resourceGroup/name}, the key the world indexes by (ARM names are case-insensitive). */
  public String key() {
    return key(resourceGroup, name);
  }

  public static String key(String resourceGroup, String name) {
    return (resourceGroup + "/" + name).toLowerCase(Locale.ROOT);
  }
}
