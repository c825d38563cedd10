package dev.gameday.azure.fault;

import dev.gameday.azure.arm.ApiVersions;
import dev.gameday.azure.arm.ArmClient;
import dev.gameday.azure.arm.ArmException;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.arm.Json;
import dev.gameday.azure.arm.OperationStatus;
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

  /**
   * Azure's own time of the change a look just saw: the instance view's {@code
   * ProvisioningState/succeeded} time, else the {@code endTime} of the operation that made the
   * change ({@code OperationStatusResult} in
   * {@code specification/common-types/resource-management/v5/types.json}): from {@code known},
   * its last status already read, when that one succeeded; else read once, here, from {@code
   * operation}, its status URL (null when Azure gave none). Empty when neither states it or the
   * operation has not succeeded yet: the report then keeps the poll bracket.
   */
  static Optional<Instant> stated(ArmClient arm, View view, String operation,
      OperationStatus known) {
    if (view.provisioned().isPresent() || operation == null) {
      return view.provisioned();
    }
    if (known != null && known.succeeded()) {
      return known.endTime();
    }
    try {
      OperationStatus op = OperationStatus.poll(arm, operation);
      return op.succeeded() ? op.endTime() : Optional.empty();
    } catch (ArmException e) {
      return Optional.empty();
    }
  }

  /** {@code running}, {@code stopped}, {@code deallocated}, ... or {@code unknown}. */
  static String read(ArmClient arm, String vmId) {
    return view(arm, vmId).state();
  }
}
