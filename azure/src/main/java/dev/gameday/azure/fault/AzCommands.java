package dev.gameday.azure.fault;

import dev.gameday.azure.arm.ResourceId;
import java.util.List;

/** The {@code az} command lines that finish a revert by hand. */
public final class AzCommands {
  private AzCommands() {}

  public static String vmStart(List<String> vmIds) {
    return "az vm start --ids " + String.join(" ", vmIds);
  }

  public static String nsgRuleDelete(String nsgId, String ruleName) {
    ResourceId id = ResourceId.parse(nsgId);
    return "az network nsg rule delete --subscription " + id.subscription()
        + " --resource-group " + id.resourceGroup() + " --nsg-name " + id.name()
        + " --name " + ruleName;
  }

  public static String restPost(String armUrl, String pathAndQuery, String body) {
    return "az rest --method post --url '" + armUrl + pathAndQuery + "'"
        + (body == null ? "" : " --body '" + body + "'");
  }
}
