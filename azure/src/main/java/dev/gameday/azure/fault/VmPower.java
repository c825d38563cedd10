package dev.gameday.azure.fault;

import dev.gameday.azure.arm.ApiVersions;
import dev.gameday.azure.arm.ArmClient;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.arm.Json;
import java.util.Locale;

/** Reads a VM's power state from a fresh instance view (the instance view is never cached). */
final class VmPower {
  private VmPower() {}

  static ArmRequest request(String vmId) {
    return ArmRequest.get(vmId, ApiVersions.COMPUTE).withQuery("$expand", "instanceView");
  }

  /** {@code running}, {@code stopped}, {@code deallocated}, ... or {@code unknown}. */
  static String read(ArmClient arm, String vmId) {
    var body = arm.send(request(vmId)).body();
    for (var s : Json.elements(body, "/properties/instanceView/statuses")) {
      String code = s.path("code").asText("");
      if (code.startsWith("PowerState/")) {
        return code.substring("PowerState/".length()).toLowerCase(Locale.ROOT);
      }
    }
    return "unknown";
  }
}
