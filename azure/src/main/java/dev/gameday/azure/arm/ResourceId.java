package dev.gameday.azure.arm;

import java.util.Locale;
import java.util.Objects;

/**
 * An ARM resource ID taken apart:
 * {@code /subscriptions/{subscription}/resourceGroups/{resourceGroup}/providers/{namespace}/{type}/{name}...}.
 */
public record ResourceId(String id, String subscription, String resourceGroup, String name) {

  public ResourceId {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(resourceGroup, "resourceGroup");
    Objects.requireNonNull(name, "name");
  }

  /** Parses a resource ID; throws {@link IllegalArgumentException} naming what is wrong. */
  public static ResourceId parse(String id) {
    String[] parts = id.split("/");
    if (parts.length < 5 || !parts[0].isEmpty()
        || !parts[1].equalsIgnoreCase("subscriptions")
        || !parts[3].equalsIgnoreCase("resourceGroups")) {
      throw new IllegalArgumentException("not an ARM resource ID (expected /subscriptions/<id>/"
          + "resourceGroups/<rg>/providers/...): " + id);
    }
    return new ResourceId(id, parts[2], parts[4], parts[parts.length - 1]);
  }

  /** {@code /subscriptions/{sub}/resourceGroups/{rg}}. */
  public String resourceGroupScope() {
    return "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup;
  }

  /** Same resource, ignoring the case ARM ignores. */
  public boolean sameAs(String otherId) {
    return id.toLowerCase(Locale.ROOT).equals(otherId.toLowerCase(Locale.ROOT));
  }

  public static String resourceGroupScope(String subscription, String resourceGroup) {
    return "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup;
  }
}
