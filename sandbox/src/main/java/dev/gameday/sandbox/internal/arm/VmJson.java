package dev.gameday.sandbox.internal.arm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.sandbox.internal.world.Delays;
import dev.gameday.sandbox.internal.world.PowerState;
import dev.gameday.sandbox.internal.world.VirtualMachine;
import java.time.Instant;
import java.util.Map;

/** Renders VMs as ARM's {@code Microsoft.Compute/virtualMachines} JSON. */
final class VmJson {

  private VmJson() {
  }

  static ObjectNode vm(VirtualMachine vm, Instant now, Delays delays, boolean withInstanceView) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", vm.name());
    node.put("id", vm.id().id());
    node.put("type", "Microsoft.Compute/virtualMachines");
    node.put("location", vm.location());
    tags(node, vm.tags());
    if (vm.zone() != null) {
      node.putArray("zones").add(vm.zone());
    }
    ObjectNode p = node.putObject("properties");
    p.put("vmId", vm.vmId());
    p.putObject("hardwareProfile").put("vmSize", vm.size());
    ObjectNode storage = p.putObject("storageProfile");
    storage.putObject("imageReference").put("publisher", "Canonical").put("offer", "ubuntu-24_04-lts")
        .put("sku", "server").put("version", "latest").put("exactVersion", "24.04.202501140");
    ObjectNode osDisk = storage.putObject("osDisk");
    osDisk.put("osType", "Linux").put("name", vm.name() + "_OsDisk_1").put("createOption", "FromImage")
        .put("caching", "ReadWrite").put("deleteOption", "Delete").put("diskSizeGB", 30);
    osDisk.putObject("managedDisk").put("storageAccountType", "Premium_LRS")
        .put("id", "/subscriptions/" + vm.id().subscription() + "/resourceGroups/" + vm.id().resourceGroup()
            + "/providers/Microsoft.Compute/disks/" + vm.name() + "_OsDisk_1");
    storage.putArray("dataDisks");
    storage.put("diskControllerType", "SCSI");
    ObjectNode os = p.putObject("osProfile");
    os.put("computerName", vm.name()).put("adminUsername", "azureuser");
    os.putObject("linuxConfiguration").put("disablePasswordAuthentication", true).put("provisionVMAgent", true)
        .putObject("patchSettings").put("patchMode", "ImageDefault").put("assessmentMode", "ImageDefault");
    os.putArray("secrets");
    os.put("allowExtensionOperations", true).put("requireGuestProvisionSignal", true);
    ObjectNode nic = p.putObject("networkProfile").putArray("networkInterfaces").addObject();
    nic.put("id", vm.nic().id());
    nic.putObject("properties").put("primary", true).put("deleteOption", "Delete");
    p.putObject("diagnosticsProfile").putObject("bootDiagnostics").put("enabled", true);
    PowerState state = vm.power().at(now);
    p.put("provisioningState", state.transitional() ? "Updating" : "Succeeded");
    p.put("timeCreated", ArmTime.format(vm.timeCreated()));
    if (withInstanceView) {
      p.set("instanceView", instanceView(vm, now, delays));
    }
    return node;
  }

  static ObjectNode instanceView(VirtualMachine vm, Instant now, Delays delays) {
    PowerState state = vm.power().at(now);
    Instant since = vm.power().since(now);
    ObjectNode view = JsonNodeFactory.instance.objectNode();
    view.put("computerName", vm.name()).put("osName", "ubuntu").put("osVersion", "24.04").put("hyperVGeneration", "V2");
    ObjectNode agent = view.putObject("vmAgent");
    agent.put("vmAgentVersion", "2.12.0.4");
    boolean agentReady = vm.runningFor(now, delays.guestAgentReady());
    agent.putArray("statuses").addObject().put("code", "ProvisioningState/succeeded").put("level", "Info")
        .put("displayStatus", agentReady ? "Ready" : "Not Ready")
        .put("message", agentReady ? "Guest Agent is running" : "VM status blob is found but not yet populated.")
        .put("time", ArmTime.format(now));
    agent.putArray("extensionHandlers");
    ArrayNode disks = view.putArray("disks");
    disks.addObject().put("name", vm.name() + "_OsDisk_1").putArray("statuses").addObject()
        .put("code", "ProvisioningState/succeeded").put("level", "Info").put("displayStatus", "Provisioning succeeded")
        .put("time", ArmTime.format(vm.timeCreated()));
    ArrayNode statuses = view.putArray("statuses");
    if (state.transitional()) {
      statuses.addObject().put("code", "ProvisioningState/updating").put("level", "Info")
          .put("displayStatus", "Updating");
    } else {
      statuses.addObject().put("code", "ProvisioningState/succeeded").put("level", "Info")
          .put("displayStatus", "Provisioning succeeded").put("time", ArmTime.format(since.isAfter(Instant.EPOCH)
              ? since : vm.timeCreated()));
    }
    statuses.addObject().put("code", state.code()).put("level", "Info").put("displayStatus", state.displayStatus());
    return view;
  }

  static void tags(ObjectNode node, Map<String, String> tags) {
    ObjectNode t = node.putObject("tags");
    tags.forEach(t::put);
  }
}
