package dev.gameday.core.load;

import dev.gameday.core.model.AzureSettings;
import java.util.List;
import java.util.regex.Pattern;

/** Subscription id format, the custom endpoint (https only) and its agreement with {@code cloud}. */
final class AzureCheck implements SemanticCheck {
  static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  @Override
  public void check(CheckContext ctx) {
    ctx.text("/azure/subscription").filter(s -> !GUID.matcher(s).matches()).ifPresent(s ->
        ctx.report("/azure/subscription", "azure.subscription must be a subscription id (a GUID), not "
            + ctx.shown("/azure/subscription"), "e.g. \"${env:AZURE_SUBSCRIPTION_ID}\""));
    ctx.absoluteUrl("/azure/endpoint", List.of("https"));
    boolean endpoint = ctx.at("/azure/endpoint").isTextual();
    ctx.text("/azure/cloud").flatMap(AzureSettings.Cloud::fromYaml).ifPresent(cloud -> {
      if (endpoint && cloud != AzureSettings.Cloud.CUSTOM) {
        ctx.report("/azure/cloud", "azure.endpoint sets a custom cloud, but azure.cloud says " + cloud.yamlName(),
            "leave cloud out when endpoint is set");
      } else if (!endpoint && cloud == AzureSettings.Cloud.CUSTOM) {
        ctx.report("/azure/cloud", "azure.cloud Custom needs azure.endpoint");
      }
    });
    if (ctx.at("/azure/caFile").isTextual() && !endpoint) {
      ctx.report("/azure/caFile", "azure.caFile only applies together with azure.endpoint");
    }
  }
}
