package dev.gameday.azure.arm;

import com.azure.core.http.HttpPipeline;
import com.azure.resourcemanager.compute.fluent.ComputeManagementClient;
import com.azure.resourcemanager.compute.implementation.ComputeManagementClientBuilder;
import com.azure.resourcemanager.network.fluent.NetworkManagementClient;
import com.azure.resourcemanager.network.implementation.NetworkManagementClientBuilder;
import com.azure.resourcemanager.resources.fluent.ResourceManagementClient;
import com.azure.resourcemanager.resources.implementation.ResourceManagementClientBuilder;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The typed inner clients of azure-resourcemanager-compute, -network and -resources for one
 * subscription, built on the {@link ArmClient}'s own pipeline and endpoint: their requests carry
 * the same credential, request id and logging, and go through {@link ArmClient#call} or
 * {@link ArmClient#pages} for the rate limits, time limits and retries. Only the inner
 * (generated) clients are used, not the fluent managers ({@code ComputeManager} would also need
 * the storage, msi, authorization and keyvault libraries). Each is built on first use (building
 * one sets up a proxy per operation group: network's has over a hundred). Each library
 * hard-codes its api-version; those of the calls Gameday makes with them are the ones in
 * {@link ApiVersions} ({@code ServiceClientsTest} checks the requests they send).
 */
public final class ServiceClients {
  private final HttpPipeline pipeline;
  private final String endpoint;
  private final String subscription;
  private final ConcurrentMap<Class<?>, Object> built = new ConcurrentHashMap<>();

  ServiceClients(HttpPipeline pipeline, String endpoint, String subscription) {
    this.pipeline = pipeline;
    this.endpoint = endpoint;
    this.subscription = subscription;
  }

  /** Virtual machines (api-version {@value ApiVersions#COMPUTE}). */
  public ComputeManagementClient compute() {
    return built(ComputeManagementClient.class, () -> new ComputeManagementClientBuilder()
        .pipeline(pipeline).endpoint(endpoint).subscriptionId(subscription).buildClient());
  }

  /** Network security groups and subnets (api-version {@value ApiVersions#NETWORK}). */
  public NetworkManagementClient network() {
    return built(NetworkManagementClient.class, () -> new NetworkManagementClientBuilder()
        .pipeline(pipeline).endpoint(endpoint).subscriptionId(subscription).buildClient());
  }

  /** Generic resources by id (the api-version is the caller's). */
  public ResourceManagementClient resources() {
    return built(ResourceManagementClient.class, () -> new ResourceManagementClientBuilder()
        .pipeline(pipeline).endpoint(endpoint).subscriptionId(subscription).buildClient());
  }

  private <T> T built(Class<T> kind, Supplier<T> build) {
    return kind.cast(built.computeIfAbsent(kind, k -> build.get()));
  }
}
