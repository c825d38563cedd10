package dev.gameday.azure.fault;

import dev.gameday.azure.arm.ApiVersions;
import dev.gameday.azure.arm.ArmClient;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.arm.Json;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Reads a VM's power state from a fresh instance view (the instance view is never cached). */
final class VmPower {
  private VmPower() {}

  static ArmRequest request(String vmId) {
    return ArmRequest.get(vmId, ApiVersions.COMPUTE).withQuery("$expand", "instanceView");
  }

  /**
   * One reading of the instance view: the power state ({@code running}, {@code stopped},
   * {@code deallocated}, ... or {@code unknown}) and, when provisioning has succeeded, the
   * {@code time} of its {@code ProvisioningState/succeeded} status: Azure's own account of when
   * the operation that left the VM in that state finished (InstanceViewStatus.time in
   * specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2025-04-01/
   * computeRPCommon.json; example VirtualMachine_Get_InstanceView.json).
   */
  record View(String state, Optional<Instant> provisioned) {}

  static View view(ArmClient arm, String vmId) {
    var body = arm.send(request(vmId)).body();
    String state = "unknown";
    Optional<Instant> provisioned = Optional.empty();
    for (var s : Json.elements(body, "/properties/instanceView/statuses")) {
      String code = s.path("code").asText("");
      if (code.startsWith("PowerState/")) {
        state = code.substring("PowerState/".length()).toLowerCase(Locale.ROOT);
      } else if (code.equalsIgnoreCase("ProvisioningState/succeeded")) {
        provisioned = Json.instant(s, "/time");
      }
    }
    return new View(state, provisioned);
  }

  /** {@code running}, {@code stopped}, {@code deallocated}, ... or {@code unknown}. */
  static String read(ArmClient arm, String vmId) {
    return view(arm, vmId).state();
  }
}
