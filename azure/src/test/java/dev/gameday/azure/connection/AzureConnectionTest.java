package dev.gameday.azure.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.core.model.AzureSettings;
import dev.gameday.core.model.AzureSettings.Cloud;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AzureConnectionTest {
  static AzureConnection connect(Cloud cloud, Optional<URI> endpoint, Map<String, String> env) {
    return AzureConnection.fromSettings(new AzureSettings("sub-1", Optional.of("tenant-1"),
        cloud, endpoint, Optional.empty()), Duration.ofSeconds(5), env::get);
  }

  @Test
  void pointsEachSovereignCloudAtItsOwnResourceManager() {
    assertThat(connect(Cloud.AZURE_PUBLIC, Optional.empty(), Map.of()).endpoint())
        .hasToString("https://management.azure.com/");
    assertThat(connect(Cloud.AZURE_CHINA, Optional.empty(), Map.of()).endpoint())
        .hasToString("https://management.chinacloudapi.cn/");
    assertThat(connect(Cloud.AZURE_US_GOVERNMENT, Optional.empty(), Map.of()).endpoint())
        .hasToString("https://management.usgovcloudapi.net/");
  }

  @Test
  void usesTheFixedSandboxTokenOnlyForALoopbackEndpoint() {
    AzureConnection local = connect(Cloud.CUSTOM, Optional.of(URI.create("https://127.0.0.1:8443")),
        Map.of(AzureConnection.SANDBOX_TOKEN_ENV, "let-me-in"));

    assertThat(local.local()).isTrue();
    assertThat(local.operator()).containsEntry("name", "sandbox");
    assertThat(local.profile().getEnvironment().getResourceManagerEndpoint())
        .isEqualTo("https://127.0.0.1:8443/");
    assertThat(connect(Cloud.CUSTOM, Optional.of(URI.create("https://arm.example.net")),
        Map.of()).local()).isFalse();
  }

  @Test
  void takesTheSubscriptionFromTheEnvironmentWhenTheExperimentHasNone() {
    AzureConnection c = AzureConnection.fromSettings(new AzureSettings("", Optional.empty(),
        Cloud.AZURE_PUBLIC, Optional.empty(), Optional.empty()), Duration.ofSeconds(5),
        Map.of("AZURE_SUBSCRIPTION_ID", "sub-env")::get);

    assertThat(c.subscription()).isEqualTo("sub-env");
    assertThatThrownBy(() -> AzureConnection.fromSettings(new AzureSettings("", Optional.empty(),
        Cloud.AZURE_PUBLIC, Optional.empty(), Optional.empty()), Duration.ofSeconds(5),
        Map.<String, String>of()::get)).hasMessageContaining("AZURE_SUBSCRIPTION_ID");
  }
}
