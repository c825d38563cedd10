package dev.gameday.sandbox.internal.arm;

import dev.gameday.sandbox.internal.world.Operations.Operation;
import dev.gameday.sandbox.internal.world.VirtualMachine;
import java.util.List;
import java.util.function.BiFunction;

/** {@code Microsoft.Compute/virtualMachines}: get, list, instance view and the power actions. */
final class VirtualMachinesApi {

  private static final String VMS = "/providers/Microsoft\\.Compute/virtualMachines";
  private static final String VM = Route.RG + VMS + "/(?<vm>[^/]+)";

  private VirtualMachinesApi() {
  }

  static List<Route> routes() {
    ApiVersions v = ApiVersions.COMPUTE;
    return List.of(
        Route.of("GET", Route.RG + VMS, v, VirtualMachinesApi::listByResourceGroup),
        Route.of("GET", Route.SUB + VMS, v, VirtualMachinesApi::listBySubscription),
        Route.of("GET", VM, v, VirtualMachinesApi::get),
        Route.of("GET", VM + "/instanceView", v, call ->
            ArmResponse.ok(VmJson.instanceView(vm(call), call.now(), call.world().delays()))),
        Route.of("POST", VM + "/powerOff", v, call -> action(call, (c, vm) ->
            c.sim().vmPower().powerOff(vm, "true".equalsIgnoreCase(c.request().param("skipShutdown"))))),
        Route.of("POST", VM + "/deallocate", v, call -> action(call, (c, vm) ->
            c.sim().vmPower().deallocate(vm, "true".equalsIgnoreCase(c.request().param("hibernate"))))),
        Route.of("POST", VM + "/start", v, call -> action(call, (c, vm) -> c.sim().vmPower().start(vm))),
        Route.of("POST", VM + "/restart", v, call -> action(call, (c, vm) -> c.sim().vmPower().restart(vm))));
  }

  static VirtualMachine vm(ArmCall call) {
    call.requireResourceGroup();
    return call.world().vm(call.group("rg"), call.group("vm")).orElseThrow(() -> ArmException.notFound(
        "ResourceNotFound", "The Resource 'Microsoft.Compute/virtualMachines/" + call.group("vm")
            + "' under resource group '" + call.group("rg") + "' was not found. For more details please go to "
            + "https://aka.ms/ARMResourceNotFoundFix"));
  }

  private static ArmResponse get(ArmCall call) {
    VirtualMachine vm = vm(call);
    String expand = call.request().param("$expand");
    boolean instanceView = expand != null && expand.equalsIgnoreCase("instanceView");
    if (expand != null && !instanceView && !expand.equalsIgnoreCase("userData")) {
      throw ArmException.badRequest("InvalidParameter", "The value '" + expand + "' of parameter '$expand' is invalid."
          + " Allowed values are 'instanceView, userData'.");
    }
    return ArmResponse.ok(VmJson.vm(vm, call.now(), call.world().delays(), instanceView));
  }

  private static ArmResponse listByResourceGroup(ArmCall call) {
    call.requireResourceGroup();
    return ArmResponse.list(call.world().vms().stream()
        .filter(vm -> vm.id().resourceGroup().equalsIgnoreCase(call.group("rg")))
        .map(vm -> VmJson.vm(vm, call.now(), call.world().delays(), false)).toList());
  }

  private static ArmResponse listBySubscription(ArmCall call) {
    call.requireSubscription();
    boolean statusOnly = "true".equalsIgnoreCase(call.request().param("statusOnly"));
    return ArmResponse.list(call.world().vms().stream()
        .map(vm -> VmJson.vm(vm, call.now(), call.world().delays(), statusOnly)).toList());
  }

  private static ArmResponse action(ArmCall call, BiFunction<ArmCall, VirtualMachine, Operation> action) {
    Operation op = action.apply(call, vm(call));
    return LongRunningOperations.computeAccepted(call, op);
  }
}
