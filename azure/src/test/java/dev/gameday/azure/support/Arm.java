package dev.gameday.azure.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** ARM-shaped answers for WireMock stubs. */
public final class Arm {
  public static final String RG = "/subscriptions/" + ArmStub.SUB + "/resourceGroups/rg-shop";

  private Arm() {}

  public static String vmId(String name) {
    return RG + "/providers/Microsoft.Compute/virtualMachines/" + name;
  }

  public static ResponseDefinitionBuilder vm(String name, String powerState) {
    return okJson("{\"id\":\"" + vmId(name) + "\",\"name\":\"" + name + "\","
        + "\"tags\":{\"chaos\":\"allowed\"},\"properties\":{\"instanceView\":{\"statuses\":["
        + "{\"code\":\"ProvisioningState/succeeded\"},{\"code\":\"PowerState/" + powerState
        + "\"}]}}}");
  }

  /** A VM whose {@code ProvisioningState/succeeded} status carries Azure's {@code time}. */
  public static ResponseDefinitionBuilder vm(String name, String powerState, String time) {
    return okJson("{\"id\":\"" + vmId(name) + "\",\"name\":\"" + name + "\","
        + "\"properties\":{\"instanceView\":{\"statuses\":[{\"code\":"
        + "\"ProvisioningState/succeeded\",\"time\":\"" + time + "\"},{\"code\":\"PowerState/"
        + powerState + "\"}]}}}");
  }

  /** 202 with ids, pointing at an operation status URL on the stub. */
  public static ResponseDefinitionBuilder accepted(ArmStub stub, String opPath) {
    return aResponse().withStatus(202)
        .withHeader("x-ms-correlation-request-id", "corr-" + opPath.hashCode())
        .withHeader("Azure-AsyncOperation", stub.endpoint() + opPath + "?api-version=x")
        .withHeader("Retry-After", "0");
  }

  public static ResponseDefinitionBuilder status(String status) {
    return okJson("{\"name\":\"op\",\"status\":\"" + status + "\"}");
  }

  public static ResponseDefinitionBuilder armNotFound() {
    return aResponse().withStatus(404).withBody(
        "{\"error\":{\"code\":\"NotFound\",\"message\":\"not found\"}}");
  }

  public static ResponseDefinitionBuilder health(String state) {
    return okJson("{\"properties\":{\"availabilityState\":\"" + state
        + "\",\"reasonType\":\"" + (state.equals("Available") ? "" : "Customer Initiated")
        + "\"}}");
  }
}
